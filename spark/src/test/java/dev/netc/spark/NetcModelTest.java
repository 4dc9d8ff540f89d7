package dev.netc.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.cli.Main;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.Scoring;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.weights.WeightFile;
import dev.netc.spark.nets.IrisNet;
import dev.netc.spark.nets.WaveNet;
import dev.netc.spark.nets.WideNet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Scoring with NetcModel: the CLI's predictions, persistence, and errors that name the column. */
class NetcModelTest {
  private static final String IRIS = "dev.netc.spark.nets.IrisNet";
  private static final String WAVE = "dev.netc.spark.nets.WaveNet";

  @TempDir static Path dir;
  private static SparkSession spark;
  private static Path irisWeights;
  private static Path waveWeights;
  private static Path waveCsv;

  @BeforeAll
  static void trainLocally() throws IOException {
    spark = TestSpark.session();
    // Iris: trained on standardized features; the weight file carries the scaling and names.
    Dataset iris = TestData.iris();
    Scaler scaler = Scaler.fit(Scaler.Kind.STANDARD, iris);
    CompiledNetwork net = new IrisNet();
    new Trainer()
        .epochs(20)
        .batchSize(8)
        .reduction(Reduction.MEAN)
        .shuffle(1)
        .train(net, scaler.apply(iris));
    irisWeights = dir.resolve("iris.json");
    WeightFile.capture(net, iris, scaler).write(irisWeights);
    // Wave: a regression network, no scaling.
    Dataset wave = TestData.wave(200);
    CompiledNetwork waveNet = new WaveNet();
    new Trainer().epochs(10).batchSize(16).shuffle(2).train(waveNet, wave);
    waveWeights = dir.resolve("wave.json");
    WeightFile.capture(waveNet, wave, null).write(waveWeights);
    waveCsv = dir.resolve("wave.csv");
    StringBuilder csv = new StringBuilder("x1,x2,y\n");
    for (int i = 0; i < wave.size(); i++) {
      csv.append(wave.features(i)[0])
          .append(',')
          .append(wave.features(i)[1])
          .append(',')
          .append(wave.target(i)[0])
          .append('\n');
    }
    Files.writeString(waveCsv, csv);
  }

