package dev.netc.runtime.data;

import dev.netc.runtime.UserError;

/**
 * Bad input data: a value that is not a number, a missing value, a row of the wrong length, an
 * unknown class, an empty file, a file that is not in the expected format. The message names the
 * file, the line (1-based, as an editor shows it) and the column (1-based, with its header name
 * when there is one), and says what was expected, for example:
 *
 * <pre>
 * iris.csv, line 12, column 3 (petal_length_cm): expected a number, got "abc"
 * </pre>
 */
public final class DataException extends UserError {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String column;
  private final String problem;

  /**
   * @param source the file name (or another name for the input)
   * @param line 1-based line (or record) number, 0 when the problem is not in one line
   * @param column the column as users know it ({@code "3 (petal_length_cm)"}), or null
   * @param problem what is wrong and what was expected, in lower case
   */
  public DataException(String source, long line, String column, String problem) {
    super(format(source, line, column, problem));
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** A problem of the whole input (empty file, wrong format), not of one line. */
  public DataException(String source, String problem) {
    this(source, 0, null, problem);
  }

  /** A problem of the whole input, revealed by {@code cause} (an I/O error, say). */
  public DataException(String source, String problem, Throwable cause) {
    super(format(source, 0, null, problem), cause);
    this.source = source;
    this.line = 0;
    this.column = null;
    this.problem = problem;
  }

  private static String format(String source, long line, String column, String problem) {
    StringBuilder text = new StringBuilder(source);
    if (line > 0) {
      text.append(", line ").append(line);
    }
    if (column != null) {
      text.append(", column ").append(column);
    }
    return text.append(": ").append(problem).toString();
  }

  /** The file (or input) name. */
  public String source() {
    return source;
  }

  /** The 1-based line, or 0 when the problem is not in one line. */
  public long line() {
    return line;
  }

  /** The column as users know it, or null. */
  public String column() {
    return column;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
