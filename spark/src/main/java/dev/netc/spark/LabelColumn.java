package dev.netc.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * The training target read from the label column. For a classifier (the {@code cross_entropy}
 * loss): a class index (a number 0 .. outputs-1) or a class name (a string, one of the class names)
 * becomes a one-hot vector. For any other network: a number (one output) or a Vector (its outputs).
 */
final class LabelColumn implements Serializable {
  private static final long serialVersionUID = 1L;

  private enum Kind {
    CLASS_INDEX,
    CLASS_NAME,
    VALUE,
    VECTOR
  }

  private final String column;
  private final int index;
  private final Kind kind;
  private final String[] classNames;
  private final int outputs;
  private final String network;

  private LabelColumn(
      String column, int index, Kind kind, String[] classNames, int outputs, String network) {
    this.column = column;
    this.index = index;
    this.kind = kind;
    this.classNames = classNames;
    this.outputs = outputs;
    this.network = network;
  }

  /**
   * Checks the label column of {@code data} against the network. For class names not given, takes
   * the distinct values of the column in sorted order (a Spark job).
   */
  static LabelColumn of(
      Dataset<?> data,
      String column,
      boolean classifier,
      int outputs,
      String network,
      List<String> givenClassNames) {
    StructField field =
        FeatureColumn.field(data.schema(), column, "label", "NetcEstimator", "setLabelCol");
    int index = data.schema().fieldIndex(column);
    DataType type = field.dataType();
    if (classifier && type.equals(DataTypes.StringType)) {
      List<String> names = givenClassNames;
      if (names.isEmpty()) {
        names = new ArrayList<>();
        for (Row row :
            data.select(functions.col(column))
                .where(functions.col(column).isNotNull())
                .distinct()
                .orderBy(functions.col(column))
                .collectAsList()) {
          names.add(row.getString(0));
        }
      }
      if (names.size() != outputs) {
        throw new NetcSparkException(
            "NetcEstimator: the label column '"
                + column
                + "' has "
                + names.size()
                + " classes "
                + names
                + ", but "
                + network
                + " has "
                + outputs
                + " outputs; use a network with one output per class, or give the classes with"
                + " setClassNames(...)");
      }
      return new LabelColumn(
          column, index, Kind.CLASS_NAME, names.toArray(new String[0]), outputs, network);
    }
    if (type instanceof NumericType) {
      if (!classifier && outputs != 1) {
        throw new NetcSparkException(
            "NetcEstimator: the label column '"
                + column
                + "' holds one"
                + " number per row, but "
                + network
                + " has "
                + outputs
                + " outputs; give a Vector"
                + " column of "
                + outputs
                + " targets");
      }
      return new LabelColumn(
          column,
          index,
          classifier ? Kind.CLASS_INDEX : Kind.VALUE,
          givenClassNames.toArray(new String[0]),
          outputs,
          network);
    }
    if (!classifier && type.equals(SQLDataTypes.VectorType())) {
      return new LabelColumn(column, index, Kind.VECTOR, new String[0], outputs, network);
    }
    throw new NetcSparkException(
        "NetcEstimator: the label column '"
            + column
            + "' is "
            + type.simpleString()
            + "; "
            + network
            + (classifier
                ? " is a classifier: give a class index (a number from 0) or a class name (a string)"
                : " is a regression network: give a number, or a Vector for several outputs"));
  }

  /** The class names (empty for class indexes without names, and for regression). */
  List<String> classNames() {
    return List.of(classNames);
  }

  /** The target of {@code row}, a new array. */
  double[] target(Row row) {
    if (row.isNullAt(index)) {
      throw new NetcSparkException(
          "the label column '"
              + column
              + "' is null in a row; drop such"
              + " rows before training (Dataset.na().drop())");
    }
    double[] target = new double[outputs];
    switch (kind) {
      case CLASS_NAME -> {
        String name = row.getString(index);
        int k = Arrays.asList(classNames).indexOf(name);
        if (k < 0) {
          throw new NetcSparkException(
              "the label column '"
                  + column
                  + "' has the class '"
                  + name
                  + "', which is not one of the classes "
                  + Arrays.toString(classNames)
                  + " of "
                  + network
                  + "; remove such rows, or train with every class in setClassNames(...)");
        }
        target[k] = 1;
      }
      case CLASS_INDEX -> {
        double value = ((Number) row.get(index)).doubleValue();
        int k = (int) value;
        if (k != value || k < 0 || k >= outputs) {
          throw new NetcSparkException(
              "the label column '"
                  + column
                  + "' has the class index "
                  + value
                  + ", but "
                  + network
                  + " has "
                  + outputs
                  + " classes (0 to "
                  + (outputs - 1)
                  + ")");
        }
        target[k] = 1;
      }
      case VALUE -> target[0] = ((Number) row.get(index)).doubleValue();
      case VECTOR -> {
        Vector vector = (Vector) row.get(index);
        if (vector.size() != outputs) {
          throw new NetcSparkException(
              "the label column '"
                  + column
                  + "' has a vector of size "
                  + vector.size()
                  + " in a row, but "
                  + network
                  + " has "
                  + outputs
                  + " outputs");
        }
        for (int k = 0; k < outputs; k++) {
          target[k] = vector.apply(k);
        }
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    return target;
  }
}
