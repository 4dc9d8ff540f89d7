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
 * The convolution benchmark: the {@link LeNet} shape on 28 x 28 x 1, one thread. Training in
 * examples per second, one example per step ({@code Stochastic}) and 32 per step ({@code Batch32}:
 * the gradients of 32 examples summed, then one update); prediction in nanoseconds per example over
 * a pass of the 32 examples one at a time ({@code Predict}). The generated class ({@code
 * src/main/netc/lenet.nn}) in double and in float; the hand-written baseline ({@link HandConv}) is
 * double only, so its figures are the baseline of both precisions. Every implementation starts from
 * the generated class's initial parameters and is validated against it before it is timed.
 *
 * <p>Not in the suite's short mode: a LeNet step takes about half a millisecond and the conv
 * methods are large, so C2 is still compiling them after the short mode's 2 x 250 ms of warm-up (on
 * a busy machine the figures then came out 3-4x too low); the full mode's 5 x 1 s suffice. Run it
 * alone with {@code java -jar benchmarks/target/benchmarks.jar ConvBenchmark}.
 */
public class ConvBenchmark {

  /** The class netc generated for the LeNet shape. */
  @State(Scope.Thread)
  public static class Netc {
    /** {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String precision;

    /** The network under test. */
    CompiledNetwork network;

    /** Inputs and one-hot targets. */
    double[][] inputs;

    double[][] targets;

    /** Output buffer for predictions. */
    double[] output = new double[LeNet.CLASSES];

    /** Creates the generated network. */
    @Setup(Level.Trial)
    public void setUp() {
      double[][][] examples = LeNet.examples();
      inputs = examples[0];
      targets = examples[1];
      network = LeNet.generated(Precision.of(precision));
    }
  }

  /**
   * The hand-written loops of {@link HandConv} for the LeNet shape (double), with the generated
   * double class's initial parameters, validated against it.
   */
  @State(Scope.Thread)
  public static class Hand {
    /** The network under test. */
    HandConv network;

    /** Inputs and one-hot targets. */
    double[][] inputs;

    double[][] targets;

    /** Builds and validates the network. */
    @Setup(Level.Trial)
    public void setUp() {
      double[][][] examples = LeNet.examples();
      inputs = examples[0];
      targets = examples[1];
      network = LeNet.hand();
      LeNet.validate(
          LeNet.generated(Precision.DOUBLE), network, examples, Validation.DOUBLE_TOLERANCE);
    }
  }

  /** Generated class, stochastic steps ({@code trainStep}). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(Examples.COUNT)
  public double netcStochastic(Netc s) {
    return TrainingBenchmark.stochastic(s.network, s.inputs, s.targets);
  }

  /**
   * Generated class, one mini-batch of 32 ({@code accumulateGradient} x32, {@code applyGradient}).
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(Examples.COUNT)
  public double netcBatch32(Netc s) {
    return TrainingBenchmark.batch(s.network, s.inputs, s.targets);
  }

  /** Generated class, average time per prediction over a pass. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(Examples.COUNT)
  public double netcPredict(Netc s) {
    return PredictionBenchmark.pass(s.network, s.inputs, s.output);
  }

  /** Hand-written loops, stochastic steps. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(Examples.COUNT)
  public double handStochastic(Hand s) {
    for (int e = 0; e < Examples.COUNT; e++) {
      s.network.trainStep(s.inputs, s.targets, e, 1);
    }
    return s.network.output(s.network.layerCount() - 1)[0];
  }

  /** Hand-written loops, one mini-batch of 32. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(Examples.COUNT)
  public double handBatch32(Hand s) {
    s.network.trainStep(s.inputs, s.targets, 0, Examples.COUNT);
    return s.network.output(s.network.layerCount() - 1)[0];
  }

  /** Hand-written loops, average time per prediction over a pass. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(Examples.COUNT)
  public double handPredict(Hand s) {
    double sum = 0.0;
    for (int e = 0; e < Examples.COUNT; e++) {
      sum += s.network.forward(s.inputs[e])[0];
    }
    return sum;
  }
}
