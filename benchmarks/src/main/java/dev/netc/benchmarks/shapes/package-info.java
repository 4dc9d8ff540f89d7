/**
 * Code-shape experiments for the generator (docs/performance.md): the inner loops of a W3-sized
 * layer (784 inputs, 128 units) written in alternative forms, timed side by side. Not part of the
 * suite; run with {@code java -jar benchmarks/target/benchmarks.jar --short ShapeExperiment}.
 */
package dev.netc.benchmarks.shapes;
