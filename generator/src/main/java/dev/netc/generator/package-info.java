/**
 * netc's compiler facade: {@link dev.netc.generator.NetcCompiler} checks {@code .nn} files with the
 * grammar's front end and generates one Java class per network (plan, then emit); {@code write}
 * writes the classes that changed. Used by the Maven plugin and the command line; depends on the
 * grammar module and JavaPoet, never on the runtime. Only {@code write} does I/O.
 */
package dev.netc.generator;
