package dev.netc.spark;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.IdxLoader;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.EpochStats;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingListener;
import dev.netc.spark.nets.FashionSigmoidNet;
import dev.netc.spark.nets.TableSigmoidFloatNet;
import dev.netc.spark.nets.TableSigmoidNet;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * netc against Spark MLlib's {@code MultilayerPerceptronClassifier} on the same objective (sigmoid
 * hidden layer, softmax output, cross-entropy) in the same {@code local[2]} session. Run on demand
 * ({@code spark/bench-mllib.sh}), never by {@code mvn verify}; prints Markdown tables.
 *
 * <ul>
 *   <li>Scoring: a generated table of {@code -Drows} rows (default 10 million) of 16 numbers and a
 *       class (4 classes), cached in memory; the models (16 -> 32 sigmoid -> 4 softmax, trained on
 *       20,000 other rows of the same rule: MLlib's, and netc's in double and in float) score every
 *       row and the job counts the right predictions; rows per second of that job, the last of
 *       {@code -Drepeats} runs.
 *   <li>Training: Fashion-MNIST's 60,000 training images (784 -> 32 sigmoid -> 10 softmax). MLlib
 *       fits with its default L-BFGS for {@code -DmllibIters} iterations; its test accuracy on the
 *       10,000 test images is the target. netc then trains until its test accuracy reaches the
 *       target (at most {@code -Depochs} epochs, Adam, batch 32, mean): with the runtime's {@code
 *       Trainer} on one thread (the test evaluation after each epoch is not timed), and with {@code
 *       NetcEstimator} in average mode on the session (timed from {@code fit} to the end of the
 *       epoch whose validation accuracy, on the test images, reaches the target).
 * </ul>
 */
public final class MllibBenchmark {
  private static final int TABLE_INPUTS = 16;
  private static final int TABLE_CLASSES = 4;
  private static final double[][] RULE = rule();

  private MllibBenchmark() {}

  public static void main(String[] args) {
    long rows = Long.getLong("rows", 10_000_000L);
    int repeats = Integer.getInteger("repeats", 2);
    int mllibIters = Integer.getInteger("mllibIters", 15);
    int maxEpochs = Integer.getInteger("epochs", 10);
    Path fashion = Path.of(System.getProperty("netc.fashion", "/usr/share/datasets/fashion-mnist"));
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("netc vs MLlib")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    System.out.printf(Locale.ROOT, "load average at start: %.2f (2 cores)%n", load());
    scoring(spark, rows, repeats);
    System.out.printf(Locale.ROOT, "load average after scoring: %.2f%n", load());
    if (Boolean.parseBoolean(System.getProperty("training", "true"))) {
      training(spark, fashion, mllibIters, maxEpochs);
    }
    System.out.printf(Locale.ROOT, "load average at end: %.2f%n", load());
    spark.stop();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  // ---------------------------------------------------------------------------------------------
  // Scoring

  private static StructType schema() {
    return new StructType()
        .add("label", DataTypes.DoubleType, false)
        .add("features", SQLDataTypes.VectorType(), false);
  }

  /** A fixed random linear rule of 4 classes over 16 inputs. */
  private static double[][] rule() {
    SplittableRandom random = new SplittableRandom(42);
    double[][] w = new double[TABLE_CLASSES][TABLE_INPUTS];
    for (double[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextDouble(-1, 1);
      }
    }
    return w;
  }

  /** Row {@code i} of the generated table: 16 numbers in [-1, 1), a function of {@code i} only. */
  static double[] tableFeatures(long i) {
    double[] x = new double[TABLE_INPUTS];
    long state = i * 0x9E3779B97F4A7C15L;
    for (int j = 0; j < x.length; j++) {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      x[j] = (z >>> 11) * 0x1.0p-53 * 2 - 1;
    }
    return x;
  }

  /** The class of a row: the largest of the rule's scores plus a quadratic term. */
  static int tableLabel(double[] x) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < TABLE_CLASSES; k++) {
      double score = x[k] * x[k];
      for (int j = 0; j < x.length; j++) {
        score += RULE[k][j] * x[j];
      }
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    return best;
  }

