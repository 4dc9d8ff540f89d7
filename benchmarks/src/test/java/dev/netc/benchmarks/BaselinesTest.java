package dev.netc.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The baselines compute what they claim, independently of the generated classes: the float
 * hand-written network follows the double one, Encog follows the hand-written double network (as
 * far as its known bug allows), two-thread mini-batches equal one-thread ones, and the FLOP counts
 * are the documented ones. No timing here: speed is measured by JMH only.
 */
class BaselinesTest {

  @ParameterizedTest
  @EnumSource(Workload.class)
  void handWrittenFloatFollowsHandWrittenDouble(Workload workload) {
    Validation.check(
        Networks.handWritten(workload, Precision.DOUBLE),
        Networks.handWritten(workload, Precision.FLOAT),
        Examples.of(workload),
        Validation.FLOAT_TOLERANCE);
  }

  @ParameterizedTest
  @EnumSource(Workload.class)
  void encogPredictsAndUpdatesItsOutputLayerLikeTheHandWrittenNetwork(Workload workload) {
    Examples examples = Examples.of(workload);
    Validation.checkEncog(
        Networks.handWritten(workload, Precision.DOUBLE),
        new EncogBaseline(workload, examples),
        examples);
  }

  @Test
  void validationRejectsADifferentNetwork() {
    Examples examples = Examples.of(Workload.W1);
    CompiledNetwork reference = Networks.handWritten(Workload.W1, Precision.DOUBLE);
    CompiledNetwork other = Networks.handWritten(Workload.W1, Precision.DOUBLE);
    other.setLearningRate(0.02);
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> Validation.check(reference, other, examples, Validation.DOUBLE_TOLERANCE));
    assertEquals(
        true,
        error.getMessage().contains("W1HandDouble vs W1HandDouble: loss of stochastic step 1"),
        error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(
      value = Workload.class,
      names = {"W2", "W3"})
  void twoThreadMiniBatchEqualsOneThreadMiniBatch(Workload workload) {
    Examples examples = Examples.of(workload);
    CompiledNetwork one = Networks.handWritten(workload, Precision.DOUBLE);
    CompiledNetwork two = Networks.handWritten(workload, Precision.DOUBLE);
    double lossOne = 0;
    double lossTwo = 0;
    try (TwoThreadBatch parallel = new TwoThreadBatch(two, examples.inputs(), examples.targets())) {
      for (int step = 0; step < 3; step++) {
        lossOne += TrainingBenchmark.batch(one, examples.inputs(), examples.targets());
        lossTwo += parallel.step();
      }
    }
    assertEquals(lossOne, lossTwo, 1e-9 * Math.abs(lossOne));
    List<ParameterTensor> expected = one.parameters();
    List<ParameterTensor> actual = two.parameters();
    for (int p = 0; p < expected.size(); p++) {
      for (int k = 0; k < expected.get(p).size(); k++) {
        assertEquals(
            expected.get(p).get(k),
            actual.get(p).get(k),
            1e-12,
            workload + " " + expected.get(p).name() + "[" + k + "]");
      }
    }
  }

  @Test
  void flopCountsOfW3AreTheDocumentedOnes() {
    assertEquals(101_632, FlopCount.forwardMultiplyAdds(Workload.W3));
    assertEquals(102_912, FlopCount.backwardMultiplyAdds(Workload.W3));
    assertEquals(2.0 * 306_176, FlopCount.trainingFlopPerExample(Workload.W3, 1));
    assertEquals(
        2.0 * (101_632 + 102_912 + 101_632 / 32.0),
        FlopCount.trainingFlopPerExample(Workload.W3, 32));
    assertEquals(2.0 * 56, FlopCount.predictionFlopPerExample(Workload.W1));
  }

  @Test
  void workloadsMatchIssue7() {
    assertEquals("4 -> 8 tanh -> 3 softmax", Workload.W1.topology());
    assertEquals("64 -> 32 tanh -> 10 softmax", Workload.W2.topology());
    assertEquals("784 -> 128 sigmoid -> 10 softmax", Workload.W3.topology());
    assertEquals("256 -> 1024 relu -> 1024 relu -> 10 softmax", Workload.W4.topology());
  }
}
