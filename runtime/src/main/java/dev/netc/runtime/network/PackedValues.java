package dev.netc.runtime.network;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * The compact encoding of explicit weights in generated classes: a chunk of doubles as their
 * IEEE-754 bits, 8 bytes each, big-endian, in standard Base64 (RFC 4648, with padding). A generated
 * class holds one string constant per chunk and decodes them in {@code initialize()}, which keeps
 * large weight matrices far below the class-file limits that array literals hit (a literal {@code
 * double[]} costs about 10 bytes of bytecode per value in the static initialiser).
 */
public final class PackedValues {
  private PackedValues() {}

  /** Encodes {@code count} values of {@code values} from {@code offset}: the inverse of decode. */
  public static String encode(double[] values, int offset, int count) {
    ByteBuffer bytes = ByteBuffer.allocate(count * Double.BYTES);
    for (int k = 0; k < count; k++) {
      bytes.putDouble(values[offset + k]);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  /**
   * Decodes one chunk into {@code into}, starting at {@code offset}.
   *
   * @return the number of values decoded
   */
  public static int decode(String chunk, double[] into, int offset) {
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(chunk));
    if (bytes.remaining() % Double.BYTES != 0) {
      throw new IllegalArgumentException(
          "a packed chunk must hold whole doubles, has " + bytes.remaining() + " bytes");
    }
    int count = bytes.remaining() / Double.BYTES;
    if (offset < 0 || offset + count > into.length) {
      throw new IllegalArgumentException(
          count + " values at offset " + offset + " do not fit an array of " + into.length);
    }
    for (int k = 0; k < count; k++) {
      into[offset + k] = bytes.getDouble();
    }
    return count;
  }
}
