package dev.netc.runtime.weights;

import dev.netc.runtime.UserError;

/**
 * A weight file (or checkpoint) that cannot be used: missing, truncated, not JSON, of another
 * format or version, or saved from a network of another topology. The message names the file, says
 * what differs and what to do. Nothing was changed in the network.
 */
public final class WeightFileException extends UserError {
  private static final long serialVersionUID = 1L;

  private final String file;

  /** A problem with {@code file}; the message is prefixed with the file name. */
  public WeightFileException(String file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** A problem with {@code file} revealed by {@code cause}. */
  public WeightFileException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file. */
  public String file() {
    return file;
  }
}
