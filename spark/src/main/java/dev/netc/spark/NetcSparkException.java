package dev.netc.spark;

import dev.netc.runtime.UserError;

/**
 * A mistake in what the user gave a netc Spark stage: a missing or mistyped column, a vector of the
 * wrong size, a label the model does not know, a network class that is not on the class path. The
 * message names the column, the row or the class and says how to fix it. Thrown on the driver when
 * the schema shows the problem, else by the task that meets the row (Spark then reports it as the
 * cause of the failed job).
 */
public final class NetcSparkException extends UserError {
  private static final long serialVersionUID = 1L;

  /** An error with a complete, user-facing message. */
  public NetcSparkException(String message) {
    super(message);
  }

  /** An error with a complete, user-facing message and the exception that revealed it. */
  public NetcSparkException(String message, Throwable cause) {
    super(message, cause);
  }
}
