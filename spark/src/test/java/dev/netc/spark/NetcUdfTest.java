package dev.netc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.weights.WeightFile;
import dev.netc.spark.nets.IrisNet;
import dev.netc.spark.nets.WideNet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network as a SQL function. */
class NetcUdfTest {
  @TempDir static Path dir;
  private static SparkSession spark;
  private static Path weights;
  private static CompiledNetwork net;
  private static Scaler scaler;
  private static Dataset iris;

  @BeforeAll
  static void trainAndRegister() throws IOException {
    spark = TestSpark.session();
    iris = TestData.iris();
    scaler = Scaler.fit(Scaler.Kind.STANDARD, iris);
    net = new IrisNet();
    new Trainer().epochs(10).batchSize(10).shuffle(4).train(net, scaler.apply(iris));
    weights = dir.resolve("iris.json");
    WeightFile.capture(net, iris, scaler).write(weights);
    assertEquals(
        DataTypes.StringType,
        NetcUdf.register(spark, "iris", "dev.netc.spark.nets.IrisNet", weights.toString()));
    StructType schema =
        new StructType()
            .add("sepal_length", DataTypes.DoubleType)
            .add("sepal_width", DataTypes.DoubleType)
            .add("petal_length", DataTypes.DoubleType)
            .add("petal_width", DataTypes.FloatType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < iris.size(); i++) {
      double[] x = iris.features(i);
      rows.add(RowFactory.create(x[0], x[1], x[2], (float) x[3]));
    }
    spark.createDataFrame(rows, schema).createOrReplaceTempView("flowers");
  }

  @Test
  void sqlFunctionPredictsTheClassNameOfEveryRow() {
    List<Row> rows =
        spark
            .sql(
                "SELECT iris(sepal_length, sepal_width, petal_length, petal_width)"
                    + " AS species FROM flowers")
            .collectAsList();
    assertEquals(150, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      double[] x = iris.features(i).clone();
      x[3] = (float) x[3];
      scaler.applyInPlace(x);
      assertEquals(
          TestData.SPECIES.get(net.classify(x)), rows.get(i).getString(0), "row " + (i + 1));
    }
  }

  @Test
  void functionRegisteredByClassNameAsPySparkDoesTakesAnArray() {
    System.setProperty("netc.test.irisWeights", weights.toString());
    // What spark.udf.registerJavaFunction("iris_array", "dev.netc.spark.IrisFunction", "string")
    // calls in the JVM.
    spark.udf().registerJava("iris_array", IrisFunction.class.getName(), DataTypes.StringType);
    List<Row> rows =
        spark
            .sql(
                "SELECT iris_array(array(sepal_length, sepal_width, petal_length,"
                    + " petal_width)) FROM flowers")
            .collectAsList();
    List<Row> expected =
        spark
            .sql(
                "SELECT iris(sepal_length, sepal_width, petal_length,"
                    + " petal_width) FROM flowers")
            .collectAsList();
    assertEquals(expected, rows);
  }

  @Test
  void nullArgumentGivesNull() {
    Row row = spark.sql("SELECT iris(CAST(NULL AS DOUBLE), 1D, 2D, 3D)").first();
    assertTrue(row.isNullAt(0));
  }

  @Test
  void networkOfMoreThan22InputsTakesOneArrayAndGivesItsOutputs() {
    CompiledNetwork wide = new WideNet();
    Path file = dir.resolve("wide.json");
    try {
      WeightFile.capture(wide, List.of(), List.of(), null).write(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(
        DataTypes.createArrayType(DataTypes.DoubleType, false),
        NetcUdf.register(spark, "wide", "dev.netc.spark.nets.WideNet", file.toString()));
    Row row = spark.sql("SELECT wide(transform(sequence(1, 30), i -> i / 10D))").first();
    double[] x = new double[30];
    for (int j = 0; j < 30; j++) {
      x[j] = (j + 1) / 10.0;
    }
    double[] expected = wide.predict(x);
    List<Double> actual = row.getList(0);
    assertEquals(expected[0], actual.get(0));
    assertEquals(expected[1], actual.get(1));
  }

  @Test
  void nonNumericArgumentIsNamed() {
    Exception e =
        assertThrows(
            Exception.class, () -> spark.sql("SELECT iris('a', 1D, 2D, 3D)").collectAsList());
    assertEquals(
        "argument 1 of dev.netc.spark.nets.IrisNet is a String, expected a number; cast"
            + " the column to double",
        NetcModelTest.rootUserError(e).getMessage());
  }
}
