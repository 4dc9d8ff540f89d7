package dev.netc.benchmarks;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Trainer;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Mini-batch training of the generated class (batches of 32, examples per second) on one thread and
 * on two, for the large workloads: with the interface's tools directly ({@link TwoThreadBatch}),
 * and through the runtime's {@link Trainer} ({@code threads(n)}, one epoch of 2,048 examples per
 * call).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Examples.COUNT)
public class ParallelTrainingBenchmark {

  /** The generated network and, for two threads, its helper. */
  @State(Scope.Thread)
  public static class Parallel {
    /** Which network. */
    @Param({"W3", "W4"})
    public Workload workload;

    /** {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String precision;

    /** 1 or 2. */
    @Param({"1", "2"})
    public int threads;

    CompiledNetwork network;
    double[][] inputs;
    double[][] targets;
    TwoThreadBatch twoThreads;

    /** Creates the network (and the helper thread). */
    @Setup(Level.Trial)
    public void setUp() {
      Examples examples = Examples.of(workload);
      inputs = examples.inputs();
      targets = examples.targets();
      network = Networks.generated(workload, Precision.of(precision));
      if (threads == 2) {
        twoThreads = new TwoThreadBatch(network, inputs, targets);
      } else if (threads != 1) {
        throw new IllegalArgumentException("threads must be 1 or 2: " + threads);
      }
    }

    /** Stops the helper thread. */
    @TearDown(Level.Trial)
    public void tearDown() {
      if (twoThreads != null) {
        twoThreads.close();
      }
    }
  }

  /** One mini-batch of 32 on {@code threads} threads. */
  @Benchmark
  public double netcBatch32(Parallel s) {
    if (s.twoThreads != null) {
      return s.twoThreads.step();
    }
    return TrainingBenchmark.batch(s.network, s.inputs, s.targets);
  }

  /**
   * Examples per epoch of the {@link Trainer} benchmark: the 32 examples, 64 times (64 steps, so
   * that what a run sets up once, the copies and threads, weighs as little as in a real epoch).
   */
  static final int EPOCH = 64 * Examples.COUNT;

  /** The generated network, a data set of {@link #EPOCH} examples and a configured trainer. */
  @State(Scope.Thread)
  public static class Training {
    /** Which network. */
    @Param({"W3", "W4"})
    public Workload workload;

    /** {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String precision;

    /** 1 or 2. */
    @Param({"1", "2"})
    public int threads;

    CompiledNetwork network;
    Dataset data;
    Trainer trainer;

    /** Creates the network, the data and the trainer. */
    @Setup(Level.Trial)
    public void setUp() {
      Examples examples = Examples.of(workload);
      double[][] inputs = new double[EPOCH][];
      double[][] targets = new double[EPOCH][];
      for (int e = 0; e < EPOCH; e++) {
        inputs[e] = examples.input(e % Examples.COUNT);
        targets[e] = examples.target(e % Examples.COUNT);
      }
      data = Dataset.of(inputs, targets);
      network = Networks.generated(workload, Precision.of(precision));
      trainer = new Trainer().epochs(1).batchSize(Examples.COUNT).noShuffle().threads(threads);
    }
  }

  /** One epoch of mini-batches of 32 through the runtime's trainer on {@code threads} threads. */
  @Benchmark
  @OperationsPerInvocation(EPOCH)
  public Object trainerEpoch(Training s) {
    return s.trainer.train(s.network, s.data);
  }
}
