package dev.netc.cli;

/**
 * A failure a user can act on: an error in the input ({@link ExitCode#INPUT}) or a system error
 * ({@link ExitCode#SYSTEM}). {@link Main} prints the message (one paragraph, naming the file, line
 * and column, the CSV row and column, or the flag, and how to fix it) and exits with the code; the
 * stack trace only with {@code --verbose}.
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private CommandFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** An error in the user's input (exit code 1). */
  public static CommandFailure input(String message) {
    return new CommandFailure(ExitCode.INPUT, message, null);
  }

  /** An error in the user's input (exit code 1), caused by {@code cause}. */
  public static CommandFailure input(String message, Throwable cause) {
    return new CommandFailure(ExitCode.INPUT, message, cause);
  }

  /** A system error such as a missing or unreadable file (exit code 3). */
  public static CommandFailure system(String message, Throwable cause) {
    return new CommandFailure(ExitCode.SYSTEM, message, cause);
  }

  /** Errors already printed (diagnostics): exit with {@code exitCode} and print nothing more. */
  public static CommandFailure silent(int exitCode) {
    return new CommandFailure(exitCode, "", null);
  }

  /** The process exit code. */
  public int exitCode() {
    return exitCode;
  }
}
