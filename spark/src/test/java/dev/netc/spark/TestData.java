package dev.netc.spark;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.init.NetcRandom;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The data of the tests, as runtime datasets and as DataFrames with the same rows in order. */
final class TestData {
  private TestData() {}

  static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

  static Path resource(String name) {
    try {
      return Path.of(TestData.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  /** Iris, raw measurements in cm, classes 0..2 named after the species. */
  /** The header of {@link #flowersCsv()}. */
  static final String[] FLOWERS_HEADER = {
    "sepal_length", "sepal_width", "petal", "petal_width", "species"
  };

  /**
   * Iris as the text of a raw table: petal length as short/mid/long, every 7th petal width missing
   * ({@code NA}), the species by name.
   */
  static String flowersCsv() {
    Dataset iris = iris();
    StringBuilder text = new StringBuilder(String.join(",", FLOWERS_HEADER)).append('\n');
    for (int i = 0; i < iris.size(); i++) {
      double[] x = iris.features(i);
      String petal = x[2] < 2 ? "short" : x[2] < 5 ? "mid" : "long";
      String width = i % 7 == 3 ? "NA" : String.valueOf(x[3]);
      text.append(x[0])
          .append(',')
          .append(x[1])
          .append(',')
          .append(petal)
          .append(',')
          .append(width)
          .append(',')
          .append(SPECIES.get(iris.label(i)))
          .append('\n');
    }
    return text.toString();
  }

  static Dataset iris() {
    Dataset raw = new CsvLoader().load(resource("iris.csv"));
    return new Dataset("iris.csv", raw.features(), raw.targets(), raw.featureNames(), SPECIES);
  }

  /** {@code n} rows of y = sin(x1) cos(x2), x uniform in [-2, 2), from NetcRandom seed 42. */
  static Dataset wave(int n) {
    NetcRandom random = new NetcRandom(42);
    double[][] x = new double[n][];
    double[][] y = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
      y[i] = new double[] {Math.sin(x[i][0]) * Math.cos(x[i][1])};
    }
    return Dataset.of(x, y);
  }

  /**
   * The rows of {@code data} as a DataFrame in {@code partitions} partitions, keeping their order:
   * {@code id} (from 0), {@code features} (Vector), {@code label} (class index or target, double),
   * {@code species} (class name, for classification data).
   */
  static org.apache.spark.sql.Dataset<Row> frame(Dataset data, int partitions) {
    SparkSession spark = TestSpark.session();
    boolean classes = data.isClassification();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      Object label = classes ? (double) data.label(i) : data.target(i)[0];
      rows.add(
          classes
              ? RowFactory.create(
                  (long) i,
                  Vectors.dense(data.features(i)),
                  label,
                  data.classNames().get(data.label(i)))
              : RowFactory.create((long) i, Vectors.dense(data.features(i)), label));
    }
    StructType schema =
        new StructType()
            .add("id", DataTypes.LongType, false)
            .add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);
    if (classes) {
      schema = schema.add("species", DataTypes.StringType, false);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark.createDataFrame(jsc.parallelize(rows, partitions), schema);
  }
}
