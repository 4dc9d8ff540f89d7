package dev.netc.benchmarks;

import dev.netc.runtime.network.CompiledNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Prediction, one example at a time, in nanoseconds per example: throughput form (a pass over the
 * 32 examples per invocation, average time per example) and latency form (one example per
 * invocation, sampled: the median and tail of single calls).
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PredictionBenchmark {

  /** Generated class, average time per example over a pass. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OperationsPerInvocation(Examples.COUNT)
  public double netcPredict(States.Netc s) {
    return pass(s.network, s.inputs, s.output);
  }

  /** Hand-written loops, average time per example over a pass. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OperationsPerInvocation(Examples.COUNT)
  public double handPredict(States.Hand s) {
    return pass(s.network, s.inputs, s.output);
  }

  /** Encog, average time per example over a pass. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OperationsPerInvocation(Examples.COUNT)
  public double encogPredict(States.Encog s) {
    double sum = 0.0;
    for (int e = 0; e < Examples.COUNT; e++) {
      s.encog.predict(s.inputs[e], s.output);
      sum += s.output[0];
    }
    return sum;
  }

  /** Generated class, one example per call, sampled. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public double[] netcLatency(States.Netc s) {
    s.network.predict(s.inputs[s.next()], s.output);
    return s.output;
  }

  /** Hand-written loops, one example per call, sampled. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public double[] handLatency(States.Hand s) {
    s.network.predict(s.inputs[s.next()], s.output);
    return s.output;
  }

  /** Encog, one example per call, sampled. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public double[] encogLatency(States.Encog s) {
    s.encog.predict(s.inputs[s.next()], s.output);
    return s.output;
  }

  /**
   * Predicts every row of {@code inputs} one call at a time; returns the sum of the first outputs.
   */
  public static double pass(CompiledNetwork network, double[][] inputs, double[] output) {
    double sum = 0.0;
    for (int e = 0; e < inputs.length; e++) {
      network.predict(inputs[e], output);
      sum += output[0];
    }
    return sum;
  }
}
