package dev.netc.runtime.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads Weka's ARFF files with numeric attributes ({@code numeric}, {@code real}, {@code integer})
 * and one nominal class attribute ({@code {a, b, c}}), the last by default. The classes are the
 * nominal values in the order the header declares them. Comments ({@code %}) and blank lines are
 * skipped; string, date and relational attributes, sparse rows and missing values ({@code ?}) are
 * errors naming the line and column.
 */
public final class ArffLoader {
  private String classAttribute;

  /** A loader whose class attribute is the last one. */
  public ArffLoader() {}

  /** The class is the attribute of this name (nominal). */
  public ArffLoader classAttribute(String name) {
    this.classAttribute = name;
    return this;
  }

  private record Attribute(String name, List<String> values, long line) {
    boolean nominal() {
      return values != null;
    }
  }

  /** Loads {@code file}. */
  public Dataset load(Path file) {
    String source = file.toString();
    List<String> lines = TextFiles.lines(file, "an ARFF file");
    List<Attribute> attributes = new ArrayList<>();
    int n = 0;
    boolean data = false;
    for (; n < lines.size() && !data; n++) {
      String text = lines.get(n).trim();
      if (text.isEmpty() || text.startsWith("%")) {
        continue;
      }
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.startsWith("@relation")) {
        continue;
      } else if (lower.startsWith("@attribute")) {
        attributes.add(attribute(text.substring("@attribute".length()).trim(), source, n + 1));
      } else if (lower.startsWith("@data")) {
        data = true;
      } else {
        throw new DataException(
            source,
            n + 1,
            null,
            "expected @relation, @attribute or @data, got \""
                + text
                + "\""
                + (attributes.isEmpty() ? " (is this an ARFF file?)" : ""));
      }
    }
    if (!data) {
      throw new DataException(source, "has no @data section (is this an ARFF file?)");
    }
    int target = attributes.size() - 1;
    if (classAttribute != null) {
      target = -1;
      for (int j = 0; j < attributes.size(); j++) {
        if (attributes.get(j).name().equals(classAttribute)) {
          target = j;
        }
      }
      if (target < 0) {
        throw new DataException(source, "has no attribute named '" + classAttribute + "'");
      }
    }
    if (target < 1) {
      throw new DataException(source, "needs at least one numeric attribute and a class attribute");
    }
    Attribute classAttr = attributes.get(target);
    if (!classAttr.nominal()) {
      throw new DataException(
          source,
          classAttr.line(),
          null,
          "the class attribute '"
              + classAttr.name()
              + "' is numeric; expected a nominal class such as {a, b, c}");
    }
    List<String> featureNames = new ArrayList<>();
    for (int j = 0; j < attributes.size(); j++) {
      Attribute a = attributes.get(j);
      if (j != target) {
        if (a.nominal()) {
          throw new DataException(
              source,
              a.line(),
              null,
              "attribute '"
                  + a.name()
                  + "' is nominal; only numeric attributes and one nominal class are supported");
        }
        featureNames.add(a.name());
      }
    }
    List<double[]> features = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (; n < lines.size(); n++) {
      String text = lines.get(n).trim();
      long line = n + 1;
      if (text.isEmpty() || text.startsWith("%")) {
        continue;
      }
      if (text.startsWith("{")) {
        throw new DataException(
            source,
            line,
            null,
            "sparse ARFF rows are not supported "
                + "(write the row in full, or use the LibSVM format)");
      }
      List<String> values = split(text);
      if (values.size() != attributes.size()) {
        throw new DataException(
            source,
            line,
            null,
            "expected " + attributes.size() + " values (one per @attribute), got " + values.size());
      }
      double[] x = new double[featureNames.size()];
      int k = 0;
      for (int j = 0; j < values.size(); j++) {
        String column = (j + 1) + " (" + attributes.get(j).name() + ")";
        if (j == target) {
          String label = values.get(j);
          int c = classAttr.values().indexOf(label);
          if (label.equals("?") || label.isEmpty()) {
            throw new DataException(source, line, column, "missing class");
          }
          if (c < 0) {
            throw new DataException(
                source,
                line,
                column,
                "unknown class '"
                    + label
                    + "' (the header declares: "
                    + String.join(", ", classAttr.values())
                    + ")");
          }
          labels.add(c);
        } else {
          x[k++] = TextFiles.number(values.get(j), source, line, column);
        }
      }
      features.add(x);
    }
    if (features.isEmpty()) {
      throw new DataException(source, "has no data rows after @data");
    }
    return Dataset.classification(
        source,
        features.toArray(new double[0][]),
        labels.stream().mapToInt(Integer::intValue).toArray(),
        classAttr.values(),
        featureNames);
  }

  private static Attribute attribute(String text, String source, long line) {
    List<String> nameAndType = splitName(text);
    if (nameAndType.size() != 2 || nameAndType.get(1).isEmpty()) {
      throw new DataException(source, line, null, "expected @attribute <name> <type>");
    }
    String name = nameAndType.get(0);
    String type = nameAndType.get(1).trim();
    if (type.startsWith("{")) {
      if (!type.endsWith("}")) {
        throw new DataException(source, line, null, "nominal values must end with '}'");
      }
      return new Attribute(name, split(type.substring(1, type.length() - 1)), line);
    }
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.equals("numeric") || lower.equals("real") || lower.equals("integer")) {
      return new Attribute(name, null, line);
    }
    throw new DataException(
        source,
        line,
        null,
        "attribute '"
            + name
            + "' has type "
            + type
            + "; only numeric attributes and a nominal class are supported");
  }

  /** The attribute name (possibly quoted) and the rest of the line. */
  private static List<String> splitName(String text) {
    if (text.startsWith("'") || text.startsWith("\"")) {
      int end = text.indexOf(text.charAt(0), 1);
      if (end < 0) {
        return List.of(text);
      }
      return List.of(text.substring(1, end), text.substring(end + 1).trim());
    }
    String[] parts = text.split("\\s+", 2);
    return parts.length == 2 ? List.of(parts[0], parts[1]) : List.of(parts[0]);
  }

  /** Comma-separated values, trimmed, with single or double quotes removed. */
  private static List<String> split(String text) {
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          value.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ',') {
        values.add(value.toString().trim());
        value.setLength(0);
      } else {
        value.append(c);
      }
    }
    values.add(value.toString().trim());
    return values;
  }
}
