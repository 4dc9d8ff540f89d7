package dev.netc.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Turns JMH's results into the Markdown tables of docs/performance.md: examples per second, GFLOP/s
 * ({@link FlopCount}) and the ratios of the generated class to the baselines measured in the same
 * run.
 */
final class Report {
  private Report() {}

  /** The workload name of the convolution benchmark's figures. */
  private static final String CONV = "LeNet";

  /**
   * One measured figure. {@code wall} is the best measurement iteration in wall-clock time (highest
   * throughput, lowest time) and {@code mean} JMH's average over the iterations; {@code share} the
   * mean CPU time the JVM got (cores, from {@link CpuShareProfiler}) and {@code score} the best
   * iteration per CPU-second, or {@code wall} when the profiler did not run. On a machine shared
   * with other work, other processes only ever slow an iteration down, so the best iteration, per
   * CPU-second, is the closest to the code's own speed and the most stable across runs. {@code
   * opsPerSecond} tells a throughput figure (examples/s) from a time figure (ns/example).
   */
  private record Figure(
      double score,
      double mean,
      double wall,
      double share,
      double allocatedBytes,
      double opsPerIteration,
      boolean opsPerSecond) {}

  /** Operations (examples) per measurement iteration, on average. */
  private static double opsPerIteration(RunResult run) {
    long ops = 0;
    int iterations = 0;
    for (BenchmarkResult benchmark : run.getBenchmarkResults()) {
      for (IterationResult iteration : benchmark.getIterationResults()) {
        ops += iteration.getMetadata().getMeasuredOps();
        iterations++;
      }
    }
    return iterations == 0 ? Double.NaN : (double) ops / iterations;
  }

  /** The best iteration of {@code result}: the maximum throughput, or the minimum time. */
  static double best(Result<?> result) {
    String unit = result.getScoreUnit();
    boolean time = !unit.startsWith("ops/");
    return time ? result.getStatistics().getMin() : result.getStatistics().getMax();
  }

  /** The Markdown tables for {@code results}. */
  static String render(Collection<RunResult> results) {
    // key: workload/precision/method -> figure
    Map<String, Figure> figures = new TreeMap<>();
    for (RunResult run : results) {
      String method = run.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      String workload = run.getParams().getParam("workload");
      if (run.getParams().getBenchmark().contains("ConvBenchmark.")) {
        workload = CONV; // ConvBenchmark, Dl4jConvBenchmark: one network, no workload parameter
      }
      String data = run.getParams().getParam("data");
      if (data != null) {
        // SparseDataBenchmark: data/optimizer/precision/state
        workload = data + "/" + run.getParams().getParam("optimizer");
        method = method + "/" + run.getParams().getParam("state");
      }
      String precision = run.getParams().getParam("precision");
      String threads = run.getParams().getParam("threads");
      Result<?> primary = run.getPrimaryResult();
      double score = best(primary);
      if (method.endsWith("Latency")) {
        score = primary.getStatistics().getPercentile(50);
      }
      double wall = score;
      double allocated = Double.NaN;
      double share = Double.NaN;
      for (String name : run.getSecondaryResults().keySet()) {
        double value = run.getSecondaryResults().get(name).getScore();
        if (name.endsWith("gc.alloc.rate.norm")) {
          allocated = value;
        } else if (name.equals("cpu.share")) {
          share = value;
        } else if (name.equals("cpu.score") && !method.endsWith("Latency")) {
          score = value;
        }
      }
      String key =
          workload
              + "/"
              + (precision == null ? "double" : precision)
              + "/"
              + method
              + (threads == null ? "" : "/" + threads);
      Figure figure =
          new Figure(
              score,
              primary.getScore(),
              wall,
              share,
              allocated,
              opsPerIteration(run),
              primary.getScoreUnit().startsWith("ops/"));
      figures.put(key, figure);
      if (precision == null) {
        // Encog is double only: its figure is the baseline of both precisions.
        figures.put(workload + "/float/" + method, figure);
      }
    }
    StringBuilder out = new StringBuilder();
    training(
        out, figures, "Stochastic training (one example per step), single thread", "Stochastic", 1);
    training(
        out,
        figures,
        "Mini-batch training (32 examples per step), single thread",
        "Batch32",
        Examples.COUNT);
    prediction(out, figures);
    convolution(out, figures);
    latency(out, figures);
    parallel(out, figures);
    sparse(out, figures);
    allocation(out, figures);
    return out.toString();
  }

