package dev.netc.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler for a shared machine: it measures how much CPU time the benchmark's JVM actually
 * got during each measurement iteration ({@code cpu.share}, in cores: 1.0 means one core the whole
 * time), and the iteration's score per CPU-second ({@code cpu.score}: throughput divided by the
 * share, or time per operation multiplied by it), best iteration kept.
 *
 * <p>When other processes compete for the cores, wall-clock figures fall with the load while the
 * per-CPU-second figure stays near what the code does on an idle core (minus the caches the other
 * processes evict), so it is the figure the ratios of docs/performance.md use for single-thread
 * benchmarks. After warm-up the benchmark thread is the only busy thread of the JVM (no allocation,
 * so no GC; JIT done), so the process CPU time is the benchmark's.
 */
public final class CpuShareProfiler implements InternalProfiler {
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long cpuStart;
  private long wallStart;

  @Override
  public String getDescription() {
    return "CPU time the benchmark JVM got per iteration, and the score per CPU-second";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    cpuStart = os.getProcessCpuTime();
    wallStart = System.nanoTime();
  }

  @Override
  @SuppressWarnings("rawtypes") // the signature of JMH's InternalProfiler uses the raw Result
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpu = os.getProcessCpuTime() - cpuStart;
    long wall = System.nanoTime() - wallStart;
    if (cpu <= 0 || wall <= 0) {
      return List.of();
    }
    double share = (double) cpu / wall;
    Result<?> primary = result.getPrimaryResult();
    boolean time = !primary.getScoreUnit().startsWith("ops/");
    double score = time ? primary.getScore() * share : primary.getScore() / share;
    return List.of(
        new ScalarResult("cpu.share", share, "cores", AggregationPolicy.AVG),
        new ScalarResult(
            "cpu.score",
            score,
            primary.getScoreUnit(),
            time ? AggregationPolicy.MIN : AggregationPolicy.MAX));
  }
}
