package dev.netc.benchmarks;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.List;

/**
 * Validate, then time (llm.c's {@code dev/cuda} rule): before a baseline is benchmarked it must
 * compute the same numbers as the generated class. Parameters are copied from the generated class
 * through the {@code parameters()} views; then the outputs of a few examples, the parameters after
 * two stochastic steps and after one mini-batch step must agree within {@code tolerance} (absolute
 * plus relative). The reference is re-initialised afterwards, so the caller can copy it again.
 */
public final class Validation {
  /** Tolerance for double networks (different but exact-in-spirit summation orders). */
  public static final double DOUBLE_TOLERANCE = 1e-9;

  /** Tolerance for float networks (float rounding over sums of up to 1024 terms). */
  public static final double FLOAT_TOLERANCE = 2e-4;

  /** Examples in the validation's mini-batch step. */
  static final int BATCH = 4;

  private Validation() {}

  /** The tolerance for {@code precision}. */
  public static double tolerance(Precision precision) {
    return precision == Precision.DOUBLE ? DOUBLE_TOLERANCE : FLOAT_TOLERANCE;
  }

  /**
   * Checks {@code candidate} against {@code reference} (both fresh); throws {@link AssertionError}
   * naming the first differing value.
   */
  public static void check(
      CompiledNetwork reference, CompiledNetwork candidate, Examples examples, double tolerance) {
    String what = candidate.spec().name() + " vs " + reference.spec().name();
    Networks.copyParameters(reference, candidate);
    double[] expected = new double[reference.outputSize()];
    double[] actual = new double[candidate.outputSize()];
    for (int e = 0; e < BATCH; e++) {
      reference.predict(examples.input(e), expected);
      candidate.predict(examples.input(e), actual);
      for (int k = 0; k < expected.length; k++) {
        close(what + ": output " + k + " of example " + e, expected[k], actual[k], tolerance);
      }
    }
    for (int e = 0; e < 2; e++) {
      double lossExpected = reference.trainStep(examples.input(e), examples.target(e));
      double lossActual = candidate.trainStep(examples.input(e), examples.target(e));
      close(what + ": loss of stochastic step " + e, lossExpected, lossActual, tolerance);
    }
    compareParameters(what + " after 2 stochastic steps", reference, candidate, tolerance);
    for (int e = 0; e < BATCH; e++) {
      reference.accumulateGradient(examples.input(e), examples.target(e));
      candidate.accumulateGradient(examples.input(e), examples.target(e));
    }
    reference.applyGradient(1.0);
    candidate.applyGradient(1.0);
    compareParameters(what + " after a mini-batch step", reference, candidate, tolerance);
    reference.initialize();
    Networks.copyParameters(reference, candidate);
  }

  /**
   * Checks the Encog baseline against {@code reference} (a double network): the same outputs; after
   * one stochastic step, and after one mini-batch step from the same start, the same output layer.
   *
   * <p>Only the output layer is compared after a step because Encog 3.4 (the latest release)
   * multiplies a hidden layer's delta by the derivative of the activation of the layer above it
   * instead of its own ({@code GradientWorker.processLevel} reads {@code
   * getActivationFunctions()[currentLevel]}; jeffheaton/encog-java-core#243, fixed on its master
   * branch after the release). With a softmax output that derivative is 1, so Encog's hidden layers
   * follow a different (wrong) gradient; the arithmetic it performs per step is the same, so its
   * speed is still comparable.
   */
  public static void checkEncog(CompiledNetwork reference, EncogBaseline encog, Examples examples) {
    String what = "Encog vs " + reference.spec().name();
    double tolerance = DOUBLE_TOLERANCE;
    encog.copyFrom(reference);
    encog.newTrainers(BATCH);
    double[] expected = new double[reference.outputSize()];
    double[] actual = new double[reference.outputSize()];
    for (int e = 0; e < BATCH; e++) {
      reference.predict(examples.input(e), expected);
      encog.predict(examples.input(e), actual);
      for (int k = 0; k < expected.length; k++) {
        close(what + ": output " + k + " of example " + e, expected[k], actual[k], tolerance);
      }
    }
    reference.trainStep(examples.input(0), examples.target(0));
    encog.trainStep(0);
    compareEncogOutputLayer(what + " after a stochastic step", reference, encog, tolerance);
    reference.initialize();
    encog.copyFrom(reference);
    encog.newTrainers(BATCH);
    for (int e = 0; e < BATCH; e++) {
      reference.accumulateGradient(examples.input(e), examples.target(e));
    }
    reference.applyGradient(1.0);
    encog.trainBatch();
    compareEncogOutputLayer(what + " after a mini-batch step", reference, encog, tolerance);
    reference.initialize();
    encog.copyFrom(reference);
    encog.newTrainers(Examples.COUNT);
  }

  private static void compareParameters(
      String what, CompiledNetwork reference, CompiledNetwork candidate, double tolerance) {
    List<ParameterTensor> expected = reference.parameters();
    List<ParameterTensor> actual = candidate.parameters();
    for (int p = 0; p < expected.size(); p++) {
      ParameterTensor e = expected.get(p);
      ParameterTensor a = actual.get(p);
      for (int k = 0; k < e.size(); k++) {
        close(what + ": " + e.name() + "[" + k + "]", e.get(k), a.get(k), tolerance);
      }
    }
  }

  private static void compareEncogOutputLayer(
      String what, CompiledNetwork reference, EncogBaseline encog, double tolerance) {
    int l = reference.spec().layers().size() - 1;
    ParameterTensor w = reference.weights(l + 1);
    ParameterTensor b = reference.bias(l + 1);
    for (int i = 0; i < w.rows(); i++) {
      for (int j = 0; j < w.cols(); j++) {
        close(
            what + ": " + w.name() + "[" + i + "][" + j + "]",
            w.get(i, j),
            encog.weight(l, i, j),
            tolerance);
      }
      close(what + ": " + b.name() + "[" + i + "]", b.get(i), encog.bias(l, i), tolerance);
    }
  }

  private static void close(String what, double expected, double actual, double tolerance) {
    if (!(Math.abs(expected - actual) <= tolerance + tolerance * Math.abs(expected))) {
      throw new AssertionError(what + ": expected " + expected + ", got " + actual);
    }
  }
}
