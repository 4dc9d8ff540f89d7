package dev.netc.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmark suite and prints the tables of docs/performance.md (examples per second,
 * GFLOP/s, ratios to the baselines of the same run).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar                 # full suite (about 22 minutes on 2 cores)
 * java -jar benchmarks/target/benchmarks.jar --short         # short mode (under 5 minutes)
 * java -jar benchmarks/target/benchmarks.jar --short -prof gc           # plus bytes allocated per example
 * java -jar benchmarks/target/benchmarks.jar --superword   # W3 with and without -XX:-UseSuperWord
 * java -jar benchmarks/target/benchmarks.jar --wall ...    # wall-clock figures only (no CpuShareProfiler)
 * java -jar benchmarks/target/benchmarks.jar --markdown out.md ...      # also write the tables to a file
 * java -jar benchmarks/target/benchmarks.jar ConvBenchmark  # LeNet only (and DL4J, built with -P dl4j)
 * </pre>
 *
 * Every other argument is a JMH option ({@code -p workload=W3}, {@code -jvmArgsAppend
 * -XX:-UseSuperWord}, {@code -f 2}, a benchmark regex, ...) and wins over the mode's defaults.
 */
public final class Suite {
  /** The benchmarks of the full suite. */
  static final String ALL = "dev\\.netc\\.benchmarks\\..*Benchmark\\..*";

  /**
   * The short mode: every implementation of every workload, stochastic steps, mini-batches and
   * prediction throughput (no sampled latency); then 1 vs 2 threads on W3 and W4 in double only;
   * then batch-1 Adam on Fashion-MNIST, first epochs against trained ({@link SparseDataBenchmark}).
   */
  static final List<String> SHORT =
      List.of(
          "dev\\.netc\\.benchmarks\\.TrainingBenchmark\\..*",
          "dev\\.netc\\.benchmarks\\.PredictionBenchmark\\..*Predict$");

  /** The second part of the short mode, run with {@code precision=double}. */
  static final String SHORT_PARALLEL = "dev\\.netc\\.benchmarks\\.ParallelTrainingBenchmark\\..*";

  /** The third part of the short mode, run with {@code data=fashion optimizer=adam}. */
  static final String SHORT_SPARSE = "dev\\.netc\\.benchmarks\\.SparseDataBenchmark\\..*";

  /** The benchmarks of the superword comparison (run on W3 only). */
  static final String SUPERWORD =
      "dev\\.netc\\.benchmarks\\.(TrainingBenchmark\\.(netc|hand)Stochastic"
          + "|PredictionBenchmark\\.(netc|hand)Predict)$";

  private Suite() {}

  /**
   * Entry point.
   *
   * @param args {@code --short}, {@code --markdown FILE}, then JMH options
   */
  public static void main(String[] args) throws RunnerException, IOException {
    boolean quick = false;
    boolean superword = false;
    boolean wallOnly = false;
    Path markdown = null;
    List<String> jmhArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if ("--short".equals(args[i])) {
        quick = true;
      } else if ("--superword".equals(args[i])) {
        superword = true;
      } else if ("--wall".equals(args[i])) {
        wallOnly = true;
      } else if ("--markdown".equals(args[i]) && i + 1 < args.length) {
        markdown = Path.of(args[++i]);
      } else {
        jmhArgs.add(args[i]);
      }
    }
    CommandLineOptions given;
    try {
      given = new CommandLineOptions(jmhArgs.toArray(new String[0]));
    } catch (CommandLineOptionException e) {
      System.err.println(
          "error: " + e.getMessage() + " (JMH options: java -jar benchmarks.jar -h)");
      System.exit(2);
      return;
    }
    if (given.shouldHelp()) {
      System.out.println("netc benchmarks: [--short] [--markdown FILE] [JMH options]");
      given.showHelp();
      return;
    }
    ChainedOptionsBuilder options = defaults(given, quick, wallOnly);
    boolean twoParts =
        quick
            && !superword
            && given.getIncludes().isEmpty()
            && !given.getParameter("precision").hasValue();
    if (given.getIncludes().isEmpty()) {
      if (superword) {
        options.include(SUPERWORD);
      } else if (quick) {
        SHORT.forEach(options::include);
        if (!twoParts) {
          options.include(SHORT_PARALLEL);
        }
      } else {
        options.include(ALL);
      }
    }
    if (given.shouldList()) {
      new Runner(options.build()).list();
      return;
    }
    long start = System.nanoTime();
    String tables;
    if (superword) {
      options.param("workload", "W3");
      Collection<RunResult> on = new Runner(options.build()).run();
      Collection<RunResult> off =
          new Runner(options.jvmArgsAppend("-XX:-UseSuperWord").build()).run();
      tables = Report.superword(on, off);
    } else if (twoParts) {
      List<RunResult> results = new ArrayList<>(new Runner(options.build()).run());
      ChainedOptionsBuilder parallel =
          defaults(given, quick, wallOnly).include(SHORT_PARALLEL).param("precision", "double");
      results.addAll(new Runner(parallel.build()).run());
      ChainedOptionsBuilder sparse =
          defaults(given, quick, wallOnly)
              .include(SHORT_SPARSE)
              .param("data", "fashion")
              .param("optimizer", "adam");
      results.addAll(new Runner(sparse.build()).run());
      tables = Report.render(results);
    } else {
      tables = Report.render(new Runner(options.build()).run());
    }
    PrintStream out = System.out;
    out.println();
    out.println(tables);
    out.printf("(suite took %d s)%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    if (markdown != null) {
      Files.writeString(markdown, tables, StandardCharsets.UTF_8);
    }
  }

  /**
   * JMH options: the mode's defaults for everything {@code given} on the command line leaves open.
   */
  private static ChainedOptionsBuilder defaults(
      CommandLineOptions given, boolean quick, boolean wallOnly) {
    ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
    if (!given.getForkCount().hasValue()) {
      options.forks(1);
    }
    if (!given.getWarmupIterations().hasValue()) {
      options.warmupIterations(quick ? 2 : 5);
    }
    if (!given.getWarmupTime().hasValue()) {
      options.warmupTime(quick ? TimeValue.milliseconds(250) : TimeValue.seconds(1));
    }
    if (!given.getMeasurementIterations().hasValue()) {
      // Many short iterations: the tables report the best one (see Report), which needs samples.
      options.measurementIterations(quick ? 5 : 15);
    }
    if (!given.getMeasurementTime().hasValue()) {
      options.measurementTime(quick ? TimeValue.milliseconds(200) : TimeValue.milliseconds(500));
    }
    if (!wallOnly) {
      options.addProfiler(CpuShareProfiler.class);
    }
    if (!given.getTimeout().hasValue()) {
      options.timeout(TimeValue.minutes(2));
    }
    return options;
  }
}
