package dev.netc.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.data.RawTable;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.Scoring;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.weights.WeightFile;
import dev.netc.spark.nets.FlowersNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scoring raw columns (a category, missing values, class names) with the preprocessing saved in the
 * weight file: the same inputs, probabilities and classes as the runtime's preprocessing and the
 * generated class compute locally, row by row.
 */
class RawColumnsTest {
  private static final String FLOWERS = "dev.netc.spark.nets.FlowersNet";
  private static final String[] HEADER = TestData.FLOWERS_HEADER;

  @TempDir static Path dir;
  private static SparkSession spark;
  private static Path csv;
  private static Path weights;
  private static RawTable table;
  private static Preprocessor prep;
  private static CompiledNetwork net;

  /** Iris as a raw table: petal length as short/mid/long, every 7th petal width missing. */
  @BeforeAll
  static void trainLocally() throws IOException {
    spark = TestSpark.session();
    csv = dir.resolve("flowers.csv");
    Files.writeString(csv, TestData.flowersCsv());
    table = new CsvLoader().table(csv);
    Preprocessor unscaled = Preprocessor.fit(table, new Preprocessor.Options().label("species"));
    prep = unscaled.withScaler(Scaler.fit(Scaler.Kind.STANDARD, unscaled.encode(table).data()));
    net = new FlowersNet();
    new Trainer().epochs(20).batchSize(10).shuffle(6).train(net, prep.encode(table).data());
    weights = dir.resolve("flowers.json");
    WeightFile.capture(net, prep).write(weights);
  }

  @Test
  void rawColumnsScoreAsThePreprocessingAndTheNetworkDoLocally() {
    assertEquals(List.of("long", "mid", "short"), prep.columns().get(2).values());
    NetcModel model = NetcModel.fromWeights(spark, FLOWERS, weights.toString()).setInputCols();
    assertTrue(model.preprocessor().isPresent());
    // Spark reads every column as text, as a raw table holds it.
    org.apache.spark.sql.Dataset<Row> frame =
        spark.read().option("header", true).csv(csv.toString()).repartition(3);
    List<Row> rows = model.transform(frame).collectAsList();
    assertEquals(150, rows.size());
    int right = 0;
    for (Row row : rows) {
      Map<String, String> raw = new HashMap<>();
      for (String column : HEADER) {
        raw.put(column, row.getString(row.fieldIndex(column)));
      }
      double[] expected = net.predict(prep.encode(raw));
      String what = raw.toString();
      assertArrayEquals(expected, ((Vector) row.getAs("probability")).toArray(), what);
      String predicted = row.getAs("predictedLabel");
      assertEquals(prep.className(Scoring.argmax(expected)), predicted, what);
      right += predicted.equals(raw.get("species")) ? 1 : 0;
    }
    assertTrue(right >= 130, right + " of 150 right");
  }

  @Test
  void sqlFunctionTakesTheRawColumnsInTheirOrder() {
    NetcUdf.register(spark, "flowers", FLOWERS, weights.toString());
    spark.read().option("header", true).csv(csv.toString()).createOrReplaceTempView("flowers_raw");
    // Typed numbers, the category as a string, and a null for the missing widths.
    List<Row> rows =
        spark
            .sql(
                "SELECT sepal_length, sepal_width, petal, petal_width, flowers(CAST(sepal_length"
                    + " AS DOUBLE), CAST(sepal_width AS DOUBLE), petal, CASE WHEN petal_width ="
                    + " 'NA' THEN NULL ELSE CAST(petal_width AS DOUBLE) END) AS guess FROM"
                    + " flowers_raw")
            .collectAsList();
    assertEquals(150, rows.size());
    int missing = 0;
    for (Row row : rows) {
      Map<String, String> raw = new HashMap<>();
      for (int c = 0; c < 4; c++) {
        raw.put(HEADER[c], row.getString(c));
      }
      missing += "NA".equals(raw.get("petal_width")) ? 1 : 0;
      String expected = prep.className(Scoring.argmax(net.predict(prep.encode(raw))));
      assertEquals(expected, row.getString(4), raw.toString());
    }
    assertEquals(21, missing);
    // The same function called with the raw text as read.
    Row text =
        spark
            .sql("SELECT flowers('5.1', '3.5', 'short', 'NA'), flowers(5.1, 3.5, 'short', NULL)")
            .first();
    String expected =
        prep.className(
            Scoring.argmax(
                net.predict(
                    prep.encode(
                        Map.of(
                            "sepal_length",
                            "5.1",
                            "sepal_width",
                            "3.5",
                            "petal",
                            "short",
                            "petal_width",
                            "NA")))));
    assertEquals(expected, text.getString(0));
    assertEquals(expected, text.getString(1));
  }

