package dev.netc.spark;

import org.apache.spark.sql.api.java.UDF1;

/**
 * A netc SQL function registered by class name, as PySpark's {@code registerJavaFunction} does; the
 * weight file is the one {@link NetcUdfTest} writes (a system property, for the test only).
 */
public final class IrisFunction extends NetcSqlFunction implements UDF1<Object, Object> {
  private static final long serialVersionUID = 1L;

  public IrisFunction() {
    super("dev.netc.spark.nets.IrisNet", System.getProperty("netc.test.irisWeights"));
  }
}
