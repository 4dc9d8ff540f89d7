package dev.netc.runtime.data;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads a CSV file (UTF-8, parsed by Apache Commons CSV) into a {@link Dataset}. Configure it
 * fluently, then {@link #load(Path)}:
 *
 * <pre>{@code
 * Dataset iris = new CsvLoader().load(Path.of("iris.csv"));               // label: last column
 * Dataset data = new CsvLoader().label("species").ignore("id").separator(';').load(path);
 * Dataset house = new CsvLoader().targets("price").load(path);             // regression
 * Dataset test = new CsvLoader().classNames(weights.classNames()).load(path); // same mapping
 * }</pre>
 *
 * <p>Columns are chosen by header name or by 0-based index (negative counts from the end: -1 is the
 * last). By default the first row is a header, the last column is a class label and every other
 * column is a numeric feature. Class labels may be names or integers; they become one-hot targets
 * in the order of {@link Dataset#classNames()}: integers sorted numerically, names sorted as text,
 * unless {@link #classNames(List)} fixes the mapping (as at prediction, from the weight file).
 * Blank lines are skipped; nothing else is: every bad value raises a {@link DataException} naming
 * the file, line and column.
 */
public final class CsvLoader {
  private enum Mode {
    CLASS_LABEL,
    NUMERIC_TARGETS,
    NO_TARGETS
  }

  private boolean header = true;
  private char separator = ',';
  private Mode mode = Mode.CLASS_LABEL;
  private List<Object> targetColumns = List.of(-1);
  private List<Object> ignored = List.of();
  private List<String> fixedClassNames;

  /** A loader with the defaults: header row, ',' separator, class label in the last column. */
  public CsvLoader() {}

  /** Whether the first row is a header of column names (default true). */
  public CsvLoader header(boolean hasHeader) {
    this.header = hasHeader;
    return this;
  }

  /** The separator between values (default ','). */
  public CsvLoader separator(char value) {
    this.separator = value;
    return this;
  }

  /** The class label is in the column with this header name. */
  public CsvLoader label(String column) {
    return classColumn(column);
  }

  /** The class label is in the column with this 0-based index (negative: from the end). */
  public CsvLoader label(int column) {
    return classColumn(column);
  }

  private CsvLoader classColumn(Object column) {
    this.mode = Mode.CLASS_LABEL;
    this.targetColumns = List.of(column);
    return this;
  }

  /** Numeric target columns, by header name, for regression or arbitrary target vectors. */
  public CsvLoader targets(String... columns) {
    return numericTargets(List.of((Object[]) columns));
  }

  /** Numeric target columns, by 0-based index (negative: from the end). */
  public CsvLoader targets(int... columns) {
    return numericTargets(Arrays.stream(columns).boxed().map(Object.class::cast).toList());
  }

  private CsvLoader numericTargets(List<Object> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("targets(...) needs at least one column");
    }
    this.mode = Mode.NUMERIC_TARGETS;
    this.targetColumns = List.copyOf(columns);
    return this;
  }

  /** No target columns: every column not ignored is a feature (data for prediction). */
  public CsvLoader noTargets() {
    this.mode = Mode.NO_TARGETS;
    this.targetColumns = List.of();
    return this;
  }

  /** Adds columns to leave out, by header name (calls add up). */
  public CsvLoader ignore(String... columns) {
    List<Object> all = new ArrayList<>(ignored);
    all.addAll(List.of((Object[]) columns));
    this.ignored = List.copyOf(all);
    return this;
  }

  /** Adds columns to leave out, by 0-based index (negative: from the end; calls add up). */
  public CsvLoader ignore(int... columns) {
    List<Object> all = new ArrayList<>(ignored);
    Arrays.stream(columns).forEach(all::add);
    this.ignored = List.copyOf(all);
    return this;
  }

  /**
   * Fixes the classes and their order (for example those saved in a weight file); a label that is
   * not one of them is an error ("unknown class").
   */
  public CsvLoader classNames(List<String> names) {
    this.fixedClassNames = List.copyOf(names);
    return this;
  }

  /** Loads {@code file}; the dataset's name is the path as given. */
  public Dataset load(Path file) {
    return read(table(file), file.toString());
  }

  /** Loads CSV text from {@code reader}; {@code source} names it in messages. */
  public Dataset load(Reader reader, String source) {
    return read(table(reader, source), source);
  }

  private static DataException notCsv(String source, IOException e) {
    if (e instanceof CharacterCodingException) {
      return new DataException(source, "is not a CSV file (not UTF-8 text; binary data?)", e);
    }
    return new DataException(source, "cannot read the file: " + e.getMessage(), e);
  }

  /**
   * Reads {@code file} as a {@link RawTable} of text values (the header row, or {@code column1},
   * {@code column2}, ... without one), without interpreting any value: the input of a {@link
   * Preprocessor}. Only the separator and header settings apply.
   */
  public RawTable table(Path file) {
    String source = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      return table(new InputStreamReader(in, utf8), source);
    } catch (NoSuchFileException e) {
      throw new DataException(source, "file not found", e);
    } catch (IOException e) {
      throw new DataException(source, "cannot read the file: " + e.getMessage(), e);
    }
  }

  /** Reads CSV text from {@code reader} as a {@link RawTable}; {@code source} names it. */
  public RawTable table(Reader reader, String source) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(separator)
            .setIgnoreEmptyLines(false)
            .setTrim(true)
            .get();
    LineReader lines = new LineReader(reader, source);
    try (CSVParser parser = format.parse(lines)) {
      return readTable(parser, lines, source);
    } catch (UncheckedIOException e) {
      throw notCsv(source, e.getCause());
    } catch (IOException e) {
      throw notCsv(source, e);
    } catch (IllegalStateException e) {
      // Commons CSV reports malformed quoting this way.
      throw new DataException(source, "is not a valid CSV file: " + e.getMessage(), e);
    }
  }

  private RawTable readTable(CSVParser parser, LineReader lines, String source) {
    Iterator<CSVRecord> records = parser.iterator();
    long[] line = {0};
    String[] first = nextRow(records, lines, line);
    if (first == null) {
      throw new DataException(
          source,
          "the file is empty (expected "
              + (header ? "a header row and " : "")
              + "rows of comma-separated values)");
    }
    int width = first.length;
    if (width > 0 && first[0].startsWith("\uFEFF")) {
      first[0] = first[0].substring(1);
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      names.add(header ? first[j] : "column" + (j + 1));
    }
    List<String[]> rows = new ArrayList<>();
    long[] rowLines = new long[16];
    String[] row = header ? nextRow(records, lines, line) : first;
    if (row == null) {
      throw new DataException(source, "has a header row but no data rows");
    }
    while (row != null) {
      if (row.length != width) {
        throw new DataException(
            source,
            line[0],
            null,
            "expected "
                + width
                + " values"
                + (header ? " (as in the header)" : " (as in the first row)")
                + ", got "
                + row.length);
      }
      if (rows.size() == rowLines.length) {
        rowLines = Arrays.copyOf(rowLines, 2 * rowLines.length);
      }
      rowLines[rows.size()] = line[0];
      rows.add(row);
      row = nextRow(records, lines, line);
    }
    return new RawTable(source, names, rows, Arrays.copyOf(rowLines, rows.size()));
  }

  private Dataset read(RawTable table, String source) {
    List<String> names = table.header();
    Layout layout = layout(names, source);

    List<double[]> features = new ArrayList<>();
    List<double[]> targets = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Long> labelLines = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      String[] row = table.row(i);
      long line = table.line(i);
      double[] x = new double[layout.features.length];
      for (int k = 0; k < x.length; k++) {
        x[k] = number(row, layout.features[k], names, source, line);
      }
      features.add(x);
      if (mode == Mode.NUMERIC_TARGETS) {
        double[] t = new double[layout.targets.length];
        for (int k = 0; k < t.length; k++) {
          t[k] = number(row, layout.targets[k], names, source, line);
        }
        targets.add(t);
      } else if (mode == Mode.CLASS_LABEL) {
        int c = layout.targets[0];
        String label = row[c];
        if (label.isEmpty()) {
          throw new DataException(
              source,
              line,
              column(c, names),
              "missing class label (expected a class name or number)");
        }
        labels.add(label);
        labelLines.add(line);
      } else {
        targets.add(new double[0]);
      }
    }

    List<String> featureNames = new ArrayList<>();
    for (int j : layout.features) {
      featureNames.add(names.get(j));
    }
    double[][] f = features.toArray(new double[0][]);
    if (mode != Mode.CLASS_LABEL) {
      return new Dataset(source, f, targets.toArray(new double[0][]), featureNames, List.of());
    }
    ClassLabels.normalize(labels);
    List<String> classes =
        fixedClassNames != null ? fixedClassNames : ClassLabels.classesOf(labels);
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int k = 0; k < classes.size(); k++) {
      index.put(classes.get(k), k);
    }
    int[] y = new int[labels.size()];
    for (int i = 0; i < y.length; i++) {
      Integer k = index.get(labels.get(i));
      if (k == null) {
        throw new DataException(
            source,
            labelLines.get(i),
            column(layout.targets[0], names),
            "unknown class '"
                + labels.get(i)
                + "' (the network knows: "
                + String.join(", ", classes)
                + ")");
      }
      y[i] = k;
    }
    return Dataset.classification(source, f, y, classes, featureNames);
  }

  /** The next non-blank row, with {@code line[0]} set to its 1-based line number. */
  private static String[] nextRow(Iterator<CSVRecord> records, LineReader lines, long[] line) {
    while (records.hasNext()) {
      CSVRecord record = records.next();
      line[0] = lines.lineAt(record.getCharacterPosition());
      if (record.size() == 1 && record.get(0).isEmpty()) {
        continue;
      }
      return record.values();
    }
    return null;
  }

  private record Layout(int[] features, int[] targets) {}

  private Layout layout(List<String> names, String source) {
    int width = names.size();
    boolean[] used = new boolean[width];
    int[] targets = new int[targetColumns.size()];
    for (int k = 0; k < targets.length; k++) {
      targets[k] = resolve(targetColumns.get(k), names, source);
      used[targets[k]] = true;
    }
    for (Object column : ignored) {
      used[resolve(column, names, source)] = true;
    }
    List<Integer> features = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      if (!used[j]) {
        features.add(j);
      }
    }
    if (features.isEmpty()) {
      throw new DataException(
          source, "has no feature columns left (every column is a target or ignored)");
    }
    return new Layout(features.stream().mapToInt(Integer::intValue).toArray(), targets);
  }

  private int resolve(Object column, List<String> names, String source) {
    if (column instanceof Integer index) {
      int j = index < 0 ? names.size() + index : index;
      if (j < 0 || j >= names.size()) {
        throw new DataException(
            source,
            "has no column "
                + index
                + " (it has "
                + names.size()
                + " columns, indexes 0 to "
                + (names.size() - 1)
                + ")");
      }
      return j;
    }
    int j = names.indexOf(column);
    if (j < 0) {
      throw new DataException(
          source,
          header ? 1 : 0,
          null,
          "no column named '" + column + "' (the header has: " + String.join(", ", names) + ")");
    }
    return j;
  }

  private static double number(String[] row, int j, List<String> names, String source, long line) {
    return TextFiles.number(row[j], source, line, column(j, names));
  }

  private static String column(int j, List<String> names) {
    return (j + 1) + " (" + names.get(j) + ")";
  }

  /**
   * Passes characters through to the parser, noting where each line starts (so that a record's
   * character position gives its line, whatever the parser has read ahead) and refusing NUL
   * characters, which text files do not contain.
   */
  private static final class LineReader extends FilterReader {
    private final String source;
    private long position;
    private long[] starts = new long[1024];
    private int lines = 1;

    LineReader(Reader in, String source) {
      super(in);
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        note((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int k = 0; k < n; k++) {
        note(buffer[offset + k]);
      }
      return n;
    }

    private void note(char c) {
      position++;
      if (c == '\n') {
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, 2 * lines);
        }
        starts[lines++] = position;
      } else if (c == '\0') {
        throw new DataException(source, lines, null, "is not a CSV file (binary data)");
      }
    }

    /** The 1-based line holding the character at {@code offset}. */
    long lineAt(long offset) {
      int index = Arrays.binarySearch(starts, 0, lines, offset);
      return index >= 0 ? index + 1 : -index - 1;
    }
  }
}