  /** The lines {@code netc predict} prints, without the header, split at commas. */
  private static List<String[]> cliPredict(String nnFile, Path weights, Path data) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code =
        cli.execute(
            "predict",
            "src/test/netc/" + nnFile,
            "--weights",
            weights.toString(),
            "--data",
            data.toString());
    assertEquals(0, code, err.toString());
    List<String[]> lines = new ArrayList<>();
    String[] text = out.toString().split("\n");
    for (int i = 1; i < text.length; i++) {
      lines.add(text[i].trim().split(","));
    }
    return lines;
  }

  @Test
  void classifierScoresAsTheCliPredictsRowByRow() {
    List<String[]> expected = cliPredict("iris.nn", irisWeights, TestData.resource("iris.csv"));
    NetcModel model = NetcModel.fromWeights(spark, IRIS, irisWeights.toString());
    assertEquals(TestData.SPECIES, model.classNames());
    List<Row> rows =
        model
            .transform(TestData.frame(TestData.iris(), 3))
            .orderBy("id")
            .select("id", "prediction", "probability", "predictedLabel")
            .collectAsList();
    assertEquals(150, expected.size());
    assertEquals(150, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String[] cli = expected.get(i);
      assertEquals(String.valueOf(i + 1), cli[0]);
      assertEquals(cli[1], row.getString(3), "row " + (i + 1));
      assertEquals(TestData.SPECIES.indexOf(cli[1]), row.getDouble(1), "row " + (i + 1));
      Vector p = (Vector) row.get(2);
      for (int k = 0; k < 3; k++) {
        assertEquals(
            cli[2 + k],
            String.format(Locale.ROOT, "%.6f", p.apply(k)),
            "row " + (i + 1) + " p" + k);
      }
    }
  }

  @Test
  void probabilityColumnIsLeftOutOnRequestAndPredictionsStayTheSame() {
    NetcModel model = NetcModel.fromWeights(spark, IRIS, irisWeights.toString());
    org.apache.spark.sql.Dataset<Row> frame = TestData.frame(TestData.iris(), 3);
    List<Row> full =
        model.transform(frame).orderBy("id").select("prediction", "probability").collectAsList();
    NetcModel lean = model.copy(new org.apache.spark.ml.param.ParamMap()).setProbabilityCol("");
    org.apache.spark.sql.Dataset<Row> scored = lean.transform(frame);
    assertEquals(
        List.of("id", "features", "label", "species", "prediction", "predictedLabel"),
        List.of(scored.schema().fieldNames()));
    assertEquals(lean.transformSchema(frame.schema()), scored.schema());
    List<Row> leanRows = scored.orderBy("id").select("prediction").collectAsList();
    // The outputs column defined but not read: its function is never called, the prediction's
    // classifies alone.
    List<Row> unread = model.transform(frame).orderBy("id").select("prediction").collectAsList();
    // Read in the other order within the row.
    List<Row> swapped =
        model.transform(frame).orderBy("id").select("probability", "prediction").collectAsList();
    for (int i = 0; i < full.size(); i++) {
      assertEquals(full.get(i).getDouble(0), unread.get(i).getDouble(0), "row " + i);
      assertEquals(full.get(i).getDouble(0), swapped.get(i).getDouble(1), "row " + i);
      assertEquals(full.get(i).get(1), swapped.get(i).get(0), "row " + i);
      // Both columns read: the prediction is the largest of the row's own outputs (the outputs
      // themselves equal the CLI's in classifierScoresAsTheCliPredictsRowByRow).
      double[] outputs = ((Vector) full.get(i).get(1)).toArray();
      assertEquals(Scoring.argmax(outputs), full.get(i).getDouble(0), "row " + i);
      assertEquals(full.get(i).getDouble(0), leanRows.get(i).getDouble(0), "row " + i);
    }
  }

  @Test
  void regressionScoresAsTheCliPredictsRowByRow() {
    List<String[]> expected = cliPredict("wave.nn", waveWeights, waveCsv);
    NetcModel model =
        NetcModel.fromWeights(spark, WAVE, waveWeights.toString()).setOutputCol("y_hat");
    List<Row> rows =
        model
            .transform(TestData.frame(TestData.wave(200), 2))
            .orderBy("id")
            .select("y_hat")
            .collectAsList();
    assertEquals(200, expected.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(
          expected.get(i)[1],
          String.format(Locale.ROOT, "%.8g", rows.get(i).getDouble(0)),
          "row " + (i + 1));
    }
  }

  @Test
  void regressionWithSeveralOutputsGivesAVector() throws IOException {
    CompiledNetwork wide = new WideNet();
    Path file = dir.resolve("wide.json");
    WeightFile.capture(wide, List.of(), List.of(), null).write(file);
    double[] x = new double[30];
    for (int j = 0; j < 30; j++) {
      x[j] = Math.sin(j);
    }
    StructType schema =
        new StructType().add("features", org.apache.spark.ml.linalg.SQLDataTypes.VectorType());
    Row row =
        NetcModel.fromWeights(spark, "dev.netc.spark.nets.WideNet", file.toString())
            .transform(spark.createDataFrame(List.of(RowFactory.create(Vectors.dense(x))), schema))
            .first();
    assertArrayEquals(wide.predict(x), ((Vector) row.getAs("prediction")).toArray());
  }

  @Test
  void outputColumnNamesAreSettable() {
    NetcModel model =
        NetcModel.fromWeights(spark, IRIS, irisWeights.toString())
            .setPredictionCol("k")
            .setProbabilityCol("p")
            .setPredictedLabelCol("name");
    StructType schema = model.transform(TestData.frame(TestData.iris(), 1)).schema();
    assertEquals(
        List.of("id", "features", "label", "species", "k", "p", "name"),
        List.of(schema.fieldNames()));
  }

  @Test
  void savedAndLoadedModelScoresTheSame() throws IOException {
    NetcModel model =
        NetcModel.fromWeights(spark, IRIS, irisWeights.toString()).setProbabilityCol("p");
    String path = dir.resolve("saved-model").toString();
    model.write().overwrite().save(path);
    NetcModel loaded = NetcModel.load(path);
    assertEquals(model.uid(), loaded.uid());
    assertEquals("p", loaded.getOrDefault(loaded.probabilityCol()));
    assertEquals(TestData.SPECIES, loaded.classNames());
    List<Row> before =
        model
            .transform(TestData.frame(TestData.iris(), 2))
            .orderBy("id")
            .select("p")
            .collectAsList();
    List<Row> after =
        loaded
            .transform(TestData.frame(TestData.iris(), 2))
            .orderBy("id")
            .select("p")
            .collectAsList();
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(
          ((Vector) before.get(i).get(0)).toArray(),
          ((Vector) after.get(i).get(0)).toArray(),
          "row " + (i + 1));
    }
  }

  @Test
  void modelIsAStageOfASavedPipeline() throws IOException {
    StructType schema =
        new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType);
    List<Row> rows = List.of(RowFactory.create(0.5, -1.0), RowFactory.create(-1.5, 0.25));
    org.apache.spark.sql.Dataset<Row> table = spark.createDataFrame(rows, schema);
    VectorAssembler assemble =
        new VectorAssembler().setInputCols(new String[] {"a", "b"}).setOutputCol("features");
    NetcModel model = NetcModel.fromWeights(spark, WAVE, waveWeights.toString());
    PipelineModel pipeline =
        new Pipeline().setStages(new PipelineStage[] {assemble, model}).fit(table);
    String path = dir.resolve("saved-pipeline").toString();
    pipeline.write().overwrite().save(path);
    List<Row> scored =
        PipelineModel.load(path).transform(table).select("prediction").collectAsList();
    CompiledNetwork net = new WaveNet();
    WeightFile.load(waveWeights, net);
    assertEquals(net.predict(new double[] {0.5, -1.0})[0], scored.get(0).getDouble(0));
    assertEquals(net.predict(new double[] {-1.5, 0.25})[0], scored.get(1).getDouble(0));
  }

  @Test
  void missingFeaturesColumnIsNamed() {
    NetcModel model =
        NetcModel.fromWeights(spark, IRIS, irisWeights.toString()).setFeaturesCol("measurements");
    NetcSparkException e =
        assertThrows(
            NetcSparkException.class, () -> model.transform(TestData.frame(TestData.iris(), 1)));
    assertEquals(
        "NetcModel: the features column 'measurements' is not in the data (columns: id,"
            + " features, label, species); name the right one with setFeaturesCol(...)",
        e.getMessage());
  }

  @Test
  void featuresColumnOfAnotherTypeIsNamed() {
    NetcModel model =
        NetcModel.fromWeights(spark, IRIS, irisWeights.toString()).setFeaturesCol("species");
    NetcSparkException e =
        assertThrows(
            NetcSparkException.class, () -> model.transform(TestData.frame(TestData.iris(), 1)));
    assertTrue(
        e.getMessage()
            .startsWith("NetcModel: the features column 'species' is string, not a Vector"),
        e.getMessage());
  }

  @Test
  void vectorOfTheWrongSizeIsNamedWithTheColumn() {
    NetcModel model = NetcModel.fromWeights(spark, IRIS, irisWeights.toString());
    StructType schema =
        new StructType().add("features", org.apache.spark.ml.linalg.SQLDataTypes.VectorType());
    org.apache.spark.sql.Dataset<Row> table =
        spark.createDataFrame(List.of(RowFactory.create(Vectors.dense(1, 2, 3))), schema);
    Exception e = assertThrows(Exception.class, () -> model.transform(table).collectAsList());
    assertEquals(
        "the features column 'features' has a vector of size 3 in a row, but IrisNet has"
            + " 4 inputs",
        rootUserError(e).getMessage());
    // With VectorAssembler's metadata the size is known before any row is read.
    org.apache.spark.sql.Dataset<Row> assembled =
        new VectorAssembler()
            .setInputCols(new String[] {"a", "b"})
            .setOutputCol("features")
            .transform(
                spark.createDataFrame(
                    List.of(RowFactory.create(1.0, 2.0)),
                    new StructType()
                        .add("a", DataTypes.DoubleType)
                        .add("b", DataTypes.DoubleType)));
    NetcSparkException early =
        assertThrows(NetcSparkException.class, () -> model.transform(assembled));
    assertEquals(
        "NetcModel: the features column 'features' holds vectors of size 2, but IrisNet"
            + " has 4 inputs",
        early.getMessage());
  }

  @Test
  void classNotOnTheClassPathIsNamed() {
    NetcSparkException e =
        assertThrows(
            NetcSparkException.class,
            () -> NetcModel.fromWeights(spark, "com.acme.ml.NoSuchNet", irisWeights.toString()));
    assertTrue(
        e.getMessage()
            .startsWith("the network class com.acme.ml.NoSuchNet is not on the" + " class path"),
        e.getMessage());
    assertTrue(e.getMessage().contains("spark-submit --jars"), e.getMessage());
  }

  @Test
  void weightsOfAnotherNetworkAreRefused() {
    NetcSparkException e =
        assertThrows(
            NetcSparkException.class,
            () -> NetcModel.fromWeights(spark, WAVE, irisWeights.toString()));
    assertTrue(
        e.getMessage().startsWith(irisWeights + ": was saved from a different network"),
        e.getMessage());
    assertFalse(e.getMessage().contains("netc-weights"), e.getMessage());
  }

  /** The netc error at the bottom of what Spark threw (a failed task wraps it). */
  static Throwable rootUserError(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof NetcSparkException) {
        return t;
      }
    }
    throw new AssertionError("no NetcSparkException in the causes of " + thrown, thrown);
  }
}