  @Test
  void typedColumnsAndNullsAreReadAsTheirText() {
    NetcModel model =
        NetcModel.fromWeights(spark, FLOWERS, weights.toString())
            .setInputCols("sepal_length", "sepal_width", "petal", "petal_width");
    org.apache.spark.sql.Dataset<Row> frame =
        spark.sql(
            "SELECT 5.1D AS sepal_length,"
                + " 3.5D AS sepal_width, 'short' AS petal, CAST(NULL AS DOUBLE) AS petal_width");
    Row row = model.transform(frame).first();
    double[] expected =
        net.predict(
            prep.encode(
                Map.of(
                    "sepal_length",
                    "5.1",
                    "sepal_width",
                    "3.5",
                    "petal",
                    "short",
                    "petal_width",
                    "NA")));
    assertArrayEquals(expected, ((Vector) row.getAs("probability")).toArray());
  }

  @Test
  void missingRawColumnIsNamed() {
    NetcModel model =
        NetcModel.fromWeights(spark, FLOWERS, weights.toString())
            .setInputCols("sepal_length", "sepal_width", "petal_width");
    NetcSparkException e =
        assertThrows(
            NetcSparkException.class,
            () -> model.transform(spark.read().option("header", true).csv(csv.toString())));
    assertTrue(
        e.getMessage()
            .startsWith(
                "NetcModel: the input columns [sepal_length,"
                    + " sepal_width, petal_width] lack 'petal', a feature column of the saved preprocessing"),
        e.getMessage());
    NetcModel all = NetcModel.fromWeights(spark, FLOWERS, weights.toString()).setInputCols();
    NetcSparkException absent =
        assertThrows(
            NetcSparkException.class,
            () ->
                all.transform(
                    spark.read().option("header", true).csv(csv.toString()).drop("petal")));
    assertTrue(
        absent
            .getMessage()
            .startsWith("NetcModel: the input column 'petal' is not in the" + " data"),
        absent.getMessage());
  }

  @Test
  void estimatorTrainsFromRawColumnsAsTheTrainerOnTheEncodedTable() {
    // The CSV's rows in order, on 3 partitions.
    org.apache.spark.sql.Dataset<Row> read =
        spark.read().option("header", true).csv(csv.toString());
    List<Row> rows = read.collectAsList();
    CompiledNetwork expected = new FlowersNet();
    new Trainer().epochs(2).batchSize(16).shuffle(8).train(expected, prep.encode(table).data());
    for (int partitions : new int[] {3}) {
      org.apache.spark.sql.Dataset<Row> frame =
          spark.createDataFrame(
              JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions),
              read.schema());
      NetcModel model =
          new NetcEstimator()
              .setNetwork(FLOWERS)
              .setPreprocessor(prep)
              .setInputCols()
              .setLabelCol("species")
              .setEpochs(2)
              .setBatchSize(16)
              .setSeed(8)
              .fit(frame);
      CompiledNetwork actual = model.newNetwork();
      for (int t = 0; t < expected.parameters().size(); t++) {
        assertArrayEquals(
            expected.parameters().get(t).toArray(),
            actual.parameters().get(t).toArray(),
            partitions + " partitions, tensor " + t);
      }
      assertEquals(TestData.SPECIES, model.classNames());
      assertEquals(prep, model.preprocessor().orElseThrow());
      Row first = model.transform(frame).first();
      assertEquals(rows.get(0).getString(4), first.getAs("species"));
      assertTrue(TestData.SPECIES.contains((String) first.getAs("predictedLabel")));
    }
  }

  @Test
  void estimatorWithoutPreprocessingOrWithAnotherWidthIsRefused() {
    org.apache.spark.sql.Dataset<Row> frame =
        spark.read().option("header", true).csv(csv.toString());
    NetcSparkException none =
        assertThrows(
            NetcSparkException.class,
            () ->
                new NetcEstimator()
                    .setNetwork(FLOWERS)
                    .setInputCols()
                    .setLabelCol("species")
                    .fit(frame));
    assertTrue(
        none.getMessage().startsWith("NetcEstimator: setInputCols() names no columns"),
        none.getMessage());
    NetcSparkException width =
        assertThrows(
            NetcSparkException.class,
            () ->
                new NetcEstimator()
                    .setNetwork("dev.netc.spark.nets.IrisNet")
                    .setPreprocessor(prep)
                    .setInputCols()
                    .setLabelCol("species")
                    .fit(frame));
    assertEquals(
        "NetcEstimator: the preprocessing encodes 6 inputs [sepal_length, sepal_width,"
            + " petal=long, petal=mid, petal=short, petal_width], but IrisNet has 4 inputs",
        width.getMessage());
  }

  @Test
  void savedModelKeepsThePreprocessing() throws IOException {
    NetcModel model = NetcModel.fromWeights(spark, FLOWERS, weights.toString()).setInputCols();
    String path = dir.resolve("saved").toString();
    model.write().overwrite().save(path);
    NetcModel loaded = NetcModel.load(path);
    assertEquals(prep, loaded.preprocessor().orElseThrow());
    assertArrayEquals(new String[0], loaded.getOrDefault(loaded.inputCols()));
  }
}
