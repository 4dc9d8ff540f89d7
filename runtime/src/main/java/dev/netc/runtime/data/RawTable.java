package dev.netc.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of raw text values as read from a CSV file: a header of column names and rows of fields,
 * each row with the line it came from, before any value is interpreted. This is the input of a
 * {@link Preprocessor}: fitted on a training table, it turns rows of any such table into feature
 * vectors. Read one with {@link CsvLoader#table(java.nio.file.Path)}.
 *
 * <p>Immutable; the row arrays are shared, not copied (by {@link #select} too), so callers must not
 * modify them.
 */
public final class RawTable {
  private final String source;
  private final List<String> header;
  private final List<String[]> rows;
  private final long[] lines;

  /**
   * @param source where the table came from (a file name), used in messages
   * @param header the column names
   * @param rows the rows, each as wide as the header
   * @param lines the 1-based line of each row in {@code source}, for messages
   */
  public RawTable(String source, List<String> header, List<String[]> rows, long[] lines) {
    if (rows.size() != lines.length) {
      throw new IllegalArgumentException(rows.size() + " rows but " + lines.length + " lines");
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).length != header.size()) {
        throw new IllegalArgumentException(
            source
                + ": row "
                + i
                + " has "
                + rows.get(i).length
                + " fields, the header "
                + header.size());
      }
    }
    this.source = source;
    this.header = List.copyOf(header);
    this.rows = List.copyOf(rows);
    this.lines = lines.clone();
  }

  /** Where the table came from (a file name), for messages. */
  public String source() {
    return source;
  }

  /** The column names, in file order. */
  public List<String> header() {
    return header;
  }

  /** Number of rows (the header not counted). */
  public int size() {
    return rows.size();
  }

  /** The fields of row {@code i}, one per column (shared, do not modify). */
  public String[] row(int i) {
    return rows.get(i);
  }

  /** The 1-based line of row {@code i} in {@link #source()}. */
  public long line(int i) {
    return lines[i];
  }

  /** The 0-based index of the column named {@code name}, or -1. */
  public int column(String name) {
    return header.indexOf(name);
  }

  /** A column as messages name it: its 1-based number and its name, {@code 3 (island)}. */
  public String describeColumn(int j) {
    return (j + 1) + " (" + header.get(j) + ")";
  }

  /** The rows at {@code indices}, in that order. */
  public RawTable select(int[] indices) {
    List<String[]> chosen = new ArrayList<>(indices.length);
    long[] chosenLines = new long[indices.length];
    for (int i = 0; i < indices.length; i++) {
      chosen.add(rows.get(indices[i]));
      chosenLines[i] = lines[indices[i]];
    }
    return new RawTable(source, header, chosen, chosenLines);
  }

  /**
   * The rows without a missing value ({@link Preprocessor#isMissing}) in any of {@code columns};
   * the other columns may hold anything.
   */
  public RawTable withoutMissing(List<String> columns) {
    int[] positions = positions(columns);
    int[] kept = new int[size()];
    int count = 0;
    for (int i = 0; i < size(); i++) {
      if (firstMissing(i, positions) < 0) {
        kept[count++] = i;
      }
    }
    return select(Arrays.copyOf(kept, count));
  }

  /**
   * Fails with a {@link DataException} naming the line and column of the first missing value in
   * {@code columns}, if there is one.
   */
  public void requireNoMissing(List<String> columns) {
    int[] positions = positions(columns);
    for (int i = 0; i < size(); i++) {
      int j = firstMissing(i, positions);
      if (j >= 0) {
        throw new DataException(
            source,
            lines[i],
            describeColumn(j),
            "missing value \"" + rows.get(i)[j] + "\" (this data must be complete)");
      }
    }
  }

  private int firstMissing(int i, int[] positions) {
    String[] row = rows.get(i);
    for (int j : positions) {
      if (Preprocessor.isMissing(row[j])) {
        return j;
      }
    }
    return -1;
  }

  private int[] positions(List<String> columns) {
    int[] positions = new int[columns.size()];
    for (int k = 0; k < positions.length; k++) {
      positions[k] = column(columns.get(k));
      if (positions[k] < 0) {
        throw new DataException(
            source,
            "no column named '"
                + columns.get(k)
                + "' (the header has: "
                + String.join(", ", header)
                + ")");
      }
    }
    return positions;
  }

  @Override
  public String toString() {
    return source + " (" + size() + " rows, " + header.size() + " columns)";
  }
}
