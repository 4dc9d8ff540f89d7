package dev.netc.runtime.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads the sparse text format of LibSVM and SVMLight: one example per line, {@code label
 * index:value index:value ...} with 1-based, increasing feature indexes; features not listed are 0;
 * {@code #} starts a comment; blank lines are skipped.
 *
 * <p>By default labels are classes (numbers such as {@code 1}, {@code -1}, {@code 3}), turned into
 * one-hot targets in numeric order; {@link #regression()} keeps the label as one numeric target.
 * The number of features is the largest index seen unless {@link #featureCount(int)} fixes it (do
 * so for a test file, which may not use the last feature).
 */
public final class LibSvmLoader {
  private int featureCount = -1;
  private boolean regression;
  private List<String> fixedClassNames;

  /** A loader for classification with the feature count taken from the data. */
  public LibSvmLoader() {}

  /** Fixes the number of features; a larger index is an error. */
  public LibSvmLoader featureCount(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("feature count must be > 0: " + count);
    }
    this.featureCount = count;
    return this;
  }

  /** The label is a numeric regression target, not a class. */
  public LibSvmLoader regression() {
    this.regression = true;
    return this;
  }

  /** Fixes the classes and their order (as saved in a weight file); other labels are errors. */
  public LibSvmLoader classNames(List<String> names) {
    this.fixedClassNames = List.copyOf(names);
    return this;
  }

  /** Loads {@code file}. */
  public Dataset load(Path file) {
    String source = file.toString();
    List<String> lines = TextFiles.lines(file, "a LibSVM file");
    List<Map<Integer, Double>> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Long> labelLines = new ArrayList<>();
    int maxIndex = 0;
    for (int n = 0; n < lines.size(); n++) {
      long line = n + 1;
      String text = lines.get(n);
      int hash = text.indexOf('#');
      String[] items = (hash >= 0 ? text.substring(0, hash) : text).trim().split("\\s+");
      if (items.length == 1 && items[0].isEmpty()) {
        continue;
      }
      String label = items[0];
      if (label.contains(":")) {
        throw new DataException(
            source,
            line,
            "1",
            "missing label (expected a number before the " + "first index:value pair)");
      }
      TextFiles.number(label, source, line, "1 (label)");
      labels.add(label);
      labelLines.add(line);
      Map<Integer, Double> row = new LinkedHashMap<>();
      int previous = 0;
      for (int k = 1; k < items.length; k++) {
        String item = items[k];
        String column = String.valueOf(k + 1);
        int colon = item.indexOf(':');
        if (colon <= 0 || !TextFiles.INTEGER.matcher(item.substring(0, colon)).matches()) {
          throw new DataException(
              source, line, column, "expected index:value, got \"" + item + "\"");
        }
        int index = Integer.parseInt(item.substring(0, colon));
        if (index < 1) {
          throw new DataException(
              source, line, column, "feature index " + index + " (indexes start at 1)");
        }
        if (index <= previous) {
          throw new DataException(
              source,
              line,
              column,
              "feature index "
                  + index
                  + " after "
                  + previous
                  + " (indexes must increase along a line)");
        }
        if (featureCount > 0 && index > featureCount) {
          throw new DataException(
              source,
              line,
              column,
              "feature index " + index + " but the data has " + featureCount + " features");
        }
        previous = index;
        row.put(index, TextFiles.number(item.substring(colon + 1), source, line, column));
        maxIndex = Math.max(maxIndex, index);
      }
      rows.add(row);
    }
    int width = featureCount > 0 ? featureCount : maxIndex;
    if (width == 0) {
      throw new DataException(source, "has labels but no features (expected index:value pairs)");
    }
    double[][] features = new double[rows.size()][width];
    for (int i = 0; i < rows.size(); i++) {
      for (Map.Entry<Integer, Double> e : rows.get(i).entrySet()) {
        features[i][e.getKey() - 1] = e.getValue();
      }
    }
    if (regression) {
      double[][] targets = new double[labels.size()][];
      for (int i = 0; i < targets.length; i++) {
        targets[i] = new double[] {Double.parseDouble(labels.get(i))};
      }
      return new Dataset(source, features, targets, List.of(), List.of());
    }
    labels.replaceAll(LibSvmLoader::className);
    List<String> classes = fixedClassNames;
    if (classes == null) {
      TreeMap<Double, String> sorted = new TreeMap<>(Comparator.naturalOrder());
      labels.forEach(label -> sorted.put(Double.parseDouble(label), label));
      classes = List.copyOf(sorted.values());
    }
    int[] y = new int[labels.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = classes.indexOf(labels.get(i));
      if (y[i] < 0) {
        throw new DataException(
            source,
            labelLines.get(i),
            "1 (label)",
            "unknown class '"
                + labels.get(i)
                + "' (the network knows: "
                + String.join(", ", classes)
                + ")");
      }
    }
    return Dataset.classification(source, features, y, classes, List.of());
  }

  /** {@code +1} and {@code 1.0} are the class {@code 1}. */
  private static String className(String label) {
    double value = Double.parseDouble(label);
    if (value == Math.rint(value) && Math.abs(value) < 1e9) {
      return String.valueOf((long) value);
    }
    return label;
  }
}
