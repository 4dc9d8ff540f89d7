package dev.netc.benchmarks;

import dev.netc.runtime.network.CompiledNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The batch methods of the generated class against its per-row methods, in the same run, examples
 * per second: prediction of the 32 examples one at a time ({@code predict(double[], double[])}) and
 * as one call over the rows ({@code predict(double[][], int, int, double[][])}); a mini-batch of 32
 * as 32 {@code accumulateGradient} calls and as one call over the rows, each followed by {@code
 * applyGradient(1)}. The two forms give the same numbers bit for bit (the generator's tests), so
 * the ratio of each pair is the gain of computing a block of rows at once.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Examples.COUNT)
public class BatchBenchmark {

  /** The generated class with an output row per example. */
  @State(Scope.Thread)
  public static class Rows {
    /**
     * Which network: W2 and W3, whose classes have the generated batch methods, and W1, whose
     * unrolled layers keep the interface's defaults (a loop over the per-row methods).
     */
    @Param({"W1", "W2", "W3"})
    public Workload workload;

    /** {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String precision;

    CompiledNetwork network;
    double[][] inputs;
    double[][] targets;
    double[] output;
    double[][] outputs;

    /** Creates the generated network and the buffers. */
    @Setup(Level.Trial)
    public void setUp() {
      Examples examples = Examples.of(workload);
      inputs = examples.inputs();
      targets = examples.targets();
      output = new double[workload.outputSize()];
      outputs = new double[Examples.COUNT][workload.outputSize()];
      network = Networks.generated(workload, Precision.of(precision));
    }
  }

  /** 32 per-row predictions. */
  @Benchmark
  public double predictRows(Rows s) {
    return PredictionBenchmark.pass(s.network, s.inputs, s.output);
  }

  /** One prediction call over the 32 rows. */
  @Benchmark
  public double predictBlock(Rows s) {
    s.network.predict(s.inputs, 0, Examples.COUNT, s.outputs);
    return s.outputs[Examples.COUNT - 1][0];
  }

  /** A mini-batch of 32 as 32 per-example gradients, then the step. */
  @Benchmark
  public double batch32Rows(Rows s) {
    return TrainingBenchmark.batch(s.network, s.inputs, s.targets);
  }

  /** A mini-batch of 32 as one gradient call over the rows, then the step. */
  @Benchmark
  public double batch32Block(Rows s) {
    double loss = s.network.accumulateGradient(s.inputs, s.targets, 0, Examples.COUNT);
    s.network.applyGradient(1.0);
    return loss;
  }
}
