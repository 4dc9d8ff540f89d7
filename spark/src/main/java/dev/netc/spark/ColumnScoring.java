package dev.netc.spark;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.Scoring;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The scoring of {@link NetcModel#transform} as column expressions: each new column is a SQL
 * function of the input column (the Vector, or a struct of the raw columns), so that Spark copies
 * no input column, evaluates only the columns a query reads, and builds the outputs Vector only
 * when its column is requested. The functions hold the broadcast parameters; each deserialized copy
 * (one per task) creates one instance of the generated class on its first row and reuses it, with
 * its input and output arrays, for every row after.
 */
final class ColumnScoring implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Broadcast<NetworkSnapshot> parameters;

  /** Null when reading raw columns. */
  private final FeatureColumn features;

  /** Null when reading a Vector column; else the raw columns as the fields of one struct. */
  private final RawColumns raw;

  /**
   * Whether two functions (the prediction and the outputs Vector) score with this object, so that
   * the second may find the row the first has just scored; when not, no row is remembered.
   */
  private final boolean shared;

  private transient CompiledNetwork net;
  private transient double[] input;
  private transient double[] output;

  /** The input of the last row scored, whose outputs {@link #output} holds (once hasLast). */
  private transient double[] last;

  private transient boolean hasLast;

  /**
   * True once the outputs have been asked for in this task: until then the prediction function
   * classifies without them (the query may read the prediction alone, as Spark evaluates only the
   * columns a query reads), after it scores through the shared outputs.
   */
  private transient boolean outputsRead;

  private ColumnScoring(
      Broadcast<NetworkSnapshot> parameters,
      FeatureColumn features,
      RawColumns raw,
      boolean shared) {
    this.parameters = parameters;
    this.features = features;
    this.raw = raw;
    this.shared = shared;
  }

  /**
   * The outputs of the network for the input object of one row. The prediction and the outputs
   * Vector are two functions, so that a query that reads only the prediction builds no Vector; when
   * both are read, Spark calls them one after the other on the same row, and the second finds the
   * same input as the last one and returns the same outputs without running the network again (only
   * then is the input remembered).
   */
  private double[] outputs(Object value) {
    outputsRead = true;
    double[] x = input(value);
    if (!shared) {
      net.predict(x, output);
    } else if (!hasLast || !Arrays.equals(x, last)) {
      System.arraycopy(x, 0, last, 0, last.length);
      hasLast = true;
      net.predict(x, output);
    }
    return output;
  }

  /**
   * The class index of one row, the first largest output: {@code classify} while no outputs have
   * been asked for (a softmax network's {@code classify} skips the exponentials when the largest
   * logit is clear of the others); once the outputs Vector is read too, the outputs that the two
   * functions share. Spark calls the functions of a row one after the other: on the first row the
   * outputs function then finds no remembered row and runs the network itself.
   */
  private double classIndex(Object value) {
    if (outputsRead) {
      return Scoring.argmax(outputs(value));
    }
    double[] x = input(value); // creates the network on the first row
    return net.classify(x);
  }

  /** The network's input for one row (the network is created on the first row). */
  private double[] input(Object value) {
    if (net == null) {
      net = parameters.value().newNetwork();
      input = new double[net.inputSize()];
      output = new double[net.outputSize()];
      last = new double[net.inputSize()];
    }
    if (raw != null) {
      raw.read((Row) value, input);
      return input;
    }
    return features.values((Vector) value, input);
  }

  /** What a scoring column holds. */
  enum Result {
    /** The class index, the first largest output, as a double. */
    CLASS_INDEX,
    /** The first output, a double. */
    FIRST_OUTPUT,
    /** All outputs, a new Vector. */
    OUTPUTS
  }

  /** The function of one scoring column: the network's result for one row's input. */
  private static final class Score implements UDF1<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final ColumnScoring scoring;
    private final Result result;

    Score(ColumnScoring scoring, Result result) {
      this.scoring = scoring;
      this.result = result;
    }

    @Override
    public Object call(Object value) {
      synchronized (scoring) {
        return switch (result) {
          case CLASS_INDEX -> scoring.classIndex(value);
          case FIRST_OUTPUT -> scoring.outputs(value)[0];
          case OUTPUTS -> Vectors.dense(scoring.outputs(value).clone());
        };
      }
    }

    /** This function as a column of {@code in}, never null. */
    Column apply(Column in) {
      DataType type = result == Result.OUTPUTS ? SQLDataTypes.VectorType() : DataTypes.DoubleType;
      return functions.udf(this, type).asNonNullable().apply(in);
    }
  }

  /** The function of one scoring column alone (for measuring its cost outside Spark). */
  static UDF1<Object, Object> function(
      Broadcast<NetworkSnapshot> parameters,
      FeatureColumn features,
      RawColumns raw,
      Result result) {
    return new Score(new ColumnScoring(parameters, features, raw, false), result);
  }

  /** The class name of a class index. */
  private static final class ClassName implements UDF1<Double, String> {
    private static final long serialVersionUID = 1L;
    private final String[] classNames;

    ClassName(String[] classNames) {
      this.classNames = classNames;
    }

    @Override
    public String call(Double index) {
      return classNames[index.intValue()];
    }
  }

  /** Column names quoted for {@link functions#col}, so that dots and backticks are literal. */
  static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  /**
   * {@code data} with the scoring columns appended: for a classifier {@code prediction}, then
   * {@code probability} unless its name is empty, then {@code predictedLabel} when {@code
   * classNames} is not empty; for any other network {@code outputCol}, a double for one output and
   * a Vector for several.
   *
   * @param features the Vector input column, or null to read {@code raw}
   * @param raw the raw input columns, or null
   */
  static Dataset<Row> score(
      Dataset<Row> data,
      Broadcast<NetworkSnapshot> parameters,
      int outputSize,
      FeatureColumn features,
      RawColumns raw,
      boolean classifier,
      String[] classNames,
      String predictionCol,
      String probabilityCol,
      String predictedLabelCol,
      String outputCol) {
    Column in;
    if (raw != null) {
      List<Column> fields = new ArrayList<>();
      for (String name : raw.columnNames()) {
        fields.add(column(name));
      }
      in = functions.struct(fields.toArray(new Column[0]));
    } else {
      in = column(features.column());
    }
    // A classifier with its probability column scores with two functions; else with one.
    ColumnScoring scoring =
        new ColumnScoring(
            parameters,
            raw != null ? null : features,
            raw != null ? raw.inStructOrder() : null,
            classifier && !probabilityCol.isEmpty());
    List<Column> selected = new ArrayList<>();
    for (String name : data.columns()) {
      selected.add(column(name));
    }
    Dataset<Row> scored = data;
    if (!classifier) {
      Result result = outputSize == 1 ? Result.FIRST_OUTPUT : Result.OUTPUTS;
      scored = scored.withColumn(outputCol, new Score(scoring, result).apply(in));
      selected.add(column(outputCol));
      return scored.select(selected.toArray(new Column[0]));
    }
    Column prediction = new Score(scoring, Result.CLASS_INDEX).apply(in);
    if (!probabilityCol.isEmpty()) {
      scored = scored.withColumn(probabilityCol, new Score(scoring, Result.OUTPUTS).apply(in));
    }
    scored = scored.withColumn(predictionCol, prediction);
    selected.add(column(predictionCol));
    if (!probabilityCol.isEmpty()) {
      selected.add(column(probabilityCol));
    }
    if (classNames.length > 0) {
      scored =
          scored.withColumn(
              predictedLabelCol,
              functions
                  .udf(new ClassName(classNames), DataTypes.StringType)
                  .asNonNullable()
                  .apply(column(predictionCol)));
      selected.add(column(predictedLabelCol));
    }
    return scored.select(selected.toArray(new Column[0]));
  }
}