  /** The table comparing runs with C2's superword pass ({@code on}) and without ({@code off}). */
  static String superword(Collection<RunResult> on, Collection<RunResult> off) {
    Map<String, Double> withSuperword = scores(on);
    Map<String, Double> without = scores(off);
    StringBuilder out =
        new StringBuilder()
            .append("### W3 with and without C2's superword pass (-XX:-UseSuperWord)\n\n")
            .append("| benchmark | precision | default | -XX:-UseSuperWord | default / without |\n")
            .append("| --- | --- | ---: | ---: | ---: |\n");
    for (Map.Entry<String, Double> e : withSuperword.entrySet()) {
      Double other = without.get(e.getKey());
      if (other == null) {
        continue;
      }
      String[] parts = e.getKey().split("/");
      boolean time = parts[0].endsWith("Predict");
      String unit = time ? " ns/example" : " examples/s";
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %.2fx |%n",
              parts[0],
              parts[1],
              (time ? nanos(e.getValue()) : count(e.getValue())) + unit,
              (time ? nanos(other) : count(other)) + unit,
              time ? other / e.getValue() : e.getValue() / other));
    }
    return out.append('\n').toString();
  }

  private static Map<String, Double> scores(Collection<RunResult> results) {
    Map<String, Double> scores = new TreeMap<>();
    for (RunResult run : results) {
      String method = run.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      double score = best(run.getPrimaryResult());
      Result<?> perCpu = run.getSecondaryResults().get("cpu.score");
      if (perCpu != null) {
        score = perCpu.getScore();
      }
      scores.put(method + "/" + run.getParams().getParam("precision"), score);
    }
    return scores;
  }

  private static List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    for (Workload w : Workload.values()) {
      for (String p : new String[] {"double", "float"}) {
        rows.add(new String[] {w.name(), p});
      }
    }
    return rows;
  }

  private static void training(
      StringBuilder out, Map<String, Figure> figures, String title, String kind, int batch) {
    StringBuilder body = new StringBuilder();
    for (String[] row : rows()) {
      Workload w = Workload.valueOf(row[0]);
      String prefix = row[0] + "/" + row[1] + "/";
      Figure netc = figures.get(prefix + "netc" + kind);
      if (netc == null) {
        continue;
      }
      Figure hand = figures.get(prefix + "hand" + kind);
      Figure encog = figures.get(prefix + "encog" + kind);
      double flop = FlopCount.trainingFlopPerExample(w, batch);
      body.append(
          String.format(
              Locale.ROOT,
              "| %s %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
              row[0],
              row[1],
              w.topology(),
              count(netc.score),
              share(netc),
              String.format(Locale.ROOT, "%.2f", FlopCount.gigaflops(netc.score, flop)),
              count(flop),
              hand == null ? "-" : count(hand.score),
              ratio(netc, hand),
              ratio(netc, encog) + (encog == null ? "" : " (" + count(encog.score) + ")")));
    }
    if (body.length() == 0) {
      return;
    }
    out.append("### ")
        .append(title)
        .append("\n\n")
        .append(
            "| workload | topology | netc examples/s | CPU share | netc GFLOP/s | FLOP/example "
                + "| hand-written examples/s | netc / hand-written | netc / Encog (Encog examples/s) |\n")
        .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
        .append(body)
        .append('\n');
  }

  private static void prediction(StringBuilder out, Map<String, Figure> figures) {
    StringBuilder body = new StringBuilder();
    for (String[] row : rows()) {
      Workload w = Workload.valueOf(row[0]);
      String prefix = row[0] + "/" + row[1] + "/";
      Figure netc = figures.get(prefix + "netcPredict");
      if (netc == null) {
        continue;
      }
      Figure hand = figures.get(prefix + "handPredict");
      Figure encog = figures.get(prefix + "encogPredict");
      double perSecond = 1e9 / netc.score;
      body.append(
          String.format(
              Locale.ROOT,
              "| %s %s | %s | %s | %s | %.2f | %s | %s | %s |%n",
              row[0],
              row[1],
              nanos(netc.score),
              share(netc),
              count(perSecond),
              FlopCount.gigaflops(perSecond, FlopCount.predictionFlopPerExample(w)),
              hand == null ? "-" : nanos(hand.score),
              inverseRatio(netc, hand),
              inverseRatio(netc, encog)
                  + (encog == null ? "" : " (" + nanos(encog.score) + " ns)")));
    }
    if (body.length() == 0) {
      return;
    }
    out.append("### Prediction, one example at a time, single thread\n\n")
        .append(
            "| workload | netc ns/example | CPU share | netc examples/s | netc GFLOP/s "
                + "| hand-written ns/example | netc speed-up over hand-written | netc speed-up over Encog (Encog ns/example) |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
        .append(body)
        .append('\n');
  }

  /**
   * The convolution table: the LeNet shape's training (batch 1 and 32) and prediction in examples
   * per second, netc against the hand-written loops and DL4J (when the {@code dl4j} profile built
   * it).
   */
  private static void convolution(StringBuilder out, Map<String, Figure> figures) {
    StringBuilder body = new StringBuilder();
    String[][] kinds = {
      {"Stochastic", "train, batch 1"}, {"Batch32", "train, batch 32"}, {"Predict", "predict"}
    };
    for (String[] kind : kinds) {
      for (String precision : new String[] {"double", "float"}) {
        String prefix = CONV + "/" + precision + "/";
        Figure netc = figures.get(prefix + "netc" + kind[0]);
        Figure hand = figures.get(prefix + "hand" + kind[0]);
        Figure dl4j = figures.get(prefix + "dl4j" + kind[0]);
        if (netc == null && hand == null && dl4j == null) {
          continue;
        }
        body.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                kind[1],
                precision,
                examplesPerSecond(netc),
                netc == null ? "-" : share(netc),
                examplesPerSecond(hand),
                examplesPerSecond(dl4j),
                speedUp(netc, hand),
                speedUp(netc, dl4j)));
      }
    }
    if (body.length() == 0) {
      return;
    }
    out.append("### Convolution: LeNet-5 shape on 28 x 28 x 1, single thread (examples/s)\n\n")
        .append(
            "| what | precision | netc | CPU share | hand-written (double) | DL4J "
                + "| netc / hand-written | netc / DL4J |\n")
        .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
        .append(body)
        .append('\n');
  }

  /** Examples per second of a training (examples/s) or prediction (ns/example) figure. */
  private static String examplesPerSecond(Figure f) {
    return f == null ? "-" : count(perSecond(f));
  }

  private static double perSecond(Figure f) {
    return f.opsPerSecond ? f.score : 1e9 / f.score;
  }

  private static String speedUp(Figure netc, Figure baseline) {
    return netc == null || baseline == null
        ? "-"
        : String.format(Locale.ROOT, "%.2fx", perSecond(netc) / perSecond(baseline));
  }

  private static void latency(StringBuilder out, Map<String, Figure> figures) {
    StringBuilder body = new StringBuilder();
    for (String[] row : rows()) {
      String prefix = row[0] + "/" + row[1] + "/";
      Figure netc = figures.get(prefix + "netcLatency");
      if (netc == null) {
        continue;
      }
      Figure hand = figures.get(prefix + "handLatency");
      Figure encog = figures.get(prefix + "encogLatency");
      body.append(
          String.format(
              Locale.ROOT,
              "| %s %s | %s | %s | %s |%n",
              row[0],
              row[1],
              nanos(netc.score),
              hand == null ? "-" : nanos(hand.score),
              encog == null ? "-" : nanos(encog.score)));
    }
    if (body.length() == 0) {
      return;
    }
    out.append(
            "### Prediction latency, median of single calls (ns, includes the timer's overhead)\n\n")
        .append("| workload | netc | hand-written | Encog |\n")
        .append("| --- | ---: | ---: | ---: |\n")
        .append(body)
        .append('\n');
  }

  /** The sparse-data table: batch-1 epochs after pre-training against first epochs. */
  private static void sparse(StringBuilder out, Map<String, Figure> figures) {
    StringBuilder body = new StringBuilder();
    for (String data : new String[] {"fashion", "onehot"}) {
      for (String optimizer : new String[] {"adam", "momentum", "rmsprop"}) {
        for (String precision : new String[] {"double", "float"}) {
          String prefix = data + "/" + optimizer + "/" + precision + "/epoch/";
          Figure fresh = figures.get(prefix + "fresh");
          Figure trained = figures.get(prefix + "trained");
          if (fresh == null || trained == null) {
            continue;
          }
          body.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %s | %s | %s | %s | %s | %.2fx |%n",
                  data,
                  optimizer,
                  precision,
                  count(fresh.score),
                  share(fresh),
                  count(trained.score),
                  share(trained),
                  trained.score / fresh.score));
        }
      }
    }
    if (body.length() == 0) {
      return;
    }
    out.append("### Batch-1 training on sparse data: epochs after ")
        .append(SparseDataBenchmark.PRETRAIN_EPOCHS)
        .append(" epochs of training vs first epochs\n\n")
        .append(
            "| data | optimizer | precision | first epochs examples/s | CPU share "
                + "| trained examples/s | CPU share | trained / first |\n")
        .append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n")
        .append(body)
        .append('\n');
  }

  private static void parallel(StringBuilder out, Map<String, Figure> figures) {
    StringBuilder body = new StringBuilder();
    for (String method : new String[] {"netcBatch32", "trainerEpoch"}) {
      for (String[] row : rows()) {
        Workload w = Workload.valueOf(row[0]);
        String prefix = row[0] + "/" + row[1] + "/" + method + "/";
        Figure one = figures.get(prefix + "1");
        Figure two = figures.get(prefix + "2");
        if (one == null || two == null) {
          continue;
        }
        double flop = FlopCount.trainingFlopPerExample(w, Examples.COUNT);
        body.append(
            String.format(
                Locale.ROOT,
                "| %s %s | %s | %s | %s | %s | %s | %.2f | %.2fx |%n",
                row[0],
                row[1],
                method.equals("netcBatch32") ? "copy + addGradientFrom" : "runtime Trainer",
                count(one.wall),
                share(one),
                count(two.wall),
                share(two),
                FlopCount.gigaflops(two.wall, flop),
                two.wall / one.wall));
      }
    }
    if (body.length() == 0) {
      return;
    }
    out.append("### Mini-batch training (32 per step) on 2 threads vs 1 (generated class)\n\n")
        .append(
            "| workload | how | 1 thread examples/s | CPU share | 2 threads examples/s | CPU share "
                + "| 2 threads GFLOP/s | speed-up |\n")
        .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
        .append(body)
        .append('\n');
  }

  private static void allocation(StringBuilder out, Map<String, Figure> figures) {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, Figure> e : figures.entrySet()) {
      Figure f = e.getValue();
      if (!Double.isNaN(f.allocatedBytes)) {
        body.append(
            String.format(
                Locale.ROOT,
                "| %s | %.3f | %.0f | %.0f |%n",
                e.getKey(),
                f.allocatedBytes,
                f.opsPerIteration,
                f.allocatedBytes * f.opsPerIteration));
      }
    }
    if (body.length() == 0) {
      return;
    }
    out.append("### Allocation (JMH -prof gc), bytes per example\n\n")
        .append(
            "Bytes per iteration that stay constant whatever the number of examples are JMH's "
                + "own bookkeeping, not the benchmarked code.\n\n")
        .append(
            "| workload/precision/benchmark | B/example | examples per iteration | B per iteration |\n")
        .append("| --- | ---: | ---: | ---: |\n")
        .append(body)
        .append('\n');
  }

  private static String ratio(Figure netc, Figure baseline) {
    return baseline == null
        ? "-"
        : String.format(Locale.ROOT, "%.2fx", netc.score / baseline.score);
  }

  private static String inverseRatio(Figure netc, Figure baseline) {
    return baseline == null
        ? "-"
        : String.format(Locale.ROOT, "%.2fx", baseline.score / netc.score);
  }

  private static String count(double value) {
    if (value >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", value / 1e6);
    }
    if (value >= 1e3) {
      return String.format(Locale.ROOT, "%.1f k", value / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private static String share(Figure f) {
    return Double.isNaN(f.share) ? "-" : String.format(Locale.ROOT, "%.2f", f.share);
  }

  private static String nanos(double value) {
    return Double.isNaN(value)
        ? "-"
        : String.format(Locale.ROOT, value < 100 ? "%.1f" : "%.0f", value);
  }
}
