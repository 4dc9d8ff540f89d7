package dev.netc.spark;

import dev.netc.runtime.data.ColumnSummary;
import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.data.Scaler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Fits the preprocessing of raw input columns on a distributed DataFrame, as {@link
 * Preprocessor#fit} (and {@link Scaler#fit}) fit it on a table in memory: each partition fills the
 * runtime's own mergeable statistics ({@link ColumnSummary}, {@link Scaler.Summary}) over its rows,
 * only those small summaries come back to the driver, where they are merged in partition-index
 * order. The sums are exact, so the result equals the runtime's fit of the same rows bit for bit,
 * for any partitioning. Passes: one for the column types, numeric means and class names; one for
 * the values of the categorical columns (only if there are some); one (min-max) or two (standard)
 * for the scaling, over the encoded rows.
 *
 * <p>Values are read as the text a raw table would hold ({@link RawColumns#text}): null and NaN are
 * missing values, a number is its {@code toString()}.
 */
final class DistributedPreprocessing {
  private DistributedPreprocessing() {}

  /**
   * The preprocessing of {@code inputs} (feature columns, in this order) and of {@code label} for a
   * network with {@code outputs} outputs.
   *
   * @param categorical input columns to treat as categorical even when their values are numbers
   * @param scaling {@code standard}, {@code minmax}, or null for none
   */
  static Preprocessor fit(
      Dataset<Row> data,
      List<String> inputs,
      String label,
      boolean classifier,
      int outputs,
      String network,
      Set<String> categorical,
      String scaling) {
    StructType schema = data.schema();
    int n = inputs.size();
    int[] fields = new int[n];
    for (int i = 0; i < n; i++) {
      FeatureColumn.field(schema, inputs.get(i), "input", "NetcEstimator", "setInputCols");
      fields[i] = schema.fieldIndex(inputs.get(i));
    }
    for (String name : categorical) {
      if (!inputs.contains(name)) {
        throw new NetcSparkException(
            "NetcEstimator: the categorical column '"
                + name
                + "' is not one of the input columns "
                + inputs
                + "; name it in setInputCols(...) too");
      }
    }
    FeatureColumn.field(schema, label, "label", "NetcEstimator", "setLabelCol");
    int labelField = schema.fieldIndex(label);
    DataType labelType = schema.apply(label).dataType();
    boolean labelled = classifier || labelType instanceof NumericType;
    if (classifier && !(labelType instanceof NumericType || labelType == DataTypes.StringType)) {
      throw new NetcSparkException(
          "NetcEstimator: the label column '"
              + label
              + "' is "
              + labelType.simpleString()
              + "; "
              + network
              + " is a classifier: give a class index (a number from 0) or a class name (a string)");
    }
    JavaRDD<Row> rows = data.toDF().javaRDD();

    // Pass 1: types, means, class names (forced categorical columns: their values).
    boolean[] levels = new boolean[n];
    for (int i = 0; i < n; i++) {
      levels[i] = categorical.contains(inputs.get(i));
    }
    ColumnSummary[] first =
        summarize(rows, fields, levels, classifier ? labelField : -1, label, "first");
    // Pass 2: the values of the columns found categorical.
    boolean[] again = new boolean[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      again[i] = first[i].isCategorical() && !first[i].collectsLevels();
      any |= again[i];
    }
    ColumnSummary[] second = any ? summarize(rows, fields, again, -1, label, "second") : null;
    List<Preprocessor.Column> columns = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ColumnSummary summary = again[i] ? second[i] : first[i];
      String name = inputs.get(i);
      if (summary.isEmpty()) {
        throw new NetcSparkException(
            "NetcEstimator: the input column '"
                + name
                + "' has no values in the training data (every value is null or missing); leave"
                + " it out of setInputCols(...)");
      }
      if (summary.outOfRange().isPresent()) {
        throw new NetcSparkException(
            "NetcEstimator: the input column '"
                + name
                + "' has the number "
                + summary.outOfRange().get()
                + ", out of the range of a double");
      }
      columns.add(summary.column(name));
    }
    List<String> classNames = List.of();
    if (classifier) {
      classNames = first[n].classNames();
      if (labelType instanceof NumericType) {
        for (int k = 0; k < classNames.size(); k++) {
          if (!classNames.get(k).equals(String.valueOf(k)) || classNames.size() != outputs) {
            throw new NetcSparkException(
                "NetcEstimator: the label column '"
                    + label
                    + "' holds the class indexes "
                    + classNames
                    + ", but "
                    + network
                    + " has "
                    + outputs
                    + " classes: every index from 0 to "
                    + (outputs - 1)
                    + " must occur in the training data");
          }
        }
      }
    }
    Preprocessor preprocessor =
        new Preprocessor(
            columns,
            List.of(),
            classifier ? label : null,
            !classifier && labelled ? List.of(label) : List.of(),
            classNames,
            null);
    if (scaling == null) {
      return preprocessor;
    }
    return preprocessor.withScaler(
        scaler(rows, RawColumns.of(preprocessor, schema, inputs, "NetcEstimator"), scaling));
  }

  /**
   * The merged summaries of the columns at {@code fields} (levels where {@code levels}, numbers
   * elsewhere), plus the class labels of {@code labelField} if not -1, as the last element.
   */
  private static ColumnSummary[] summarize(
      JavaRDD<Row> rows,
      int[] fields,
      boolean[] levels,
      int labelField,
      String label,
      String pass) {
    Function2<Integer, Iterator<Row>, Iterator<Tuple2<Integer, ColumnSummary[]>>> part =
        (index, it) -> {
          int n = fields.length;
          ColumnSummary[] summaries = new ColumnSummary[n + 1];
          for (int i = 0; i < n; i++) {
            summaries[i] = levels[i] ? ColumnSummary.levels() : ColumnSummary.numbers();
          }
          summaries[n] = ColumnSummary.levels();
          while (it.hasNext()) {
            Row row = it.next();
            for (int i = 0; i < n; i++) {
              summaries[i].add(RawColumns.text(row, fields[i]));
            }
            if (labelField >= 0) {
              String value = labelText(row, labelField);
              if (Preprocessor.isMissing(value)) {
                throw new NetcSparkException(
                    "the label column '"
                        + label
                        + "' is null or missing in a row; drop such rows before training"
                        + " (Dataset.na().drop())");
              }
              summaries[n].add(value);
            }
          }
          return List.of(new Tuple2<>(index, summaries)).iterator();
        };
    List<Tuple2<Integer, ColumnSummary[]>> parts =
        new ArrayList<>(rows.mapPartitionsWithIndex(part, false).collect());
    return merged(parts, (a, b) -> mergeAll(a, b), "preprocessing " + pass);
  }

  private static ColumnSummary[] mergeAll(ColumnSummary[] into, ColumnSummary[] other) {
    for (int i = 0; i < into.length; i++) {
      into[i].merge(other[i]);
    }
    return into;
  }

  /** The partial results merged in partition-index order. */
  private static <T> T merged(
      List<Tuple2<Integer, T>> parts, BinaryOperator<T> merge, String what) {
    if (parts.isEmpty()) {
      throw new NetcSparkException("NetcEstimator: no rows to fit the " + what + " on");
    }
    parts.sort(Comparator.comparing(Tuple2::_1));
    T result = parts.get(0)._2();
    for (int p = 1; p < parts.size(); p++) {
      result = merge.apply(result, parts.get(p)._2());
    }
    return result;
  }

  /** The label as text: a class index in integer notation ({@code 2.0} is {@code 2}). */
  private static String labelText(Row row, int field) {
    if (!row.isNullAt(field) && row.get(field) instanceof Number number) {
      double value = number.doubleValue();
      if (value == Math.rint(value) && Math.abs(value) < 1e9) {
        return Long.toString((long) value);
      }
    }
    return RawColumns.text(row, field);
  }

  /** The scaling fitted on the encoded rows, as {@link Scaler#fit} on them. */
  private static Scaler scaler(JavaRDD<Row> rows, RawColumns raw, String scaling) {
    Scaler.Kind kind;
    try {
      kind = Scaler.Kind.of(scaling);
    } catch (IllegalArgumentException e) {
      throw new NetcSparkException("NetcEstimator: setScaling: " + e.getMessage(), e);
    }
    int width = raw.width();
    Scaler.Summary pass = Scaler.Summary.of(kind, width);
    while (true) {
      Scaler.Summary empty = pass;
      Function2<Integer, Iterator<Row>, Iterator<Tuple2<Integer, Scaler.Summary>>> part =
          (index, it) -> {
            Scaler.Summary summary = empty.emptyCopy();
            double[] x = new double[width];
            while (it.hasNext()) {
              raw.read(it.next(), x);
              summary.add(x);
            }
            return List.of(new Tuple2<>(index, summary)).iterator();
          };
      List<Tuple2<Integer, Scaler.Summary>> parts =
          new ArrayList<>(rows.mapPartitionsWithIndex(part, false).collect());
      Scaler.Summary merged =
          merged(
              parts,
              (a, b) -> {
                a.merge(b);
                return a;
              },
              "scaling");
      if (merged.isComplete()) {
        return merged.scaler();
      }
      pass = merged.next();
    }
  }
}
