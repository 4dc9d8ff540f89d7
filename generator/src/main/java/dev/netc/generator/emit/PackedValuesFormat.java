package dev.netc.generator.emit;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * The encoder of explicit weights for generated classes; the runtime's {@code
 * dev.netc.runtime.network.PackedValues.decode} is its inverse: doubles as IEEE-754 bits, 8 bytes
 * each, big-endian, in standard Base64 with padding, {@link #CHUNK} values per string constant.
 */
final class PackedValuesFormat {
  private PackedValuesFormat() {}

  /**
   * Values per string constant: 256 doubles are 2732 characters, far below the 65535-byte limit of
   * one constant, and one {@code decode} call (about 10 bytes of bytecode) per 256 values.
   */
  static final int CHUNK = 256;

  /** Decode calls per method: 200 calls are about 2 KB of bytecode, far below 8000 bytes. */
  static final int CHUNKS_PER_METHOD = 200;

  /** Base64 of {@code count} values from {@code offset}. */
  static String encode(double[] values, int offset, int count) {
    ByteBuffer bytes = ByteBuffer.allocate(count * Double.BYTES);
    for (int k = 0; k < count; k++) {
      bytes.putDouble(values[offset + k]);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
