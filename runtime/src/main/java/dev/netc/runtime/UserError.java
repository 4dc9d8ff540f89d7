package dev.netc.runtime;

/**
 * A mistake in what the user gave the runtime (a data file, a weight file, a training setting that
 * makes the network diverge), as opposed to a bug. Its message is complete and meant for the user:
 * it names the file, the row or the step, says what was expected and how to fix it. The command
 * line prints {@link #getMessage()} without a stack trace and exits with code 1.
 */
public abstract class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a complete, user-facing message. */
  protected UserError(String message) {
    super(message);
  }

  /** An error with a complete, user-facing message and the exception that revealed it. */
  protected UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
