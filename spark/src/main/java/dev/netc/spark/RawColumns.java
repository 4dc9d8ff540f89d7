package dev.netc.spark;

import dev.netc.runtime.data.Preprocessor;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The network's input encoded from raw columns (numbers, text, categories, missing values) by the
 * preprocessing saved with the weights: the same {@link Preprocessor} that {@code netc} applies to
 * a raw table, so that a row scores the same here and there.
 */
final class RawColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Preprocessor preprocessor;

  /** For each of the preprocessor's feature columns, its index in the rows. */
  private final int[] fields;

  private transient Map<String, Integer> byName;

  private RawColumns(Preprocessor preprocessor, int[] fields) {
    this.preprocessor = preprocessor;
    this.fields = fields;
  }

  /**
   * Finds the preprocessor's feature columns in {@code schema}, among {@code allowed} if not empty;
   * the error names a missing column.
   */
  static RawColumns of(
      Preprocessor preprocessor, StructType schema, List<String> allowed, String stage) {
    List<Preprocessor.Column> columns = preprocessor.columns();
    int[] fields = new int[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      String name = columns.get(i).name();
      if (!allowed.isEmpty() && !allowed.contains(name)) {
        throw new NetcSparkException(
            stage
                + ": the input columns "
                + allowed
                + " lack '"
                + name
                + "', a feature column of the saved preprocessing (it needs "
                + preprocessor.columns().stream().map(Preprocessor.Column::name).toList()
                + "); add it to setInputCols(...)");
      }
      FeatureColumn.field(schema, name, "input", stage, "setInputCols");
      fields[i] = schema.fieldIndex(name);
    }
    return new RawColumns(preprocessor, fields);
  }

  /** The encoded width (the network's input size). */
  int width() {
    return preprocessor.width();
  }

  /** The names of the columns read, in the preprocessor's order. */
  List<String> columnNames() {
    return preprocessor.columns().stream().map(Preprocessor.Column::name).toList();
  }

  /**
   * These columns read from a row that holds just them, in the order of {@link #columnNames()} (a
   * struct of them).
   */
  RawColumns inStructOrder() {
    return positional(preprocessor);
  }

  /** The columns of {@code preprocessor} read from rows that hold just them, in its order. */
  static RawColumns positional(Preprocessor preprocessor) {
    int[] order = new int[preprocessor.columns().size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    return new RawColumns(preprocessor, order);
  }

  /** Encodes the raw values of {@code row} into {@code input}. */
  void read(Row row, double[] input) {
    preprocessor.encode(name -> text(row, fields[indexOf(name)]), input);
  }

  private int indexOf(String name) {
    if (byName == null) {
      Map<String, Integer> map = new HashMap<>();
      List<Preprocessor.Column> columns = preprocessor.columns();
      for (int i = 0; i < columns.size(); i++) {
        map.put(columns.get(i).name(), i);
      }
      byName = map;
    }
    return byName.get(name);
  }

  /** A value as the text a raw table would hold: null and NaN are missing values. */
  static String text(Row row, int field) {
    if (row.isNullAt(field)) {
      return null;
    }
    Object value = row.get(field);
    if (value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN()) {
      return null;
    }
    return value.toString();
  }
}
