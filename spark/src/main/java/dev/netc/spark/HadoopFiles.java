package dev.netc.spark;

import dev.netc.runtime.train.Checkpoint;
import dev.netc.runtime.weights.WeightFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * Weight files and checkpoints on any file system Spark reaches (local, HDFS, S3 ...), through
 * Hadoop's {@link FileSystem} with the session's configuration.
 */
final class HadoopFiles {
  private HadoopFiles() {}

  /** Reads and checks the netc weight file at {@code location}. */
  static WeightFile readWeights(SparkSession spark, String location) {
    return readThroughLocal(spark, location, "netc-weights", WeightFile::read);
  }

  /** Reads the netc checkpoint at {@code location}. */
  static Checkpoint readCheckpoint(SparkSession spark, String location) {
    return readThroughLocal(spark, location, "netc-checkpoint", Checkpoint::read);
  }

  /**
   * Writes {@code checkpoint} to {@code location}: to {@code location.tmp} first, then renamed, so
   * that a failure while writing leaves the previous checkpoint whole.
   */
  static void writeCheckpoint(SparkSession spark, String location, Checkpoint checkpoint) {
    String temporary = location + ".tmp";
    writeText(spark, temporary, checkpoint.toJson());
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(location);
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(target, false);
      if (!fs.rename(new org.apache.hadoop.fs.Path(temporary), target)) {
        throw new IOException("cannot rename " + temporary + " to " + location);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint " + location, e);
    }
  }

  /**
   * Reads the file at {@code location} with {@code reader}, which reads a local path: from a
   * private copy, so that its checks and messages apply unchanged to files on any file system (the
   * messages name {@code location}).
   */
  private static <T> T readThroughLocal(
      SparkSession spark, String location, String prefix, Function<Path, T> reader) {
    String text = readText(spark, location);
    Path local = null;
    try {
      local = Files.createTempFile(prefix, ".json");
      Files.writeString(local, text, StandardCharsets.UTF_8);
      try {
        return reader.apply(local);
      } catch (RuntimeException e) {
        throw new NetcSparkException(location + ": " + withoutPath(e.getMessage(), local), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + location + " to a temporary file", e);
    } finally {
      deleteQuietly(local);
    }
  }

  private static void deleteQuietly(Path local) {
    if (local != null) {
      try {
        Files.deleteIfExists(local);
      } catch (IOException ignored) {
        // a temporary file left behind is harmless
      }
    }
  }

  private static String withoutPath(String message, Path local) {
    String text = message == null ? "cannot be read" : message;
    return text.replace(local.toString() + ": ", "").replace(local.toString(), "the file");
  }

  static String readText(SparkSession spark, String location) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw new NetcSparkException(location + ": no such file");
      }
      try (InputStream in = fs.open(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  static void writeText(SparkSession spark, String location, String text) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(path, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + location, e);
    }
  }
}
