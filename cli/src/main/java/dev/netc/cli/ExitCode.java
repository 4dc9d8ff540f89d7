package dev.netc.cli;

/** The exit codes of {@code netc}, as javac's: what went wrong decides the number. */
public final class ExitCode {
  private ExitCode() {}

  /** Success. */
  public static final int OK = 0;

  /** Errors in the input: diagnostics of a {@code .nn} file, bad CSV, weights of another net. */
  public static final int INPUT = 1;

  /** Bad usage: an unknown flag, a missing argument (picocli prints the usage). */
  public static final int USAGE = 2;

  /** A system error: a file that is missing or unreadable, an I/O failure. */
  public static final int SYSTEM = 3;

  /** An internal error: a bug in netc. */
  public static final int INTERNAL = 4;
}
