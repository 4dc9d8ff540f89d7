package dev.netc.generator;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.runtime.network.ParameterTensor;
import java.util.ArrayList;
import java.util.List;

/** Copies of parameter (or gradient) tensors, and their comparison bit for bit. */
final class ParameterBits {
  private ParameterBits() {}

  /** The values of {@code tensors}, copied. */
  static List<double[]> values(List<ParameterTensor> tensors) {
    List<double[]> all = new ArrayList<>();
    for (ParameterTensor t : tensors) {
      all.add(t.toArray());
    }
    return all;
  }

  /** Fails with the tensor and index of the first value whose bits differ. */
  static void assertSameBits(String what, List<double[]> expected, List<double[]> actual) {
    for (int p = 0; p < expected.size(); p++) {
      for (int k = 0; k < expected.get(p).length; k++) {
        assertWithMessage("%s, tensor %s[%s]", what, p, k)
            .that(Double.doubleToRawLongBits(actual.get(p)[k]))
            .isEqualTo(Double.doubleToRawLongBits(expected.get(p)[k]));
      }
    }
  }
}
