package dev.netc.spark;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;

/**
 * A network as a Java function of one argument (the whole input as an array of numbers or a Vector;
 * a number for a network of one input), for registration by class name, which is how PySpark's
 * {@code spark.udf.registerJavaFunction} and SQL's Java function registration work: they create the
 * class with no arguments, and want the function interface declared on it. Subclass it once per
 * network:
 *
 * <pre>{@code
 * public final class IrisFunction extends NetcSqlFunction implements UDF1<Object, Object> {
 *   public IrisFunction() {
 *     super("com.acme.ml.IrisNet", "hdfs:///models/iris.json");
 *   }
 * }
 * }</pre>
 *
 * <pre>
 * spark.udf.registerJavaFunction("iris", "com.acme.ml.IrisFunction", "string")
 * spark.sql("SELECT iris(array(sepal_length, sepal_width, petal_length, petal_width)) FROM flowers")
 * </pre>
 *
 * <p>The weights are read on the driver, when the function is registered (in the active session);
 * the result is that of {@link NetcUdf} (give its type to {@code registerJavaFunction}: {@code
 * string} for a classifier with class names, {@code double} for a class index or one output, else
 * {@code array<double>}).
 */
public abstract class NetcSqlFunction implements UDF1<Object, Object> {
  private static final long serialVersionUID = 1L;

  private final NetcUdf function;

  /**
   * Reads the weights of {@code weightFile} (a path on any file system Spark reads) for the
   * generated class {@code className}, in the active session.
   *
   * @throws NetcSparkException if the class is not on the class path or the file does not fit it
   */
  protected NetcSqlFunction(String className, String weightFile) {
    this.function = NetcUdf.of(NetcModel.fromWeights(SparkSession.active(), className, weightFile));
  }

  @Override
  public final Object call(Object input) {
    return function.score(input);
  }
}
