package dev.netc.spark;

import dev.netc.runtime.data.Scaler;
import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The network's input read from a {@link Vector} column: checks of the schema on the driver, and
 * the copy of one row's vector into the network's input array on the executors, with the feature
 * scaling saved with the weights (if any) applied.
 */
final class FeatureColumn implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final int width;
  private final String network;

  /** Null without scaling. */
  private final String scalingKind;

  private final double[] offsets;
  private final double[] scales;
  private transient Scaler scaler;

  FeatureColumn(String column, int width, String network, Scaler scaling) {
    this.column = column;
    this.width = width;
    this.network = network;
    this.scalingKind = scaling == null ? null : scaling.kind().spelling();
    this.offsets = scaling == null ? null : scaling.offsets();
    this.scales = scaling == null ? null : scaling.scales();
  }

  String column() {
    return column;
  }

  /** The network's input width. */
  int width() {
    return width;
  }

  /**
   * Checks that {@code schema} has the column as a Vector (and of the right size, when the column's
   * metadata says, as VectorAssembler's does) and returns its index.
   */
  int check(StructType schema, String stage) {
    StructField field = field(schema, column, "features", stage, "setFeaturesCol");
    if (!field.dataType().equals(SQLDataTypes.VectorType())) {
      throw new NetcSparkException(
          stage
              + ": the features column '"
              + column
              + "' is "
              + field.dataType().simpleString()
              + ", not a Vector; assemble numeric columns into one"
              + " with org.apache.spark.ml.feature.VectorAssembler");
    }
    int size = AttributeGroup.fromStructField(field).size();
    if (size >= 0 && size != width) {
      throw new NetcSparkException(
          stage
              + ": the features column '"
              + column
              + "' holds vectors of"
              + " size "
              + size
              + ", but "
              + network
              + " has "
              + width
              + " inputs");
    }
    return schema.fieldIndex(column);
  }

  /** The field {@code name} of {@code schema}, or an error listing the columns there are. */
  static StructField field(
      StructType schema, String name, String role, String stage, String setter) {
    if (!Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new NetcSparkException(
          stage
              + ": the "
              + role
              + " column '"
              + name
              + "' is not in the"
              + " data (columns: "
              + Arrays.stream(schema.fieldNames()).collect(Collectors.joining(", "))
              + "); name the right one with "
              + setter
              + "(...)");
    }
    return schema.apply(name);
  }

  /** Copies the vector of {@code row} at {@code index} into {@code input} and scales it. */
  void read(Row row, int index, double[] input) {
    double[] values = values(row.isNullAt(index) ? null : (Vector) row.get(index), input);
    if (values != input) {
      System.arraycopy(values, 0, input, 0, width);
    }
  }

  /**
   * The network's input for {@code vector}: the vector's own values when it is dense and there is
   * no scaling (no copy), else {@code input} filled with its values and scaled.
   */
  double[] values(Vector vector, double[] input) {
    if (vector == null) {
      throw new NetcSparkException(
          "the features column '"
              + column
              + "' is null in a row; drop or"
              + " fill such rows before (Dataset.na().drop())");
    }
    if (vector.size() != width) {
      throw new NetcSparkException(
          "the features column '"
              + column
              + "' has a vector of size "
              + vector.size()
              + " in a row, but "
              + network
              + " has "
              + width
              + " inputs");
    }
    if (vector instanceof DenseVector dense) {
      if (scalingKind == null) {
        return dense.values();
      }
      System.arraycopy(dense.values(), 0, input, 0, width);
    } else {
      for (int j = 0; j < width; j++) {
        input[j] = vector.apply(j);
      }
    }
    scale(input);
    return input;
  }

  /** Applies the saved scaling (if any) in place. */
  void scale(double[] input) {
    if (scalingKind == null) {
      return;
    }
    if (scaler == null) {
      scaler = new Scaler(Scaler.Kind.of(scalingKind), offsets, scales);
    }
    scaler.applyInPlace(input);
  }
}
