package dev.netc.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local[2] session of the tests: starting Spark takes seconds, so every test class of the
 * (single) Surefire JVM shares it; Spark stops it at JVM exit.
 */
final class TestSpark {
  private TestSpark() {}

  private static SparkSession session;

  static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("netc-spark tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.driver.host", "127.0.0.1")
              .getOrCreate();
    }
    return session;
  }
}
