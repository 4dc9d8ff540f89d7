package dev.netc.generator.emit;

import static com.google.common.truth.Truth.assertThat;

import dev.netc.runtime.network.PackedValues;
import org.junit.jupiter.api.Test;

/** The generator's encoder and the runtime's decoder are inverses, bit for bit. */
class PackedValuesFormatTest {
  @Test
  void decodeInvertsEncode() {
    double[] values = {0.1, -0.0, 1e-300, Double.MAX_VALUE, Double.NaN, -3.25, 7};
    String chunk = PackedValuesFormat.encode(values, 1, 5);
    double[] out = new double[8];
    assertThat(PackedValues.decode(chunk, out, 2)).isEqualTo(5);
    for (int k = 0; k < 5; k++) {
      assertThat(Double.doubleToRawLongBits(out[2 + k]))
          .isEqualTo(Double.doubleToRawLongBits(values[1 + k]));
    }
    assertThat(PackedValues.encode(values, 1, 5)).isEqualTo(chunk);
  }
}
