package dev.netc.generator.emit;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * The encoder of explicit weights for generated classes; the runtime's {@code
 * dev.netc.runtime.network.PackedValues.decode} is its inverse: doubles as IEEE-754 bits, 8 bytes
 * each, big-endian, in standard Base64 with padding (the planner decides how many values go into
 * one string constant).
 */
final class PackedValuesFormat {
  private PackedValuesFormat() {}

  /** Base64 of {@code count} values from {@code offset}. */
  static String encode(double[] values, int offset, int count) {
    ByteBuffer bytes = ByteBuffer.allocate(count * Double.BYTES);
    for (int k = 0; k < count; k++) {
      bytes.putDouble(values[offset + k]);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
