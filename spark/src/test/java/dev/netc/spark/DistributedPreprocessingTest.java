package dev.netc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.data.RawTable;
import dev.netc.runtime.data.Scaler;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimator fits the preprocessing of raw columns itself, partition by partition: the same
 * {@link Preprocessor} (categories, means of the missing values, class names, scaling), bit for
 * bit, as the runtime's {@code Preprocessor.fit} and {@code Scaler.fit} on the same table, on 1, 2
 * and 3 partitions, from text and from typed columns; on the training rows only when some are held
 * out for validation.
 */
class DistributedPreprocessingTest {
  private static final String FLOWERS = "dev.netc.spark.nets.FlowersNet";
  private static final String[] INPUTS = {"sepal_length", "sepal_width", "petal", "petal_width"};

  private static SparkSession spark;
  private static RawTable table;
  private static org.apache.spark.sql.Dataset<Row> text;
  private static org.apache.spark.sql.Dataset<Row> typed;

  @BeforeAll
  static void data() throws IOException {
    spark = TestSpark.session();
    String csv = TestData.flowersCsv();
    table = new CsvLoader().table(new StringReader(csv), "flowers.csv");
    List<String> lines = List.of(csv.split("\n"));
    text = spark.read().option("header", true).csv(spark.createDataset(lines, Encoders.STRING()));
    // The same rows with numbers as doubles and the missing widths as nulls.
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      rows.add(
          RowFactory.create(
              Double.parseDouble(f[0]),
              Double.parseDouble(f[1]),
              f[2],
              f[3].equals("NA") ? null : Double.parseDouble(f[3]),
              f[4]));
    }
    typed =
        spark.createDataFrame(
            rows,
            new StructType()
                .add("sepal_length", DataTypes.DoubleType)
                .add("sepal_width", DataTypes.DoubleType)
                .add("petal", DataTypes.StringType)
                .add("petal_width", DataTypes.DoubleType)
                .add("species", DataTypes.StringType));
  }

  private static Preprocessor local(Preprocessor.Options options, Scaler.Kind kind) {
    return local(table, options, kind);
  }

  private static Preprocessor local(RawTable rows, Preprocessor.Options options, Scaler.Kind kind) {
    Preprocessor unscaled = Preprocessor.fit(rows, options);
    return unscaled.withScaler(Scaler.fit(kind, unscaled.encode(rows).data()));
  }

  private static NetcEstimator estimator() {
    return new NetcEstimator()
        .setNetwork(FLOWERS)
        .setInputCols(INPUTS)
        .setLabelCol("species")
        .setEpochs(1)
        .setBatchSize(10);
  }

  @Test
  void fitsThePreprocessingOfTheRuntimeBitForBitOnAnyPartitioning() {
    Preprocessor expected =
        local(new Preprocessor.Options().label("species"), Scaler.Kind.STANDARD);
    assertEquals(List.of("long", "mid", "short"), expected.columns().get(2).values());
    for (org.apache.spark.sql.Dataset<Row> frame : List.of(text, typed)) {
      for (int partitions = 1; partitions <= 3; partitions++) {
        NetcModel model = estimator().setScaling("standard").fit(frame.repartition(partitions));
        Preprocessor fitted = model.preprocessor().orElseThrow();
        assertEquals(expected, fitted, partitions + " partitions");
        assertEquals(expected.scaler(), fitted.scaler());
        // The model scores raw rows with it.
        assertEquals(150, model.transform(frame).count());
      }
    }
  }

  @Test
  void aValidationFractionIsLeftOutOfTheFit() throws IOException {
    org.apache.spark.sql.Dataset<Row> frame = text.repartition(2).cache();
    // The rows setValidationFraction(0.3, 7) holds out, by their index in data order.
    List<Row> rows = frame.collectAsList();
    int n = rows.size();
    int[] order = Dataset.permutation(n, 7);
    boolean[] held = new boolean[n];
    for (int p = 0; p < Math.round(0.3 * n); p++) {
      held[order[p]] = true;
    }
    StringBuilder csv = new StringBuilder(String.join(",", frame.columns())).append('\n');
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (!held[i]) {
        csv.append(rows.get(i).mkString(",")).append('\n');
        kept++;
      }
    }
    assertEquals(105, kept);
    RawTable training = new CsvLoader().table(new StringReader(csv.toString()), "training.csv");
    Preprocessor.Options options = new Preprocessor.Options().label("species");
    Preprocessor expected = local(training, options, Scaler.Kind.STANDARD);

    NetcModel model = estimator().setScaling("standard").setValidationFraction(0.3, 7).fit(frame);
    Preprocessor fitted = model.preprocessor().orElseThrow();
    assertEquals(expected, fitted);
    assertEquals(expected.scaler(), fitted.scaler());
    // The fit of every row is another one: the validation rows did not count.
    Preprocessor all = local(options, Scaler.Kind.STANDARD);
    assertNotEquals(all, fitted);
    assertNotEquals(all.scaler(), fitted.scaler());
    frame.unpersist();
  }

  @Test
  void categoricalNumbersAndMinMaxScalingAsTheRuntime() {
    Preprocessor expected =
        local(
            new Preprocessor.Options().label("species").categorical("sepal_width"),
            Scaler.Kind.MIN_MAX);
    Preprocessor fitted =
        DistributedPreprocessing.fit(
            text.repartition(2),
            List.of(INPUTS),
            "species",
            true,
            3,
            "FlowersNet",
            Set.of("sepal_width"),
            "minmax");
    assertEquals(expected, fitted);
    // 23 widths one-hot: not the 6 inputs of the network, which fit refuses.
    NetcSparkException width =
        assertThrows(
            NetcSparkException.class,
            () -> estimator().setCategoricalCols("sepal_width").fit(text));
    assertTrue(
        width.getMessage().startsWith("NetcEstimator: the preprocessing encodes 28 inputs"),
        width.getMessage());
    assertTrue(expected.columns().get(1).values().contains("3.0"));
  }

  @Test
  void badSettingsNameTheColumn() {
    NetcSparkException notInput =
        assertThrows(
            NetcSparkException.class, () -> estimator().setCategoricalCols("colour").fit(text));
    assertEquals(
        "NetcEstimator: the categorical column 'colour' is not one of the input columns"
            + " [sepal_length, sepal_width, petal, petal_width]; name it in setInputCols(...) too",
        notInput.getMessage());
    NetcSparkException absent =
        assertThrows(
            NetcSparkException.class,
            () -> estimator().setInputCols("sepal_length", "sepal").fit(text));
    assertTrue(
        absent
            .getMessage()
            .startsWith("NetcEstimator: the input column 'sepal' is not in the data"),
        absent.getMessage());
    NetcSparkException empty =
        assertThrows(
            NetcSparkException.class,
            () ->
                estimator()
                    .fit(text.withColumn("petal_width", org.apache.spark.sql.functions.lit("NA"))));
    assertEquals(
        "NetcEstimator: the input column 'petal_width' has no values in the training data (every"
            + " value is null or missing); leave it out of setInputCols(...)",
        empty.getMessage());
    NetcSparkException scaling =
        assertThrows(NetcSparkException.class, () -> estimator().setScaling("unit").fit(text));
    assertEquals(
        "NetcEstimator: setScaling: unknown scaling 'unit' (expected standard or minmax)",
        scaling.getMessage());
  }

  @Test
  void initialWeightsBringTheirPreprocessing(@TempDir java.nio.file.Path dir) throws IOException {
    NetcModel first = estimator().setScaling("standard").fit(typed.repartition(2));
    String saved = dir.resolve("first").toString();
    first.write().save(saved);
    // Fine-tuned on the long petals only: a new fit would see one category and other means; the
    // rows are encoded as the starting parameters were trained.
    org.apache.spark.sql.Dataset<Row> longPetals = typed.where("petal = 'long'");
    NetcModel tuned =
        estimator().setInitialWeights(saved + "/weights.json").fit(longPetals.repartition(2));
    assertEquals(first.preprocessor(), tuned.preprocessor());
    assertEquals(first.classNames(), tuned.classNames());
    assertNotEquals(
        first.newNetwork().parameters().get(0).get(0),
        tuned.newNetwork().parameters().get(0).get(0));
  }
}
