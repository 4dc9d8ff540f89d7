/**
 * The samples: each {@code *Sample} class trains one network that netc-maven-plugin generated from
 * {@code src/main/netc}, evaluates it with the runtime and prints the metrics. Run one with {@code
 * mvn -q -pl samples exec:java -Dexec.mainClass=dev.netc.samples.IrisSample} after {@code mvn
 * install}. The tests call the same {@code run} methods and assert the results.
 */
package dev.netc.samples;
