package dev.netc.benchmarks.vector;

import dev.netc.benchmarks.Examples;
import dev.netc.benchmarks.Networks;
import dev.netc.benchmarks.Precision;
import dev.netc.benchmarks.PredictionBenchmark;
import dev.netc.benchmarks.Workload;
import dev.netc.runtime.network.CompiledNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The generated W3 classes against the hand-written Vector API forms of their first layer ({@link
 * VectorW3Double}, {@link VectorW3Float}), in the same run, examples per second: 32 per-row
 * predictions, one block prediction over the 32 rows, and a mini-batch of 32 as one block gradient
 * call then the step. Both forms give the same bits ({@code VectorW3Test}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Examples.COUNT)
@Fork(jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class VectorBenchmark {

  /** The generated class and its Vector API form, with the same parameters. */
  @State(Scope.Thread)
  public static class Rows {
    /** {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String precision;

    CompiledNetwork scalar;
    VectorW3 vector;

    /**
     * Float: the block loops in plain Java ({@link VectorW3Float#sumBlockScalar}); double: null.
     */
    VectorW3 plainBlocks;

    double[][] inputs;
    double[][] targets;
    double[] output;
    double[][] outputs;

    /** Creates both networks and the buffers. */
    @Setup(Level.Trial)
    public void setUp() {
      Examples examples = Examples.of(Workload.W3);
      inputs = new double[Examples.COUNT][];
      targets = new double[Examples.COUNT][];
      for (int e = 0; e < Examples.COUNT; e++) {
        inputs[e] = examples.input(e);
        targets[e] = examples.target(e);
      }
      output = new double[10];
      outputs = new double[Examples.COUNT][10];
      scalar = Networks.generated(Workload.W3, Precision.of(precision));
      vector = VectorW3.of(scalar, precision);
      plainBlocks = "float".equals(precision) ? new VectorW3Float(scalar, true) : null;
    }

    /**
     * After the measurement, with the code compiled by C2: fresh copies of both forms take 20 steps
     * side by side and must predict the same bits (the unit test checks the same on the
     * interpreter).
     */
    @TearDown(Level.Trial)
    public void check() {
      CompiledNetwork a = Networks.generated(Workload.W3, Precision.of(precision));
      VectorW3 b = VectorW3.of(a, precision);
      double[][] expected = new double[Examples.COUNT][10];
      for (int step = 0; step < 20; step++) {
        double la = a.accumulateGradient(inputs, targets, 0, Examples.COUNT - step % 3);
        double lb = b.accumulateGradient(inputs, targets, 0, Examples.COUNT - step % 3);
        a.applyGradient(1.0);
        b.applyGradient(1.0);
        a.predict(inputs, 0, Examples.COUNT, expected);
        b.predict(inputs, 0, Examples.COUNT, outputs);
        for (int e = 0; e < Examples.COUNT; e++) {
          for (int k = 0; k < 10; k++) {
            if (Double.doubleToRawLongBits(expected[e][k])
                    != Double.doubleToRawLongBits(outputs[e][k])
                || Double.doubleToRawLongBits(la) != Double.doubleToRawLongBits(lb)) {
              throw new IllegalStateException(
                  "Vector API form differs from the generated class: step "
                      + step
                      + ", row "
                      + e
                      + ", output "
                      + k);
            }
          }
        }
      }
    }
  }

  /** 32 per-row predictions, generated class. */
  @Benchmark
  public double scalarPredictRows(Rows s) {
    return PredictionBenchmark.pass(s.scalar, s.inputs, s.output);
  }

  /** One prediction call over the 32 rows, generated class. */
  @Benchmark
  public double scalarPredictBlock(Rows s) {
    s.scalar.predict(s.inputs, 0, Examples.COUNT, s.outputs);
    return s.outputs[Examples.COUNT - 1][0];
  }

  /** A mini-batch of 32 as one gradient call over the rows, then the step, generated class. */
  @Benchmark
  public double scalarBatch32Block(Rows s) {
    double loss = s.scalar.accumulateGradient(s.inputs, s.targets, 0, Examples.COUNT);
    s.scalar.applyGradient(1.0);
    return loss;
  }

  /**
   * One prediction call over the 32 rows, the Vector API's float block of 4 rows written as plain
   * Java loops, which C2 leaves scalar (the generated float class blocks by 3 rows of 4 columns
   * instead; double: the generated class).
   */
  @Benchmark
  public double plainPredictBlock(Rows s) {
    if (s.plainBlocks == null) {
      return scalarPredictBlock(s);
    }
    s.plainBlocks.predict(s.inputs, 0, Examples.COUNT, s.outputs);
    return s.outputs[Examples.COUNT - 1][0];
  }

  /** A mini-batch of 32 as one gradient call, the block loops in plain Java (double: generated). */
  @Benchmark
  public double plainBatch32Block(Rows s) {
    if (s.plainBlocks == null) {
      return scalarBatch32Block(s);
    }
    double loss = s.plainBlocks.accumulateGradient(s.inputs, s.targets, 0, Examples.COUNT);
    s.plainBlocks.applyGradient(1.0);
    return loss;
  }

  /** 32 per-row predictions, Vector API. */
  @Benchmark
  public double vectorPredictRows(Rows s) {
    double sum = 0.0;
    for (double[] input : s.inputs) {
      s.vector.predict(input, s.output);
      sum += s.output[0];
    }
    return sum;
  }

  /** One prediction call over the 32 rows, Vector API. */
  @Benchmark
  public double vectorPredictBlock(Rows s) {
    s.vector.predict(s.inputs, 0, Examples.COUNT, s.outputs);
    return s.outputs[Examples.COUNT - 1][0];
  }

  /** A mini-batch of 32 as one gradient call over the rows, then the step, Vector API. */
  @Benchmark
  public double vectorBatch32Block(Rows s) {
    double loss = s.vector.accumulateGradient(s.inputs, s.targets, 0, Examples.COUNT);
    s.vector.applyGradient(1.0);
    return loss;
  }
}
