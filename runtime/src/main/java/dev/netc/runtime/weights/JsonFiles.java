package dev.netc.runtime.weights;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JSON reading and writing shared by weight files and the trainer's checkpoints: doubles written as
 * the shortest decimal that reads back as the same double (Schubfach, so the text does not depend
 * on the JDK), arrays of numbers on one line and matrices one row per line, atomic writes, and
 * errors that name the file.
 */
public final class JsonFiles {
  /** Fields whose arrays are written one element per line (arrays of objects, matrix rows). */
  private static final Set<String> MULTILINE =
      Set.of("layers", "weights", "tensors", "history", "columns");

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                  .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonFiles() {}

  /** The shared mapper (thread-safe once configured). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code tree} as indented JSON text ending with a newline. */
  public static String toJson(JsonNode tree) {
    Printer printer = new Printer();
    try {
      return MAPPER.writer(printer).writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * Writes {@code text} to {@code file} atomically: to a temporary file in the same folder, flushed
   * to disk, then renamed over {@code file}. A crash leaves the old file or the new one, never a
   * part.
   */
  public static void writeAtomically(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path folder = absolute.getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Reads and parses all of {@code file}; a missing, unreadable, truncated or non-JSON file raises
   * a {@link WeightFileException} saying which ({@code what} names the kind of file expected).
   */
  public static JsonNode read(Path file, String what) {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new WeightFileException(name, "file not found", e);
    } catch (IOException e) {
      throw new WeightFileException(name, "cannot read the file: " + e.getMessage(), e);
    }
    if (bytes.length == 0) {
      throw new WeightFileException(name, "the file is empty (expected " + what + ")");
    }
    try {
      JsonNode tree = MAPPER.readTree(bytes);
      if (tree == null || !tree.isObject()) {
        throw new WeightFileException(name, "is not " + what + " (expected a JSON object)");
      }
      return tree;
    } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
      throw new WeightFileException(
          name,
          "is truncated (the JSON ends early, "
              + where(e.getLocation())
              + "); it was not loaded. Use an intact copy or retrain.",
          e);
    } catch (JsonProcessingException e) {
      throw new WeightFileException(
          name,
          "is not valid JSON ("
              + where(e.getLocation())
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + "); it was not loaded"
              + " (expected "
              + what
              + ")",
          e);
    } catch (IOException e) {
      throw new WeightFileException(name, "cannot read the file: " + e.getMessage(), e);
    }
  }

  private static String where(JsonLocation location) {
    if (location == null) {
      return "at the end";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** A JSON array of the given doubles. */
  public static ArrayNode array(double[] values) {
    ArrayNode array = MAPPER.createArrayNode();
    for (double v : values) {
      array.add(v);
    }
    return array;
  }

  /**
   * Objects indented two spaces; arrays as {@link RowIndenter} says, ", " between inline values.
   */
  private static final class Printer extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    Printer() {
      super(
          Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withArrayValueSpacing(Separators.Spacing.NONE)
              .withArrayEmptySeparator(""));
      indentObjectsWith(new DefaultIndenter("  ", "\n"));
      indentArraysWith(new RowIndenter());
    }

    Printer(Printer base) {
      super(base);
    }

    @Override
    public Printer createInstance() {
      return new Printer(this);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(',');
      if (RowIndenter.multiline(g.getOutputContext())) {
        _arrayIndenter.writeIndentation(g, _nesting);
      } else {
        g.writeRaw(' ');
      }
    }
  }

  /**
   * Arrays nested in an array, and arrays of the fields in {@link #MULTILINE}, one element per
   * line; every other array on one line.
   */
  private static final class RowIndenter implements DefaultPrettyPrinter.Indenter {
    private final DefaultIndenter lines = new DefaultIndenter("  ", "\n");

    @Override
    public void writeIndentation(JsonGenerator g, int level) throws IOException {
      if (multiline(g.getOutputContext())) {
        lines.writeIndentation(g, level);
      }
    }

    static boolean multiline(JsonStreamContext array) {
      JsonStreamContext parent = array == null ? null : array.getParent();
      return parent != null && parent.inObject() && MULTILINE.contains(parent.getCurrentName());
    }

    @Override
    public boolean isInline() {
      return false;
    }
  }

  /** Typed access to JSON fields, with errors naming the file and the field's path. */
  public static final class Fields {
    private final String file;

    /** Fields of {@code file}, named in errors. */
    public Fields(String file) {
      this.file = file;
    }

    /** The error for a missing or mistyped field. */
    public WeightFileException missing(String path, String expected) {
      return new WeightFileException(
          file,
          "\""
              + path
              + "\" is missing or not "
              + expected
              + "; the file is damaged or not a netc file");
    }

    /** An int field. */
    public int integer(JsonNode node, String field) {
      JsonNode v = node.path(field);
      if (!v.canConvertToInt() || !v.isIntegralNumber()) {
        throw missing(field, "an integer");
      }
      return v.intValue();
    }

    /** A long field. */
    public long longInteger(JsonNode node, String field) {
      JsonNode v = node.path(field);
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw missing(field, "an integer");
      }
      return v.longValue();
    }

    /** A number field. */
    public double number(JsonNode node, String field) {
      JsonNode v = node.path(field);
      if (!v.isNumber()) {
        throw missing(field, "a number");
      }
      return v.doubleValue();
    }

    /** A string field; {@code where} is the path of {@code node} for messages. */
    public String text(JsonNode node, String where, String field) {
      JsonNode v = node.path(field);
      if (!v.isTextual()) {
        throw missing(where.isEmpty() ? field : where + "." + field, "a string");
      }
      return v.textValue();
    }

    /** An array field. */
    public JsonNode array(JsonNode node, String field) {
      return array(node, field, field);
    }

    /** An array field, {@code path} naming it in messages. */
    public JsonNode array(JsonNode node, String path, String field) {
      JsonNode v = node.path(field);
      if (!v.isArray()) {
        throw missing(path, "an array");
      }
      return v;
    }

    /** An array of numbers. */
    public double[] numbers(JsonNode array, String path) {
      if (!array.isArray()) {
        throw missing(path, "an array of numbers");
      }
      double[] values = new double[array.size()];
      for (int k = 0; k < values.length; k++) {
        JsonNode v = array.get(k);
        if (!v.isNumber()) {
          throw new WeightFileException(
              file, path + "[" + k + "] is " + v + ", expected a number; the file is damaged");
        }
        values[k] = v.doubleValue();
      }
      return values;
    }

    /** An array of strings, empty if missing or null. */
    public List<String> texts(JsonNode node, String field) {
      JsonNode v = node.path(field);
      if (v.isMissingNode() || v.isNull()) {
        return List.of();
      }
      if (!v.isArray()) {
        throw missing(field, "an array of strings");
      }
      List<String> values = new ArrayList<>();
      for (JsonNode item : v) {
        if (!item.isTextual()) {
          throw missing(field, "an array of strings");
        }
        values.add(item.textValue());
      }
      return values;
    }
  }
}
