package dev.netc.benchmarks;

import dev.netc.runtime.network.CompiledNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Training throughput, single thread, in examples per second: stochastic steps (one example per
 * step, {@code trainStep}) and mini-batches of 32 ({@code accumulateGradient} x32, then {@code
 * applyGradient(1)}). One invocation is one pass over the 32 examples.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Examples.COUNT)
public class TrainingBenchmark {

  /** Generated class, stochastic steps. */
  @Benchmark
  public double netcStochastic(States.Netc s) {
    return stochastic(s.network, s.inputs, s.targets);
  }

  /** Hand-written loops, stochastic steps. */
  @Benchmark
  public double handStochastic(States.Hand s) {
    return stochastic(s.network, s.inputs, s.targets);
  }

  /** Encog, stochastic steps (one iteration over a one-example data set per step). */
  @Benchmark
  public void encogStochastic(States.Encog s) {
    for (int e = 0; e < Examples.COUNT; e++) {
      s.encog.trainStep(e);
    }
  }

  /** Generated class, one mini-batch of 32. */
  @Benchmark
  public double netcBatch32(States.Netc s) {
    return batch(s.network, s.inputs, s.targets);
  }

  /** Hand-written loops, one mini-batch of 32. */
  @Benchmark
  public double handBatch32(States.Hand s) {
    return batch(s.network, s.inputs, s.targets);
  }

  /** Encog, one pure-batch iteration over the 32 examples. */
  @Benchmark
  public double encogBatch32(States.Encog s) {
    s.encog.trainBatch();
    return s.encog.batchError();
  }

  static double stochastic(CompiledNetwork network, double[][] inputs, double[][] targets) {
    double loss = 0.0;
    for (int e = 0; e < inputs.length; e++) {
      loss += network.trainStep(inputs[e], targets[e]);
    }
    return loss;
  }

  static double batch(CompiledNetwork network, double[][] inputs, double[][] targets) {
    double loss = 0.0;
    for (int e = 0; e < inputs.length; e++) {
      loss += network.accumulateGradient(inputs[e], targets[e]);
    }
    network.applyGradient(1.0);
    return loss;
  }
}
