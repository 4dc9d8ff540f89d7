package dev.netc.spark;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.Scoring;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF10;
import org.apache.spark.sql.api.java.UDF11;
import org.apache.spark.sql.api.java.UDF12;
import org.apache.spark.sql.api.java.UDF13;
import org.apache.spark.sql.api.java.UDF14;
import org.apache.spark.sql.api.java.UDF15;
import org.apache.spark.sql.api.java.UDF16;
import org.apache.spark.sql.api.java.UDF17;
import org.apache.spark.sql.api.java.UDF18;
import org.apache.spark.sql.api.java.UDF19;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF20;
import org.apache.spark.sql.api.java.UDF21;
import org.apache.spark.sql.api.java.UDF22;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.api.java.UDF7;
import org.apache.spark.sql.api.java.UDF8;
import org.apache.spark.sql.api.java.UDF9;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * A trained network as a SQL function:
 *
 * <pre>{@code
 * NetcUdf.register(spark, "iris", "com.acme.ml.IrisNet", "hdfs:///models/iris.json");
 * spark.sql("SELECT iris(sepal_length, sepal_width, petal_length, petal_width) FROM flowers");
 * }</pre>
 *
 * <p>The function takes one number per input of the network (any numeric SQL type); a network of
 * more than 22 inputs (Spark's limit for Java functions) takes the whole input as one array of
 * numbers or one Vector. The weight file's feature scaling is applied first, as {@code netc
 * predict} does. It returns the predicted class name (string) for a classifier whose weight file
 * names the classes, the class index (double) for one that does not, the output (double) of a
 * one-output network, and an array of doubles otherwise. A null argument gives null.
 *
 * <p>A weight file with the preprocessing of raw tables (from {@code netc train} on a CSV file, or
 * {@link NetcModel#toWeightFile()} of an estimator fitted on raw columns) makes a function of the
 * raw columns instead: one argument per feature column of the preprocessing, in its order (or one
 * struct of them, past 22 columns), of any SQL type read as its text: strings for categorical
 * columns, numbers, and null (or NaN, {@code NA}, ...) for a missing value, which the saved means
 * replace; the encoding and scaling are the saved ones, as {@code netc predict} applies them.
 *
 * <p>From PySpark, call {@code register} through the JVM gateway, then use the function in SQL or
 * with {@code pyspark.sql.functions.expr}:
 *
 * <pre>
 * spark._jvm.dev.netc.spark.NetcUdf.register(spark._jsparkSession, "iris",
 *     "com.acme.ml.IrisNet", "hdfs:///models/iris.json")
 * </pre>
 *
 * <p>or register a {@link NetcSqlFunction} subclass with {@code spark.udf.registerJavaFunction}.
 */
public final class NetcUdf
    implements UDF1<Object, Object>,
        UDF2<Object, Object, Object>,
        UDF3<Object, Object, Object, Object>,
        UDF4<Object, Object, Object, Object, Object>,
        UDF5<Object, Object, Object, Object, Object, Object>,
        UDF6<Object, Object, Object, Object, Object, Object, Object>,
        UDF7<Object, Object, Object, Object, Object, Object, Object, Object>,
        UDF8<Object, Object, Object, Object, Object, Object, Object, Object, Object>,
        UDF9<Object, Object, Object, Object, Object, Object, Object, Object, Object, Object>,
        UDF10<
            Object, Object, Object, Object, Object, Object, Object, Object, Object, Object, Object>,
        UDF11<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object>,
        UDF12<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object>,
        UDF13<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object>,
        UDF14<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object>,
        UDF15<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object>,
        UDF16<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object>,
        UDF17<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object>,
        UDF18<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object>,
        UDF19<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object>,
        UDF20<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object>,
        UDF21<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object>,
        UDF22<
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object,
            Object> {
  private static final long serialVersionUID = 1L;

  private final NetworkSnapshot parameters;
  private final FeatureColumn features;
  private final String[] classNames;
  private final boolean classifier;

  /** The raw columns in the preprocessing's order, when the weight file has one; else null. */
  private final RawColumns raw;

  private transient CompiledNetwork net;
  private transient double[] input;
  private transient double[] output;

  private NetcUdf(NetcModel model, boolean classifier) {
    this.parameters = model.parameters();
    this.features = model.featureColumn("the arguments");
    this.classNames = model.classNames().toArray(new String[0]);
    this.classifier = classifier;
    this.raw = model.preprocessor().map(RawColumns::positional).orElse(null);
  }

  /** The number of arguments: one per raw column of the preprocessing, else one per input. */
  private static int arity(NetcModel model) {
    return model
        .preprocessor()
        .map(p -> p.columns().size())
        .orElse(model.featureColumn("the arguments").width());
  }

  /**
   * Registers the network {@code className} with the weights in {@code weightFile} (a path on any
   * file system Spark reads) as the SQL function {@code name} of {@code spark}.
   *
   * @return the function's result type
   * @throws NetcSparkException if the class is not on the class path or the file does not fit it
   */
  public static DataType register(
      SparkSession spark, String name, String className, String weightFile) {
    NetcModel model = NetcModel.fromWeights(spark, className, weightFile);
    NetcUdf udf = of(model);
    DataType type = resultType(model);
    int inputs = arity(model);
    switch (inputs > 22 ? 1 : inputs) {
      case 1 -> spark.udf().register(name, (UDF1<Object, Object>) udf, type);
      case 2 -> spark.udf().register(name, (UDF2<Object, Object, Object>) udf, type);
      case 3 -> spark.udf().register(name, (UDF3<Object, Object, Object, Object>) udf, type);
      case 4 ->
          spark.udf().register(name, (UDF4<Object, Object, Object, Object, Object>) udf, type);
      case 5 ->
          spark
              .udf()
              .register(name, (UDF5<Object, Object, Object, Object, Object, Object>) udf, type);
      case 6 ->
          spark
              .udf()
              .register(
                  name, (UDF6<Object, Object, Object, Object, Object, Object, Object>) udf, type);
      case 7 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF7<Object, Object, Object, Object, Object, Object, Object, Object>) udf,
                  type);
      case 8 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF8<Object, Object, Object, Object, Object, Object, Object, Object, Object>)
                      udf,
                  type);
      case 9 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF9<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 10 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF10<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 11 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF11<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 12 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF12<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 13 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF13<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 14 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF14<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 15 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF15<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 16 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF16<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 17 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF17<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 18 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF18<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 19 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF19<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 20 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF20<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 21 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF21<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      case 22 ->
          spark
              .udf()
              .register(
                  name,
                  (UDF22<
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object,
                          Object>)
                      udf,
                  type);
      default -> throw new IllegalStateException("arity " + inputs);
    }
    return type;
  }

  /** The function of {@code model}. */
  static NetcUdf of(NetcModel model) {
    return new NetcUdf(model, model.isClassifier());
  }

  /**
   * What the function of {@code model} returns: the class name for a classifier with class names,
   * the class index or the single output as a double, else an array of doubles.
   */
  static DataType resultType(NetcModel model) {
    boolean classifier = model.isClassifier();
    if (classifier && !model.classNames().isEmpty()) {
      return DataTypes.StringType;
    }
    return classifier || model.newNetwork().outputSize() == 1
        ? DataTypes.DoubleType
        : DataTypes.createArrayType(DataTypes.DoubleType, false);
  }

  /** The function's value for one row's arguments. */
  synchronized Object score(Object... arguments) {
    if (net == null) {
      net = parameters.newNetwork();
      input = new double[net.inputSize()];
      output = new double[net.outputSize()];
    }
    if (raw != null) {
      rawInput(arguments);
    } else {
      for (Object argument : arguments) {
        if (argument == null) {
          return null;
        }
      }
      if (arguments.length == 1 && input.length > 1) {
        single(arguments[0]);
      } else if (arguments.length != input.length) {
        throw new NetcSparkException(
            parameters.className()
                + " takes "
                + input.length
                + " arguments (one per input) or one Vector, got "
                + arguments.length);
      } else {
        for (int j = 0; j < input.length; j++) {
          input[j] = number(arguments[j], j + 1);
        }
      }
      features.scale(input);
    }
    net.predict(input, output);
    if (classifier) {
      int best = Scoring.argmax(output);
      return classNames.length > 0 ? classNames[best] : (Object) (double) best;
    }
    if (output.length == 1) {
      return output[0];
    }
    return output.clone();
  }

  /**
   * Encodes the raw values (one per column of the preprocessing, in its order, or one struct of
   * them) with the preprocessing: null is a missing value.
   */
  private void rawInput(Object[] arguments) {
    List<String> names = raw.columnNames();
    Row row;
    if (arguments.length == names.size()) {
      row = RowFactory.create(arguments);
    } else if (arguments.length == 1 && arguments[0] instanceof Row struct) {
      row = struct;
    } else {
      row = null;
    }
    if (row == null || row.length() != names.size()) {
      throw new NetcSparkException(
          parameters.className()
              + " with its preprocessing takes "
              + names.size()
              + " arguments, the raw columns "
              + names
              + " in this order (or one struct of them), got "
              + (row == null ? arguments.length : row.length()));
    }
    raw.read(row, input);
  }

  private void single(Object argument) {
    if (argument instanceof Vector vector) {
      checkWidth(vector.size());
      for (int j = 0; j < input.length; j++) {
        input[j] = vector.apply(j);
      }
    } else if (argument instanceof scala.collection.Seq<?> seq) {
      checkWidth(seq.size());
      for (int j = 0; j < input.length; j++) {
        input[j] = number(seq.apply(j), j + 1);
      }
    } else {
      throw new NetcSparkException(
          parameters.className()
              + " takes "
              + input.length
              + " numbers or one Vector or array; got one "
              + argument.getClass().getSimpleName());
    }
  }

  private void checkWidth(int size) {
    if (size != input.length) {
      throw new NetcSparkException(
          parameters.className()
              + " has "
              + input.length
              + " inputs, got a vector of "
              + size
              + " values");
    }
  }

  private double number(Object value, int position) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new NetcSparkException(
        "argument "
            + position
            + " of "
            + parameters.className()
            + " is a "
            + (value == null ? "null" : value.getClass().getSimpleName())
            + ", expected a number; cast the column to double");
  }

  @Override
  public Object call(Object a1) {
    return score(a1);
  }

  @Override
  public Object call(Object a1, Object a2) {
    return score(a1, a2);
  }

  @Override
  public Object call(Object a1, Object a2, Object a3) {
    return score(a1, a2, a3);
  }

  @Override
  public Object call(Object a1, Object a2, Object a3, Object a4) {
    return score(a1, a2, a3, a4);
  }

  @Override
  public Object call(Object a1, Object a2, Object a3, Object a4, Object a5) {
    return score(a1, a2, a3, a4, a5);
  }

  @Override
  public Object call(Object a1, Object a2, Object a3, Object a4, Object a5, Object a6) {
    return score(a1, a2, a3, a4, a5, a6);
  }

  @Override
  public Object call(Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7) {
    return score(a1, a2, a3, a4, a5, a6, a7);
  }

  @Override
  public Object call(
      Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8) {
    return score(a1, a2, a3, a4, a5, a6, a7, a8);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9) {
    return score(a1, a2, a3, a4, a5, a6, a7, a8, a9);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10) {
    return score(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11) {
    return score(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11,
      Object a12) {
    return score(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11,
      Object a12,
      Object a13) {
    return score(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11,
      Object a12,
      Object a13,
      Object a14) {
    return score(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11,
      Object a12,
      Object a13,
      Object a14,
      Object a15) {
    return score(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11,
      Object a12,
      Object a13,
      Object a14,
      Object a15,
      Object a16) {
    return score(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11,
      Object a12,
      Object a13,
      Object a14,
      Object a15,
      Object a16,
      Object a17) {
    return score(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11,
      Object a12,
      Object a13,
      Object a14,
      Object a15,
      Object a16,
      Object a17,
      Object a18) {
    return score(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11,
      Object a12,
      Object a13,
      Object a14,
      Object a15,
      Object a16,
      Object a17,
      Object a18,
      Object a19) {
    return score(
        a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11,
      Object a12,
      Object a13,
      Object a14,
      Object a15,
      Object a16,
      Object a17,
      Object a18,
      Object a19,
      Object a20) {
    return score(
        a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11,
      Object a12,
      Object a13,
      Object a14,
      Object a15,
      Object a16,
      Object a17,
      Object a18,
      Object a19,
      Object a20,
      Object a21) {
    return score(
        a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20,
        a21);
  }

  @Override
  public Object call(
      Object a1,
      Object a2,
      Object a3,
      Object a4,
      Object a5,
      Object a6,
      Object a7,
      Object a8,
      Object a9,
      Object a10,
      Object a11,
      Object a12,
      Object a13,
      Object a14,
      Object a15,
      Object a16,
      Object a17,
      Object a18,
      Object a19,
      Object a20,
      Object a21,
      Object a22) {
    return score(
        a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20,
        a21, a22);
  }
}
