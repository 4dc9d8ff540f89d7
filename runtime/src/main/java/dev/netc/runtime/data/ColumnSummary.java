package dev.netc.runtime.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the training values of one column say, for {@link Preprocessor#fit}: whether the column is
 * numeric and its mean (an {@link ExactSum}), or its categorical values; or, for the label column,
 * the class names. Filled value by value and mergeable in any grouping with the same result, so
 * that a table split in parts (the partitions of a cluster) fits exactly the preprocessing of the
 * whole table: the one place where these statistics are computed.
 *
 * <p>A {@link #numbers()} summary counts and sums the numbers and remembers whether any value is
 * not a number (then the column is categorical, and its values are read by a {@link #levels()}
 * summary, in a second pass). Missing values ({@link Preprocessor#isMissing}) are skipped; values
 * are trimmed.
 */
public final class ColumnSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean levels;
  private long count;
  private final ExactSum sum = new ExactSum();

  /** The first value seen that is not a number (numbers summary), or null. */
  private String text;

  /** The first number out of double's range (numbers summary), or null. */
  private String outOfRange;

  private final TreeSet<String> values = new TreeSet<>();

  private ColumnSummary(boolean levels) {
    this.levels = levels;
  }

  /** A summary of a column read as numbers: count, exact sum, whether any value is text. */
  public static ColumnSummary numbers() {
    return new ColumnSummary(false);
  }

  /** A summary of a column read as categories (or class labels): its distinct values. */
  public static ColumnSummary levels() {
    return new ColumnSummary(true);
  }

  /** Adds one raw value (null or a missing word: skipped). */
  public void add(String value) {
    if (Preprocessor.isMissing(value)) {
      return;
    }
    String trimmed = value.trim();
    if (levels) {
      values.add(trimmed);
      return;
    }
    if (!TextFiles.isNumber(trimmed)) {
      if (text == null) {
        text = trimmed;
      }
      return;
    }
    double x = Double.parseDouble(trimmed);
    if (!Double.isFinite(x)) {
      if (outOfRange == null) {
        outOfRange = trimmed;
      }
      return;
    }
    count++;
    sum.add(x);
  }

  /** Adds what {@code other} (a summary of the same kind) holds; {@code other} is not changed. */
  public void merge(ColumnSummary other) {
    if (other.levels != levels) {
      throw new IllegalArgumentException("a numbers summary merges only with a numbers summary");
    }
    count += other.count;
    sum.add(other.sum);
    if (text == null) {
      text = other.text;
    }
    if (outOfRange == null) {
      outOfRange = other.outOfRange;
    }
    values.addAll(other.values);
  }

  /** Whether this summary collects distinct values ({@link #levels()}). */
  public boolean collectsLevels() {
    return levels;
  }

  /** Whether the column is categorical: read as levels, or some value is not a number. */
  public boolean isCategorical() {
    return levels || text != null;
  }

  /** A value that is not a number, if any (numbers summary). */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** A number too large for a double ({@code 1e999}), if any (numbers summary). */
  public Optional<String> outOfRange() {
    return Optional.ofNullable(outOfRange);
  }

  /** Whether no value was present (every value missing). */
  public boolean isEmpty() {
    return levels ? values.isEmpty() : count == 0 && text == null && outOfRange == null;
  }

  /** The number of numbers added (numbers summary). */
  public long count() {
    return count;
  }

  /** The mean of the numbers, the exact sum rounded, divided by the count. */
  public double mean() {
    return sum.value() / count;
  }

  /** The distinct values in sorted order ({@link String#compareTo}) (levels summary). */
  public List<String> values() {
    return List.copyOf(values);
  }

  /**
   * The feature column {@code name} fitted from this summary: categorical with the distinct values
   * of a levels summary, numeric with the mean of a numbers summary.
   *
   * @throws IllegalStateException for an empty summary, or a numbers summary of text values (read
   *     the column again as levels)
   */
  public Preprocessor.Column column(String name) {
    if (isEmpty() || (!levels && (text != null || outOfRange != null))) {
      throw new IllegalStateException("no numeric or categorical fit for column '" + name + "'");
    }
    return levels
        ? Preprocessor.Column.categorical(name, List.copyOf(values))
        : Preprocessor.Column.numeric(name, mean());
  }

  /**
   * The class names of a label column whose distinct values this levels summary holds: integers
   * sorted numerically ({@code 01} and {@code +1} are the class {@code 1}), else the names sorted
   * as text.
   */
  public List<String> classNames() {
    List<String> labels = new ArrayList<>(values);
    ClassLabels.normalize(labels);
    return ClassLabels.classesOf(labels);
  }
}
