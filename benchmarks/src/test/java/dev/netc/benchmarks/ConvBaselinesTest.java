package dev.netc.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The convolution benchmark compares like with like: the hand-written LeNet computes what the
 * generated classes compute (outputs, parameters after stochastic and mini-batch steps), in double
 * to 1e-9 and against the float class to float tolerance, and the validation notices a difference.
 * No timing here.
 */
class ConvBaselinesTest {

  @Test
  void handWrittenLeNetFollowsTheGeneratedDoubleClass() {
    LeNet.validate(
        LeNet.generated(Precision.DOUBLE),
        LeNet.hand(),
        LeNet.examples(),
        Validation.DOUBLE_TOLERANCE);
  }

  @Test
  void generatedFloatClassFollowsTheHandWrittenDoubleLeNet() {
    LeNet.validate(
        LeNet.generated(Precision.FLOAT),
        LeNet.hand(),
        LeNet.examples(),
        Validation.FLOAT_TOLERANCE);
  }

  @Test
  void validationRejectsADifferentRate() {
    HandConv other =
        HandConv.input(LeNet.HEIGHT, LeNet.WIDTH, LeNet.CHANNELS)
            .conv(6, 5, 5, 1, false, HandConv.Act.RELU, 0)
            .pool(true, 2, 2, 2, 2)
            .conv(16, 5, 5, 1, true, HandConv.Act.RELU, 0)
            .pool(false, 2, 2, 2, 2)
            .dense(120, HandConv.Act.RELU, 0)
            .dense(LeNet.CLASSES, HandConv.Act.SOFTMAX, 0)
            .loss(HandConv.Loss.CROSS_ENTROPY)
            .sgd(2 * LeNet.RATE, 0, false)
            .build();
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () ->
                LeNet.validate(
                    LeNet.generated(Precision.DOUBLE),
                    other,
                    LeNet.examples(),
                    Validation.DOUBLE_TOLERANCE));
    assertTrue(error.getMessage().contains("after 2 stochastic steps"), error.getMessage());
  }

  @Test
  void forwardPassCountsTheDocumentedMultiplyAdds() {
    // conv 1: 24 * 24 outputs x 6 filters x 25; conv 2: 12 * 12 x 16 x 150; dense: 576 x 120, 120 x
    // 10
    assertEquals(86_400 + 345_600 + 69_120 + 1_200, LeNet.FORWARD_MULTIPLY_ADDS);
  }
}
