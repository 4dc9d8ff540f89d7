package dev.netc.spark;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Trainer;
import dev.netc.spark.nets.TableSigmoidFloatNet;
import dev.netc.spark.nets.TableSigmoidNet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.sql.api.java.UDF1;
import scala.reflect.ClassTag$;

/**
 * Where the time of one scored row goes in {@link NetcModel}'s scoring path, outside Spark: the
 * benchmark network of {@link MllibBenchmark} (16 -> 32 sigmoid -> 4 softmax) in double and in
 * float, alone ({@code predict}, {@code classify}, the block {@code predict} over rows) and through
 * the scoring column's function as Spark calls it (one new {@code DenseVector} per row). Run on
 * demand ({@code spark/bench-mllib.sh} with {@code -Dcost=true}), never by {@code mvn verify};
 * prints nanoseconds per row of CPU time, the best of several timed passes.
 */
public final class ScoringCost {
  private static final int ROWS = 4096;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ScoringCost() {}

  public static void main(String[] args) throws Exception {
    double[][] x = new double[ROWS][];
    int[] y = new int[ROWS];
    DenseVector[] vectors = new DenseVector[ROWS];
    for (int i = 0; i < ROWS; i++) {
      x[i] = MllibBenchmark.tableFeatures(i);
      y[i] = MllibBenchmark.tableLabel(x[i]);
      vectors[i] = new DenseVector(x[i].clone());
    }
    System.out.printf(
        Locale.ROOT,
        "load average at start: %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    List<String> rows = new ArrayList<>();
    int[] next = {0};
    rows.add(
        time(
            "a new DenseVector per row alone (Spark's deserializer's share, counted below too)",
            () -> new DenseVector(x[next[0]++ & (ROWS - 1)].clone()).size()));
    for (CompiledNetwork net : List.of(new TableSigmoidNet(), new TableSigmoidFloatNet())) {
      new Trainer()
          .epochs(2)
          .batchSize(32)
          .reduction(Reduction.MEAN)
          .shuffle(1)
          .train(
              net, Dataset.classification("sample", x, y, List.of("0", "1", "2", "3"), List.of()));
      String name = net.getClass().getSimpleName();
      double[] out = new double[4];
      int[] i = {0};
      rows.add(
          time(
              name + " predict(double[], double[])",
              () -> {
                int k = i[0]++ & (ROWS - 1);
                net.predict(x[k], out);
                return out[0] > 0.5 ? 1 : 0;
              }));
      rows.add(time(name + " classify(double[])", () -> net.classify(x[i[0]++ & (ROWS - 1)])));
      for (int block : new int[] {16, 64}) {
        double[][] outs = new double[block][4];
        int[] from = {0};
        int[] left = {0};
        rows.add(
            time(
                name + " predict(double[][], from, to, outputs), blocks of " + block,
                () -> {
                  // one block call per `block` rows; the cost is spread over its rows
                  if (left[0] == 0) {
                    int f = from[0];
                    from[0] = (f + block) & (ROWS - 1);
                    net.predict(x, f, f + block, outs);
                    left[0] = block;
                  }
                  left[0]--;
                  return outs[left[0]][0] > 0.5 ? 1 : 0;
                }));
      }
      // The SQL function of NetcUdf with 16 numeric arguments (the boxed values Spark passes).
      Object[][] boxed = new Object[ROWS][16];
      for (int r = 0; r < ROWS; r++) {
        for (int j = 0; j < 16; j++) {
          boxed[r][j] = x[r][j];
        }
      }
      NetcUdf sql =
          NetcUdf.of(
              new NetcModel(
                  "cost",
                  NetworkSnapshot.capture(net, false),
                  List.of(),
                  List.of(),
                  null,
                  null,
                  null));
      rows.add(
          time(
              name + " SQL function (NetcUdf), 16 boxed arguments",
              () -> {
                Object[] a = boxed[i[0]++ & (ROWS - 1)];
                return sql.call(
                        a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11],
                        a[12], a[13], a[14], a[15])
                    .hashCode();
              }));
      FeatureColumn features = new FeatureColumn("features", 16, name, null);
      Broadcast<NetworkSnapshot> broadcast =
          new LocalBroadcast(NetworkSnapshot.capture(net, false));
      for (ColumnScoring.Result result : ColumnScoring.Result.values()) {
        UDF1<Object, Object> score = ColumnScoring.function(broadcast, features, null, result);
        rows.add(
            time(
                name + " scoring function " + result + " (new DenseVector per row)",
                () -> {
                  double[] v = x[i[0]++ & (ROWS - 1)];
                  // as Spark's deserializer: a new vector over a new array per row
                  try {
                    return score.call(new DenseVector(v.clone())).hashCode();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }));
      }
    }
    System.out.println();
    System.out.println("| path | ns per row (CPU) |");
    System.out.println("| --- | ---: |");
    rows.forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "%nload average at end: %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** A broadcast variable that holds its value in this JVM: no SparkContext needed. */
  private static final class LocalBroadcast extends Broadcast<NetworkSnapshot> {
    private static final long serialVersionUID = 1L;
    private final NetworkSnapshot value;

    LocalBroadcast(NetworkSnapshot value) {
      super(0L, ClassTag$.MODULE$.apply(NetworkSnapshot.class));
      this.value = value;
    }

    @Override
    public NetworkSnapshot getValue() {
      return value;
    }

    @Override
    public void doUnpersist(boolean blocking) {}

    @Override
    public void doDestroy(boolean blocking) {}
  }

  private static int sink;

  /** The best CPU nanoseconds per call of 7 passes of 2^21 calls, after 4 passes of warm-up. */
  private static String time(String name, IntSupplier call) {
    int passes = 11;
    int calls = 1 << 21;
    double best = Double.POSITIVE_INFINITY;
    for (int p = 0; p < passes; p++) {
      long start = THREADS.getCurrentThreadCpuTime();
      int s = 0;
      for (int c = 0; c < calls; c++) {
        s += call.getAsInt();
      }
      long cpu = THREADS.getCurrentThreadCpuTime() - start;
      sink += s;
      if (p >= 4) {
        best = Math.min(best, cpu / (double) calls);
      }
    }
    System.out.printf(Locale.ROOT, "%s: %.1f ns/row%n", name, best);
    return String.format(Locale.ROOT, "| %s | %.1f |", name, best);
  }
}
