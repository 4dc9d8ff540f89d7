package dev.netc.runtime.data;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What turns a raw row of a table (text values by column name) into the {@code double[]} input of a
 * generated network class, and an output position into a class name: fitted once on the training
 * table ({@link #fit}), saved in the weight file, and applied unchanged at evaluation, prediction
 * and serving time, so that training and serving cannot drift apart.
 *
 * <h2>The encoding</h2>
 *
 * <ul>
 *   <li>The <b>feature columns</b> are the table's columns except the label (or numeric target)
 *       columns and the ignored ones, in the training file's order. At encoding time the columns
 *       may come in any order, and other columns are ignored.
 *   <li>A value is <b>missing</b> when, after trimming spaces, it is empty or one of {@code NA},
 *       {@code N/A}, {@code NaN}, {@code null}, {@code ?} (ignoring case): {@link #isMissing}.
 *   <li>A feature column is <b>categorical</b> when any non-missing training value is not a number
 *       (decimal notation: {@code 12}, {@code -3.5}, {@code 1e-3}), or when {@link
 *       Options#categorical named so} (numeric codes such as zip codes). It becomes one input per
 *       distinct training value, in sorted order ({@link String#compareTo}, by UTF-16 code units):
 *       1 for the row's value, 0 for the others. A value not seen in training, and a missing value,
 *       encode as all zeros (not an error; {@link #encode(RawTable)} counts the unseen ones).
 *   <li>Every other feature column is <b>numeric</b>: one input, its value; a missing value is
 *       replaced by the column's training mean.
 *   <li>Then, if there is one, the {@link Scaler} fitted on the encoded training data is applied to
 *       the whole encoded vector.
 *   <li>The <b>class label</b> column's values are the class names: integers sorted numerically
 *       ({@code +1} and {@code 01} are the class {@code 1}), else names sorted as text; output
 *       {@code k} of the network is class {@link #classNames()}{@code .get(k)}.
 * </ul>
 *
 * <p>The encoded width ({@link #width()}) is the number of numeric columns plus, for each
 * categorical column, its number of training values; {@link #featureNames()} names each input
 * ({@code bill_length_mm}, {@code island=Biscoe}, ...).
 *
 * <h2>Serving</h2>
 *
 * <pre>{@code
 * WeightFile weights = WeightFile.load(Path.of("penguins.weights.json"), net);
 * Preprocessor prep = weights.preprocessor().orElseThrow();
 * double[] input = new double[prep.width()];                      // one per thread, reused
 * prep.encode(Map.of("island", "Dream", "bill_length_mm", "NA", ...), input);
 * String species = prep.className(net.classify(input));
 * }</pre>
 *
 * <p>Immutable and thread-safe: one instance may serve any number of threads, each with its own
 * input array. The {@code encode} methods into a caller's array do not allocate (beyond trimming a
 * value with surrounding spaces). Bad values raise {@link DataException} naming the row and column.
 * Serializable (as its saved form, not its fields), for frameworks that ship objects to workers.
 */
public final class Preprocessor implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Set<String> MISSING_WORDS = Set.of("na", "n/a", "nan", "null", "?");

  /** How a feature column is encoded. */
  public enum ColumnType {
    /** One input: the number, or the training mean when missing. */
    NUMERIC("numeric"),
    /** One input per training value, one-hot; unseen and missing values all zeros. */
    CATEGORICAL("categorical");

    private final String spelling;

    ColumnType(String spelling) {
      this.spelling = spelling;
    }

    /** The name in weight files: {@code numeric} or {@code categorical}. */
    public String spelling() {
      return spelling;
    }

    /** The type named {@code spelling}, or an {@link IllegalArgumentException} naming both. */
    public static ColumnType of(String spelling) {
      for (ColumnType type : values()) {
        if (type.spelling.equals(spelling)) {
          return type;
        }
      }
      throw new IllegalArgumentException(
          "unknown column type '" + spelling + "' (expected numeric or categorical)");
    }
  }

  /**
   * One feature column of the training table and how it is encoded.
   *
   * @param name the column's name in the header
   * @param type numeric or categorical
   * @param fill the training mean that replaces a missing value (numeric; NaN for categorical)
   * @param values the distinct training values in sorted order (categorical; empty for numeric)
   */
  public record Column(String name, ColumnType type, double fill, List<String> values) {
    /** Checks the fields and copies {@code values}. */
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      values = List.copyOf(values);
      if (type == ColumnType.NUMERIC) {
        if (!Double.isFinite(fill) || !values.isEmpty()) {
          throw new IllegalArgumentException(
              "numeric column '" + name + "' needs a finite fill and no values: " + fill);
        }
      } else {
        if (!Double.isNaN(fill) || values.isEmpty()) {
          throw new IllegalArgumentException(
              "categorical column '" + name + "' needs values (and a NaN fill)");
        }
        for (int k = 1; k < values.size(); k++) {
          if (values.get(k - 1).compareTo(values.get(k)) >= 0) {
            throw new IllegalArgumentException(
                "values of categorical column '"
                    + name
                    + "' must be distinct and sorted: '"
                    + values.get(k - 1)
                    + "' before '"
                    + values.get(k)
                    + "'");
          }
        }
      }
    }

    /** A numeric column whose missing values become {@code mean}. */
    public static Column numeric(String name, double mean) {
      return new Column(name, ColumnType.NUMERIC, mean, List.of());
    }

    /** A categorical column with the given (sorted, distinct) training values. */
    public static Column categorical(String name, List<String> values) {
      return new Column(name, ColumnType.CATEGORICAL, Double.NaN, values);
    }

    /** Number of inputs it encodes to: 1, or its number of values. */
    public int width() {
      return type == ColumnType.NUMERIC ? 1 : values.size();
    }

    /** The names of its inputs: {@code name}, or {@code name=value} for each value. */
    public List<String> featureNames() {
      if (type == ColumnType.NUMERIC) {
        return List.of(name);
      }
      return values.stream().map(value -> name + "=" + value).toList();
    }
  }

  /**
   * Which columns are what, for {@link #fit}: by default the last column is the class label and
   * every other column a feature, its type found from the values. Not thread-safe; a plain builder.
   */
  public static final class Options {
    private String label;
    private List<String> targets = List.of();
    private boolean noTargets;
    private final List<String> ignored = new ArrayList<>();
    private final List<String> categorical = new ArrayList<>();

    /** The defaults: the class label in the last column, nothing ignored. */
    public Options() {}

    /** The class label is the column named {@code column} (default: the last column). */
    public Options label(String column) {
      this.label = Objects.requireNonNull(column, "column");
      this.targets = List.of();
      this.noTargets = false;
      return this;
    }

    /** Numeric target columns (regression) instead of a class label. */
    public Options targets(String... columns) {
      if (columns.length == 0) {
        throw new IllegalArgumentException("targets(...) needs at least one column");
      }
      this.targets = List.of(columns);
      this.label = null;
      this.noTargets = false;
      return this;
    }

    /** No label or target column: every column not ignored is a feature. */
    public Options noTargets() {
      this.noTargets = true;
      this.label = null;
      this.targets = List.of();
      return this;
    }

    /** Adds columns to leave out (an id, say); calls add up. */
    public Options ignore(String... columns) {
      ignored.addAll(List.of(columns));
      return this;
    }

    /** Adds feature columns to encode as categories even if their values are numbers. */
    public Options categorical(String... columns) {
      categorical.addAll(List.of(columns));
      return this;
    }
  }

  /**
   * A value not seen in training, in one categorical column of a table (encoded as all zeros).
   *
   * @param column the column's name
   * @param rows how many rows held a value not seen in training
   * @param example the first such value
   */
  public record Unseen(String column, int rows, String example) {}

  /**
   * A table encoded by {@link #encode(RawTable)}.
   *
   * @param data the encoded rows, with targets if the table has the label (or target) columns
   * @param unseen per categorical column with values not seen in training, how many rows had one
   */
  public record Encoded(Dataset data, List<Unseen> unseen) {
    /** Copies {@code unseen}. */
    public Encoded {
      unseen = List.copyOf(unseen);
    }
  }

  // Serialized through SavedForm (writeReplace), so no field is part of the serialized form.
  private final transient List<Column> columns;
  private final transient List<String> ignored;
  private final transient String label;
  private final transient List<String> targets;
  private final transient List<String> classNames;
  private final transient Scaler scaler;

  private final transient int width;
  private final transient List<String> featureNames;
  private final transient int[] offsets;
  private final transient List<Map<String, Integer>> positions;
  private final transient Map<String, Integer> classIndex;

  /**
   * A preprocessor with given parts (as read back from a weight file); {@link #fit} makes one from
   * data.
   *
   * @param columns the feature columns in input order
   * @param ignored the columns left out in training (informative; any column not named here or in
   *     {@code columns}, {@code label} or {@code targets} is ignored too)
   * @param label the class label column, or null (regression, or prediction only)
   * @param targets the numeric target columns (regression), else empty
   * @param classNames the classes in output order when there is a label, else empty
   * @param scaler the scaling of the encoded vector, or null
   */
  public Preprocessor(
      List<Column> columns,
      List<String> ignored,
      String label,
      List<String> targets,
      List<String> classNames,
      Scaler scaler) {
    this.columns = List.copyOf(columns);
    this.ignored = List.copyOf(ignored);
    this.label = label;
    this.targets = List.copyOf(targets);
    this.classNames = List.copyOf(classNames);
    this.scaler = scaler;
    if (this.columns.isEmpty()) {
      throw new IllegalArgumentException("a preprocessor needs at least one feature column");
    }
    Set<String> names = new HashSet<>();
    for (Column column : this.columns) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException("feature column '" + column.name() + "' appears twice");
      }
    }
    for (String target : this.targets) {
      if (names.contains(target)) {
        throw new IllegalArgumentException("'" + target + "' is a feature and a target");
      }
    }
    if (label != null && (names.contains(label) || !this.targets.isEmpty())) {
      throw new IllegalArgumentException(
          "the label '" + label + "' must be neither a feature nor come with targets");
    }
    if ((label == null) != this.classNames.isEmpty()) {
      throw new IllegalArgumentException("class names go with a label column and only with one");
    }
    if (new HashSet<>(this.classNames).size() != this.classNames.size()) {
      throw new IllegalArgumentException("class names must be distinct: " + this.classNames);
    }
    this.offsets = new int[this.columns.size()];
    List<String> encodedNames = new ArrayList<>();
    List<Map<String, Integer>> lookups = new ArrayList<>();
    for (int i = 0; i < this.columns.size(); i++) {
      Column column = this.columns.get(i);
      offsets[i] = encodedNames.size();
      encodedNames.addAll(column.featureNames());
      Map<String, Integer> lookup = new HashMap<>();
      for (int k = 0; k < column.values().size(); k++) {
        lookup.put(column.values().get(k), k);
      }
      lookups.add(Map.copyOf(lookup));
    }
    this.width = encodedNames.size();
    this.featureNames = List.copyOf(encodedNames);
    this.positions = List.copyOf(lookups);
    Map<String, Integer> classes = new HashMap<>();
    for (int k = 0; k < this.classNames.size(); k++) {
      classes.put(this.classNames.get(k), k);
    }
    this.classIndex = Map.copyOf(classes);
    if (scaler != null && scaler.width() != width) {
      throw new IllegalArgumentException(
          "the scaler has " + scaler.width() + " features, the encoding " + width);
    }
  }

  /**
   * Whether {@code value} is a missing value: null, or after trimming empty, {@code NA}, {@code
   * N/A}, {@code NaN}, {@code null} or {@code ?}, ignoring case.
   */
  public static boolean isMissing(String value) {
    if (value == null) {
      return true;
    }
    String text = value.trim();
    return text.isEmpty()
        || (text.length() <= 4 && MISSING_WORDS.contains(text.toLowerCase(Locale.ROOT)));
  }

  /**
   * Fits the encoding on a training table: which feature columns are categorical and their values,
   * the training mean of each numeric column, the class names. No scaling: fit a {@link Scaler} on
   * the encoded training data and add it with {@link #withScaler}.
   *
   * @throws DataException naming the file, line and column of a bad value (a non-number in a column
   *     named categorical is fine; an out-of-range number, a missing class label are not), a column
   *     that does not exist, or a feature column without any value
   */
  public static Preprocessor fit(RawTable training, Options options) {
    return new Fitting(training, options).fit();
  }

  /** This encoding with {@code fitted} as its scaling (null: none). */
  public Preprocessor withScaler(Scaler fitted) {
    return new Preprocessor(columns, ignored, label, targets, classNames, fitted);
  }

  /** The feature columns, in input order. */
  public List<Column> columns() {
    return columns;
  }

  /** The columns that were left out in training. */
  public List<String> ignored() {
    return ignored;
  }

  /** The class label column, if the network is a classifier. */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** The numeric target columns (regression), else empty. */
  public List<String> targets() {
    return targets;
  }

  /** The class names in output order; empty unless there is a label column. */
  public List<String> classNames() {
    return classNames;
  }

  /** The scaling applied after encoding, if any. */
  public Optional<Scaler> scaler() {
    return Optional.ofNullable(scaler);
  }

  /** The encoded width: the network's input size. */
  public int width() {
    return width;
  }

  /** The name of every encoded input: {@code bill_length_mm}, {@code island=Biscoe}, ... */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The class of output {@code index}: {@code className(net.classify(input))}. */
  public String className(int index) {
    return classNames.get(index);
  }

  /** The output index of class {@code name} ({@code "01"} is {@code "1"} among integers), or -1. */
  public int classIndex(String name) {
    Integer k = classIndex.get(ClassLabels.normalize(name.trim(), classNames));
    return k == null ? -1 : k;
  }

  /** Encodes {@code row} (values by column name) into a new array of {@link #width()}. */
  public double[] encode(Map<String, String> row) {
    double[] out = new double[width];
    encode(row, out);
    return out;
  }

  /**
   * Encodes {@code row} (values by column name; other keys are ignored) into {@code out}. An absent
   * key or a null value is a missing value.
   *
   * @throws DataException naming the column when a numeric column holds a non-number
   */
  public void encode(Map<String, String> row, double[] out) {
    encode(row::get, out);
  }

  /**
   * Encodes the row whose value in column {@code name} is {@code valueOf.apply(name)} (null:
   * missing) into {@code out}: for rows held in other structures than maps.
   */
  public void encode(Function<String, String> valueOf, double[] out) {
    encode(
        i -> valueOf.apply(columns.get(i).name()),
        out,
        null,
        "row",
        0,
        i -> "'" + columns.get(i).name() + "'");
  }

  /**
   * The positions of the columns in rows of a table with this header, to encode rows given as
   * arrays of fields.
   *
   * @param source the table's name (a file name), for messages
   * @param header the table's column names
   * @throws DataException naming the feature columns the header lacks
   */
  public Header header(String source, List<String> header) {
    return new Header(source, header);
  }

  /**
   * Encodes a whole table: every row's features (scaled, if there is a scaling) and, when the table
   * has the label column (or all target columns), its targets; the dataset's feature names are
   * {@link #featureNames()}.
   *
   * @throws DataException naming the line and column of a bad value, an unknown class, a missing
   *     class label, or the feature columns the table lacks
   */
  public Encoded encode(RawTable table) {
    Header header = header(table.source(), table.header());
    int[] unseenRows = new int[columns.size()];
    String[] unseenExample = new String[columns.size()];
    double[][] features = new double[table.size()][];
    double[][] targetRows = new double[table.size()][];
    for (int i = 0; i < table.size(); i++) {
      String[] fields = table.row(i);
      features[i] = new double[width];
      int[] before = unseenRows.clone();
      header.encode(fields, features[i], table.line(i), unseenRows);
      for (int c = 0; c < columns.size(); c++) {
        if (unseenRows[c] != before[c] && unseenExample[c] == null) {
          unseenExample[c] = fields[header.fieldOf[c]].trim();
        }
      }
      targetRows[i] = header.targets(fields, table.line(i));
    }
    List<Unseen> unseen = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (unseenRows[c] > 0) {
        unseen.add(new Unseen(columns.get(c).name(), unseenRows[c], unseenExample[c]));
      }
    }
    List<String> classes = header.labelField >= 0 ? classNames : List.of();
    return new Encoded(
        new Dataset(table.source(), features, targetRows, featureNames, classes), unseen);
  }

  /** The value of feature column {@code i} of one row. */
  private interface Values {
    String get(int column);
  }

  /** How messages name feature column {@code i}. */
  private interface ColumnNames {
    String describe(int column);
  }

  private void encode(
      Values values, double[] out, int[] unseen, String source, long line, ColumnNames names) {
    if (out.length != width) {
      throw new IllegalArgumentException(
          "the encoding is " + width + " wide, the array " + out.length);
    }
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      String value = values.get(i);
      int at = offsets[i];
      if (column.type() == ColumnType.NUMERIC) {
        if (isMissing(value)) {
          out[at] = column.fill();
        } else {
          String text = value.trim();
          double x = TextFiles.parseOrNaN(text);
          if (Double.isNaN(x)) {
            TextFiles.number(text, source, line, names.describe(i)); // throws, saying why
          }
          out[at] = x;
        }
      } else {
        Arrays.fill(out, at, at + column.width(), 0.0);
        if (!isMissing(value)) {
          Integer k = positions.get(i).get(value.trim());
          if (k != null) {
            out[at + k] = 1.0;
          } else if (unseen != null) {
            unseen[i]++;
          }
        }
      }
    }
    if (scaler != null) {
      scaler.applyInPlace(out);
    }
  }

  /**
   * The positions of the feature, label and target columns in the rows of one table, from its
   * header: encodes rows given as arrays of fields. Immutable and thread-safe, like its
   * preprocessor.
   */
  public final class Header {
    private final String source;
    private final List<String> names;
    private final int[] fieldOf;
    private final int labelField;
    private final int[] targetFields;

    private Header(String source, List<String> names) {
      this.source = source;
      this.names = List.copyOf(names);
      this.fieldOf = new int[columns.size()];
      List<String> absent = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        fieldOf[i] = field(columns.get(i).name());
        if (fieldOf[i] < 0) {
          absent.add(columns.get(i).name());
        }
      }
      if (!absent.isEmpty()) {
        throw new DataException(
            source,
            "has no column"
                + (absent.size() == 1 ? " " : "s ")
                + String.join(", ", absent)
                + ", which the network was trained with (it needs the"
                + " columns "
                + String.join(", ", columns.stream().map(Column::name).toList())
                + "; the header has: "
                + String.join(", ", names)
                + ")");
      }
      this.labelField = label == null ? -1 : field(label);
      int[] found = new int[targets.size()];
      List<String> absentTargets = new ArrayList<>();
      for (int k = 0; k < found.length; k++) {
        found[k] = field(targets.get(k));
        if (found[k] < 0) {
          absentTargets.add(targets.get(k));
        }
      }
      if (!absentTargets.isEmpty() && absentTargets.size() < targets.size()) {
        throw new DataException(
            source,
            "has some of the target columns but not "
                + String.join(", ", absentTargets)
                + " (give all of "
                + String.join(", ", targets)
                + ", or none to predict)");
      }
      this.targetFields = absentTargets.isEmpty() ? found : new int[0];
    }

    private int field(String name) {
      int first = names.indexOf(name);
      if (first >= 0 && names.lastIndexOf(name) != first) {
        throw new DataException(
            source,
            "has two columns named '"
                + name
                + "' (columns "
                + (first + 1)
                + " and "
                + (names.lastIndexOf(name) + 1)
                + "); rename one");
      }
      return first;
    }

    /** Whether the rows hold the class label (or all numeric targets). */
    public boolean hasTargets() {
      return labelField >= 0 || targetFields.length > 0;
    }

    /** Encodes {@code fields}, one per header column, into {@code out}. */
    public void encode(String[] fields, double[] out) {
      encode(fields, out, 0, null);
    }

    /**
     * Encodes {@code fields} into {@code out}, naming {@code line} in messages and counting values
     * not seen in training per feature column in {@code unseen} (or null).
     */
    public void encode(String[] fields, double[] out, long line, int[] unseen) {
      if (fields.length != names.size()) {
        throw new DataException(
            source,
            line,
            null,
            "expected " + names.size() + " values (as in the header), got " + fields.length);
      }
      Preprocessor.this.encode(
          i -> fields[fieldOf[i]],
          out,
          unseen,
          source,
          line,
          i -> (fieldOf[i] + 1) + " (" + columns.get(i).name() + ")");
    }

    /**
     * The output index of the row's class label.
     *
     * @throws DataException if the label is missing or not a class of the network, or the rows have
     *     no label column
     */
    public int classIndex(String[] fields, long line) {
      if (labelField < 0) {
        throw new DataException(
            source, "has no label column" + (label == null ? "" : " '" + label + "'"));
      }
      String value = fields[labelField];
      String column = (labelField + 1) + " (" + label + ")";
      if (isMissing(value)) {
        throw new DataException(
            source,
            line,
            column,
            "missing class label (expected one of " + String.join(", ", classNames) + ")");
      }
      int k = Preprocessor.this.classIndex(value);
      if (k < 0) {
        throw new DataException(
            source,
            line,
            column,
            "unknown class '"
                + value.trim()
                + "' (the network knows: "
                + String.join(", ", classNames)
                + ")");
      }
      return k;
    }

    /** The target vector of a row: one-hot class, numeric targets, or empty. */
    double[] targets(String[] fields, long line) {
      if (labelField >= 0) {
        double[] t = new double[classNames.size()];
        t[classIndex(fields, line)] = 1.0;
        return t;
      }
      double[] t = new double[targetFields.length];
      for (int k = 0; k < t.length; k++) {
        String value = fields[targetFields[k]];
        String column = (targetFields[k] + 1) + " (" + targets.get(k) + ")";
        if (isMissing(value)) {
          throw new DataException(source, line, column, "missing target value (expected a number)");
        }
        t[k] = TextFiles.number(value.trim(), source, line, column);
      }
      return t;
    }
  }

  /** The fit of {@link #fit}: resolves the columns, then reads each one's training values. */
  private static final class Fitting {
    private final RawTable table;
    private final Options options;
    private final String source;

    Fitting(RawTable table, Options options) {
      this.table = table;
      this.options = options;
      this.source = table.source();
    }

    Preprocessor fit() {
      List<String> header = table.header();
      String labelColumn = null;
      List<String> targetColumns = options.targets;
      if (!options.noTargets && targetColumns.isEmpty()) {
        labelColumn = options.label != null ? options.label : header.get(header.size() - 1);
      }
      Set<String> used = new HashSet<>();
      if (labelColumn != null) {
        used.add(header.get(position(labelColumn)));
      }
      for (String target : targetColumns) {
        position(target);
        used.add(target);
      }
      for (String column : options.ignored) {
        position(column);
        used.add(column);
      }
      for (String column : options.categorical) {
        position(column);
        if (used.contains(column)) {
          throw new DataException(
              source,
              "column '"
                  + column
                  + "' is named categorical but is "
                  + (column.equals(labelColumn)
                      ? "the label column"
                      : targetColumns.contains(column) ? "a target column" : "ignored")
                  + " (categorical applies to feature columns)");
        }
      }
      List<Column> columns = new ArrayList<>();
      for (int j = 0; j < header.size(); j++) {
        if (!used.contains(header.get(j))) {
          position(header.get(j));
          columns.add(column(j, options.categorical.contains(header.get(j))));
        }
      }
      if (columns.isEmpty()) {
        throw new DataException(
            source,
            "has no feature columns left (every column is a label," + " a target or ignored)");
      }
      List<String> classes = labelColumn == null ? List.of() : classes(position(labelColumn));
      List<String> ignoredColumns = new ArrayList<>(options.ignored);
      return new Preprocessor(columns, ignoredColumns, labelColumn, targetColumns, classes, null);
    }

    /** The 0-based position of {@code name}, checked to exist once. */
    private int position(String name) {
      List<String> header = table.header();
      int j = header.indexOf(name);
      if (j < 0) {
        throw new DataException(
            source,
            1,
            null,
            "no column named '" + name + "' (the header has: " + String.join(", ", header) + ")");
      }
      if (header.lastIndexOf(name) != j) {
        throw new DataException(
            source,
            1,
            null,
            "has two columns named '"
                + name
                + "' (columns "
                + (j + 1)
                + " and "
                + (header.lastIndexOf(name) + 1)
                + "); rename one");
      }
      return j;
    }

    private Column column(int j, boolean forcedCategorical) {
      ColumnSummary summary = summary(j, forcedCategorical);
      if (summary.isCategorical() && !summary.collectsLevels()) {
        summary = summary(j, true);
      }
      if (summary.isEmpty()) {
        throw noValues(j);
      }
      if (summary.outOfRange().isPresent()) {
        for (int i = 0; i < table.size(); i++) {
          String value = table.row(i)[j];
          if (!isMissing(value)) {
            TextFiles.number(value.trim(), source, table.line(i), table.describeColumn(j));
          }
        }
      }
      return summary.column(table.header().get(j));
    }

    /** The values of column {@code j} as numbers, or as levels. */
    private ColumnSummary summary(int j, boolean levels) {
      ColumnSummary summary = levels ? ColumnSummary.levels() : ColumnSummary.numbers();
      for (int i = 0; i < table.size(); i++) {
        summary.add(table.row(i)[j]);
      }
      return summary;
    }

    private DataException noValues(int j) {
      return new DataException(
          source,
          0,
          table.describeColumn(j),
          "has no values in the" + " training data (every value is missing); leave the column out");
    }

    private List<String> classes(int j) {
      ColumnSummary labels = ColumnSummary.levels();
      for (int i = 0; i < table.size(); i++) {
        String value = table.row(i)[j];
        if (isMissing(value)) {
          throw new DataException(
              source,
              table.line(i),
              table.describeColumn(j),
              "missing class label (expected a class name or number)");
        }
        labels.add(value);
      }
      return labels.classNames();
    }
  }

  /** Writes the saved form, not the fields (which include lookup tables). */
  private Object writeReplace() {
    return new SavedForm(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a Preprocessor is read through its saved form");
  }

  /** The serialized form: the constructor's arguments as arrays. */
  private static final class SavedForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String[] names;
    private final String[] types;
    private final double[] fills;
    private final String[][] values;
    private final String[] ignored;
    private final String label;
    private final String[] targets;
    private final String[] classNames;
    private final String scalerKind;
    private final double[] offsets;
    private final double[] scales;

    SavedForm(Preprocessor p) {
      int n = p.columns.size();
      names = new String[n];
      types = new String[n];
      fills = new double[n];
      values = new String[n][];
      for (int i = 0; i < n; i++) {
        Column column = p.columns.get(i);
        names[i] = column.name();
        types[i] = column.type().spelling();
        fills[i] = column.fill();
        values[i] = column.values().toArray(new String[0]);
      }
      ignored = p.ignored.toArray(new String[0]);
      label = p.label;
      targets = p.targets.toArray(new String[0]);
      classNames = p.classNames.toArray(new String[0]);
      scalerKind = p.scaler == null ? null : p.scaler.kind().spelling();
      offsets = p.scaler == null ? null : p.scaler.offsets();
      scales = p.scaler == null ? null : p.scaler.scales();
    }

    private Object readResolve() {
      List<Column> columns = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        columns.add(new Column(names[i], ColumnType.of(types[i]), fills[i], List.of(values[i])));
      }
      Scaler scaler =
          scalerKind == null ? null : new Scaler(Scaler.Kind.of(scalerKind), offsets, scales);
      return new Preprocessor(
          columns, List.of(ignored), label, List.of(targets), List.of(classNames), scaler);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Preprocessor p
        && columns.equals(p.columns)
        && ignored.equals(p.ignored)
        && Objects.equals(label, p.label)
        && targets.equals(p.targets)
        && classNames.equals(p.classNames)
        && Objects.equals(scaler, p.scaler);
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns, ignored, label, targets, classNames, scaler);
  }

  @Override
  public String toString() {
    long categorical = columns.stream().filter(c -> c.type() == ColumnType.CATEGORICAL).count();
    return "encoding of "
        + columns.size()
        + " columns ("
        + categorical
        + " categorical) into "
        + width
        + " inputs"
        + (scaler == null ? "" : ", then " + scaler);
  }
}
