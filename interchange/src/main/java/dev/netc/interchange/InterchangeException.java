package dev.netc.interchange;

/**
 * A model netc cannot read or express: the message says what is wrong (naming the ONNX node, its
 * operator or the tensor) and how to fix it, without the file's name, which the caller adds.
 */
public final class InterchangeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A problem described by {@code message}. */
  public InterchangeException(String message) {
    super(message);
  }

  /** A problem described by {@code message}, found through {@code cause}. */
  public InterchangeException(String message, Throwable cause) {
    super(message, cause);
  }
}