  /** Spark's side of the generated table. */
  private static final class TableRow implements MapFunction<Long, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(Long i) {
      double[] x = tableFeatures(i);
      return RowFactory.create((double) tableLabel(x), Vectors.dense(x));
    }
  }

  private static void scoring(SparkSession spark, long rows, int repeats) {
    // 20,000 training rows, numbered after the scored table's rows.
    int sampleSize = 20_000;
    double[][] x = new double[sampleSize][];
    int[] y = new int[sampleSize];
    List<Row> sampleRows = new ArrayList<>();
    for (int i = 0; i < sampleSize; i++) {
      x[i] = tableFeatures(rows + i);
      y[i] = tableLabel(x[i]);
      sampleRows.add(RowFactory.create((double) y[i], Vectors.dense(x[i])));
    }
    org.apache.spark.sql.Dataset<Row> sample = spark.createDataFrame(sampleRows, schema());
    MultilayerPerceptronClassificationModel mllib =
        new MultilayerPerceptronClassifier()
            .setLayers(new int[] {TABLE_INPUTS, 32, TABLE_CLASSES})
            .setMaxIter(100)
            .setSeed(1)
            .fit(sample);
    // The same network in double and in float, trained the same way.
    NetcModel netc = trained(new TableSigmoidNet(), x, y);
    NetcModel netcFloat = trained(new TableSigmoidFloatNet(), x, y);

    org.apache.spark.sql.Dataset<Row> table =
        spark
            .range(0, rows, 1, 4)
            .map(new TableRow(), Encoders.row(schema()))
            .persist(StorageLevel.MEMORY_ONLY());
    long start = System.nanoTime();
    long count = table.count();
    double cacheSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT, "generated and cached %,d rows in %.1f s%n", count, cacheSeconds);

    // Two shapes of query over the same table: the models' default output columns (MLlib:
    // rawPrediction, probability, prediction; netc: prediction, probability), and the prediction
    // alone (MLlib: setRawPredictionCol("") and setProbabilityCol(""); netc:
    // setProbabilityCol("")).
    // The timed query reads only prediction and label in both.
    MultilayerPerceptronClassificationModel mllibPredictionOnly =
        mllib.copy(new org.apache.spark.ml.param.ParamMap());
    mllibPredictionOnly.setRawPredictionCol("").setProbabilityCol("");
    NetcModel netcPredictionOnly = netc.copy(new org.apache.spark.ml.param.ParamMap());
    netcPredictionOnly.setProbabilityCol("");
    NetcModel netcFloatPredictionOnly = netcFloat.copy(new org.apache.spark.ml.param.ParamMap());
    netcFloatPredictionOnly.setProbabilityCol("");
    // The floor: the same query with a function that reads the Vector and runs no network.
    org.apache.spark.sql.Dataset<Row> floor =
        table.withColumn(
            "prediction",
            functions.udf(new FirstSign(), DataTypes.DoubleType).apply(functions.col("features")));
    double[] floorRate = new double[1];
    double[] floorAccuracy = new double[1];
    double[] mllibRate = new double[2];
    double[] netcRate = new double[2];
    double[] floatRate = new double[2];
    double[] mllibAccuracy = new double[2];
    double[] netcAccuracy = new double[2];
    double[] floatAccuracy = new double[2];
    for (int r = 0; r < repeats; r++) {
      score("MLlib, default columns", mllib.transform(table), count, mllibRate, mllibAccuracy, 0);
      score("netc, default columns", netc.transform(table), count, netcRate, netcAccuracy, 0);
      score(
          "netc float, default columns",
          netcFloat.transform(table),
          count,
          floatRate,
          floatAccuracy,
          0);
      score(
          "MLlib, prediction only",
          mllibPredictionOnly.transform(table),
          count,
          mllibRate,
          mllibAccuracy,
          1);
      score(
          "netc, prediction only",
          netcPredictionOnly.transform(table),
          count,
          netcRate,
          netcAccuracy,
          1);
      score(
          "netc float, prediction only",
          netcFloatPredictionOnly.transform(table),
          count,
          floatRate,
          floatAccuracy,
          1);
      score("Spark alone (no network)", floor, count, floorRate, floorAccuracy, 0);
    }
    table.unpersist(true);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "| scoring %,d rows, local[2] | default columns: rows/s | prediction only: rows/s |"
            + " accuracy |%n",
        count);
    System.out.println("| --- | ---: | ---: | ---: |");
    System.out.printf(
        Locale.ROOT,
        "| MLlib MultilayerPerceptronClassificationModel | %,.0f | %,.0f | %.4f |%n",
        mllibRate[0],
        mllibRate[1],
        mllibAccuracy[0]);
    System.out.printf(
        Locale.ROOT,
        "| netc NetcModel | %,.0f | %,.0f | %.4f |%n",
        netcRate[0],
        netcRate[1],
        netcAccuracy[0]);
    System.out.printf(
        Locale.ROOT,
        "| netc NetcModel, float network | %,.0f | %,.0f | %.4f |%n",
        floatRate[0],
        floatRate[1],
        floatAccuracy[0]);
    System.out.printf(
        Locale.ROOT,
        "| netc / MLlib | %.2fx | %.2fx | |%n",
        netcRate[0] / mllibRate[0],
        netcRate[1] / mllibRate[1]);
    System.out.printf(
        Locale.ROOT,
        "| netc float / MLlib | %.2fx | %.2fx | |%n%n",
        floatRate[0] / mllibRate[0],
        floatRate[1] / mllibRate[1]);
    System.out.printf(
        Locale.ROOT,
        "Spark alone (the same query, a function reading the Vector, no network): %,.0f rows/s%n%n",
        floorRate[0]);
  }

  /** A model of {@code net} after the runtime Trainer's 10 epochs of batch 32 on the sample. */
  private static NetcModel trained(CompiledNetwork net, double[][] x, int[] y) {
    List<String> classes = List.of("0", "1", "2", "3");
    new Trainer()
        .epochs(10)
        .batchSize(32)
        .reduction(Reduction.MEAN)
        .shuffle(1)
        .train(net, Dataset.classification("sample", x, y, classes, List.of()));
    return new NetcModel(
        "netcBench" + net.getClass().getSimpleName(),
        NetworkSnapshot.capture(net, false),
        List.of(),
        List.of(),
        null,
        null,
        null);
  }

  /** 1 when the first feature is positive: reads the Vector as a scorer does, runs no network. */
  private static final class FirstSign
      implements org.apache.spark.sql.api.java.UDF1<org.apache.spark.ml.linalg.Vector, Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public Double call(org.apache.spark.ml.linalg.Vector features) {
      return features.apply(0) > 0 ? 1.0 : 0.0;
    }
  }

  private static void score(
      String name,
      org.apache.spark.sql.Dataset<Row> scored,
      long count,
      double[] rate,
      double[] accuracy,
      int slot) {
    long start = System.nanoTime();
    Row result =
        scored
            .agg(
                functions.sum(
                    functions
                        .when(functions.col("prediction").equalTo(functions.col("label")), 1)
                        .otherwise(0)))
            .first();
    double seconds = (System.nanoTime() - start) / 1e9;
    rate[slot] = count / seconds;
    accuracy[slot] = result.getLong(0) / (double) count;
    System.out.printf(
        Locale.ROOT,
        "%s scored %,d rows in %.2f s (%,.0f rows/s), accuracy %.4f%n",
        name,
        count,
        seconds,
        rate[slot],
        accuracy[slot]);
  }

  // ---------------------------------------------------------------------------------------------
  // Training

  private static List<Row> rows(Dataset data, boolean test) {
    List<Row> rows = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      rows.add(RowFactory.create((double) data.label(i), Vectors.dense(data.features(i)), test));
    }
    return rows;
  }

  /** Thrown by a listener to stop training once the target accuracy is reached. */
  private static final class Reached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Reached() {
      super("target reached", null, false, false);
    }
  }

  private static boolean reached(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Reached) {
        return true;
      }
    }
    return false;
  }

  private static void training(SparkSession spark, Path dir, int mllibIters, int maxEpochs) {
    Dataset train =
        IdxLoader.load(
            dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
    Dataset test =
        IdxLoader.load(
            dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));
    StructType schema = schema().add("test", DataTypes.BooleanType, false);
    org.apache.spark.sql.Dataset<Row> trainFrame =
        spark
            .createDataFrame(rows(train, false), schema)
            .repartition(2)
            .persist(StorageLevel.MEMORY_ONLY());
    org.apache.spark.sql.Dataset<Row> testFrame =
        spark
            .createDataFrame(rows(test, true), schema)
            .repartition(2)
            .persist(StorageLevel.MEMORY_ONLY());
    trainFrame.count();
    testFrame.count();

    // MLlib: L-BFGS (its default solver), mllibIters iterations.
    long start = System.nanoTime();
    MultilayerPerceptronClassificationModel mllib =
        new MultilayerPerceptronClassifier()
            .setLayers(new int[] {784, 32, 10})
            .setMaxIter(mllibIters)
            .setSeed(1)
            .fit(trainFrame);
    double mllibSeconds = (System.nanoTime() - start) / 1e9;
    double target =
        mllib
            .transform(testFrame)
            .agg(
                functions.avg(
                    functions
                        .when(functions.col("prediction").equalTo(functions.col("label")), 1.0)
                        .otherwise(0.0)))
            .first()
            .getDouble(0);
    System.out.printf(
        Locale.ROOT,
        "MLlib: %d L-BFGS iterations in %.1f s, test accuracy %.4f%n",
        mllibIters,
        mllibSeconds,
        target);

    // netc, one machine, one thread: the runtime Trainer; the test evaluation is not timed.
    CompiledNetwork net = new FashionSigmoidNet();
    long[] untimed = new long[1];
    double[] localResult = {Double.NaN, Double.NaN, 0};
    long localStart = System.nanoTime();
    try {
      new Trainer()
          .epochs(maxEpochs)
          .batchSize(32)
          .reduction(Reduction.MEAN)
          .shuffle(1)
          .listener(
              new TrainingListener() {
                @Override
                public void onEpoch(EpochStats stats) {
                  long pause = System.nanoTime();
                  int right = 0;
                  for (int i = 0; i < test.size(); i++) {
                    if (net.classify(test.features(i)) == test.label(i)) {
                      right++;
                    }
                  }
                  double accuracy = right / (double) test.size();
                  long trained = pause - localStart - untimed[0];
                  untimed[0] += System.nanoTime() - pause;
                  System.out.printf(
                      Locale.ROOT,
                      "netc Trainer: epoch %d at %.1f s, test accuracy %.4f%n",
                      stats.epoch(),
                      trained / 1e9,
                      accuracy);
                  localResult[0] = trained / 1e9;
                  localResult[1] = accuracy;
                  localResult[2] = stats.epoch();
                  if (accuracy >= target) {
                    throw new Reached();
                  }
                }
              })
          .train(net, train);
    } catch (RuntimeException e) {
      if (!reached(e)) {
        throw e;
      }
    }

    // netc on the session: NetcEstimator, average mode, the test images as validation rows.
    double[] sparkResult = {Double.NaN, Double.NaN, 0};
    long sparkStart = System.nanoTime();
    try {
      new NetcEstimator()
          .setNetwork(FashionSigmoidNet.class.getName())
          .setFeaturesCol("features")
          .setLabelCol("label")
          .setValidationIndicatorCol("test")
          .setEpochs(maxEpochs)
          .setBatchSize(32)
          .setReduction("mean")
          .setSeed(1)
          .setMode("average")
          .setLocalSteps(50)
          .addListener(
              new TrainingListener() {
                @Override
                public void onEpoch(EpochStats stats) {
                  double seconds = (System.nanoTime() - sparkStart) / 1e9;
                  System.out.printf(
                      Locale.ROOT,
                      "NetcEstimator (average): epoch %d at %.1f s, test accuracy %.4f%n",
                      stats.epoch(),
                      seconds,
                      stats.validationAccuracy());
                  sparkResult[0] = seconds;
                  sparkResult[1] = stats.validationAccuracy();
                  sparkResult[2] = stats.epoch();
                  if (stats.validationAccuracy() >= target) {
                    throw new Reached();
                  }
                }
              })
          .fit(trainFrame.union(testFrame));
    } catch (RuntimeException e) {
      if (!reached(e)) {
        throw e;
      }
    }

    System.out.println();
    System.out.println(
        "| Fashion-MNIST 784-32-10, sigmoid/softmax | seconds to the accuracy"
            + " | test accuracy | speed-up over MLlib |");
    System.out.println("| --- | --- | --- | --- |");
    System.out.printf(
        Locale.ROOT,
        "| MLlib, local[2], L-BFGS, %d iterations | %.1f | %.4f | 1.00x |%n",
        mllibIters,
        mllibSeconds,
        target);
    System.out.printf(
        Locale.ROOT,
        "| netc NetcEstimator, local[2], average mode, %d epochs | %.1f" + " | %.4f | %.2fx |%n",
        (int) sparkResult[2],
        sparkResult[0],
        sparkResult[1],
        mllibSeconds / sparkResult[0]);
    System.out.printf(
        Locale.ROOT,
        "| netc Trainer, one thread, %d epochs | %.1f | %.4f | %.2fx |%n",
        (int) localResult[2],
        localResult[0],
        localResult[1],
        mllibSeconds / localResult[0]);
    trainFrame.unpersist(true);
    testFrame.unpersist(true);
  }
}
