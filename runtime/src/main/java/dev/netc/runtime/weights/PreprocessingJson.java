package dev.netc.runtime.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netc.runtime.data.Preprocessor;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code "preprocessing"} object of a weight file (version 2): the feature columns with their
 * encoding, the ignored columns, the label or target columns. The class names and the scaling of a
 * {@link Preprocessor} are the weight file's own {@code "classes"} and {@code "scaling"} fields, so
 * they are not repeated here.
 */
final class PreprocessingJson {
  private PreprocessingJson() {}

  /** The object for {@code p}, to put under {@code "preprocessing"}. */
  static ObjectNode write(Preprocessor p) {
    ObjectNode node = JsonFiles.mapper().createObjectNode();
    if (p.label().isPresent()) {
      node.put("label", p.label().get());
    } else {
      node.putNull("label");
    }
    ArrayNode targets = node.putArray("targets");
    p.targets().forEach(targets::add);
    ArrayNode ignored = node.putArray("ignored");
    p.ignored().forEach(ignored::add);
    ArrayNode columns = node.putArray("columns");
    for (Preprocessor.Column column : p.columns()) {
      ObjectNode c = columns.addObject();
      c.put("name", column.name());
      c.put("type", column.type().spelling());
      if (column.type() == Preprocessor.ColumnType.NUMERIC) {
        c.put("fill", column.fill());
      } else {
        ArrayNode values = c.putArray("values");
        column.values().forEach(values::add);
      }
    }
    return node;
  }

  /**
   * Reads the object {@code node} back, with the file's class names and without scaling (add the
   * file's with {@link Preprocessor#withScaler} once the widths are checked); every problem is a
   * {@link WeightFileException} naming the field.
   */
  static Preprocessor read(JsonNode node, JsonFiles.Fields f, String file, List<String> classes) {
    JsonNode labelNode = node.path("label");
    String label;
    if (labelNode.isNull() || labelNode.isMissingNode()) {
      label = null;
    } else if (labelNode.isTextual()) {
      label = labelNode.textValue();
    } else {
      throw f.missing("preprocessing.label", "a string or null");
    }
    JsonNode columnArray = f.array(node, "preprocessing.columns", "columns");
    List<Preprocessor.Column> columns = new ArrayList<>();
    for (int i = 0; i < columnArray.size(); i++) {
      String where = "preprocessing.columns[" + i + "]";
      JsonNode c = columnArray.get(i);
      String name = f.text(c, where, "name");
      String type = f.text(c, where, "type");
      try {
        if (type.equals(Preprocessor.ColumnType.NUMERIC.spelling())) {
          columns.add(Preprocessor.Column.numeric(name, number(c, f, where + ".fill")));
        } else if (type.equals(Preprocessor.ColumnType.CATEGORICAL.spelling())) {
          f.array(c, where + ".values", "values");
          columns.add(Preprocessor.Column.categorical(name, f.texts(c, "values")));
        } else {
          throw new WeightFileException(
              file,
              where
                  + ".type is \""
                  + type
                  + "\", expected \"numeric\" or \"categorical\"; the file is damaged");
        }
      } catch (IllegalArgumentException e) {
        throw new WeightFileException(
            file, where + ": " + e.getMessage() + "; the file is damaged");
      }
    }
    try {
      return new Preprocessor(
          columns,
          f.texts(node, "ignored"),
          label,
          f.texts(node, "targets"),
          label == null ? List.of() : classes,
          null);
    } catch (IllegalArgumentException e) {
      throw new WeightFileException(
          file, "preprocessing: " + e.getMessage() + "; the file is damaged");
    }
  }

  private static double number(JsonNode c, JsonFiles.Fields f, String path) {
    JsonNode v = c.path("fill");
    if (!v.isNumber()) {
      throw f.missing(path, "a number");
    }
    return v.doubleValue();
  }
}
