package dev.netc.runtime.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.testing.ReferenceMlp;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gradient check on the runtime's interpreted reference network. */
class GradientCheckTest {

  private static final double[][] INPUTS = {{0.3, -0.2, 0.7}, {-0.5, 0.1, 0.4}};
  private static final double[][] TARGETS = {{1, 0}, {0, 1}};

  private static ReferenceMlp network() {
    ReferenceMlp network = ReferenceMlp.classifier(3, 4, 2, 7, 0.1, 0.0);
    Random random = new Random(3);
    for (ParameterTensor p : network.parameters()) {
      if (p.isVector()) {
        for (int k = 0; k < p.size(); k++) {
          p.set(k, random.nextDouble() - 0.5);
        }
      }
    }
    return network;
  }

  @Test
  void everyTensorOfACorrectNetworkPasses() {
    ReferenceMlp network = network();
    double[] before = network.parameters().get(0).toArray();
    List<GradientCheck.TensorResult> results =
        GradientCheck.checkTensors(
            network, INPUTS, TARGETS, GradientCheck.Options.forNetwork(network));
    assertEquals(4, results.size());
    GradientCheck.TensorResult weights = results.get(0);
    assertEquals(network.parameters().get(0).name(), weights.name());
    assertEquals(4, weights.rows());
    assertEquals(3, weights.cols());
    assertEquals(12, weights.checked());
    assertEquals(2 * 4, results.get(2).checked());
    for (GradientCheck.TensorResult result : results) {
      assertTrue(result.passed(), result.worst());
      assertTrue(result.maxAbsError() < 1e-7, result.worst());
      assertTrue(result.worstIndex() >= 0 && result.worstIndex() < result.size());
    }
    assertArrayEquals(before, network.parameters().get(0).toArray());
    GradientCheck.Result whole = GradientCheck.check(network, INPUTS, TARGETS, 1e-6, 1e-8, 1e-6);
    assertTrue(whole.passed(), whole.worst());
    assertEquals(12 + 4 + 8 + 2, whole.checked());
  }

  @Test
  void aWrongGradientIsReportedWithItsTensorAndEntry() {
    CompiledNetwork broken = withGradientOff(network(), 0, 7, 0.5);
    List<GradientCheck.TensorResult> results =
        GradientCheck.checkTensors(
            broken, INPUTS, TARGETS, GradientCheck.Options.forPrecision("double"));
    GradientCheck.TensorResult weights = results.get(0);
    assertFalse(weights.passed());
    assertEquals(7, weights.worstIndex());
    assertEquals(0.5, weights.worstAnalytic() - weights.worstNumerical(), 1e-6);
    assertEquals(0.5, weights.maxAbsError(), 1e-6);
    assertTrue(
        weights.worst().startsWith(weights.name() + "[2][1] (index 7): analytic "),
        weights.worst());
    assertTrue(results.get(1).passed());
    GradientCheck.Result whole = GradientCheck.Result.of(results);
    assertFalse(whole.passed());
    assertEquals(weights.worst(), whole.worst());
  }

  @Test
  void theEntriesCheckedAreEvenlySpacedOrDrawnFromTheSeed() {
    GradientCheck.Options all = GradientCheck.Options.forPrecision("double");
    assertArrayEquals(new int[] {0, 1, 2}, GradientCheck.entries(3, all.withMaxPerTensor(5)));
    assertArrayEquals(
        new int[] {0, 2, 4, 6, 8}, GradientCheck.entries(10, all.withMaxPerTensor(5)));
    assertArrayEquals(new int[] {0, 3, 6}, GradientCheck.entries(10, all.withMaxPerTensor(3)));
    GradientCheck.Options seeded = all.withMaxPerTensor(20).withSampleSeed(42);
    int[] drawn = GradientCheck.entries(1000, seeded);
    assertEquals(20, drawn.length);
    for (int i = 1; i < drawn.length; i++) {
      assertTrue(drawn[i - 1] < drawn[i]);
    }
    assertArrayEquals(drawn, GradientCheck.entries(1000, seeded));
    assertNotEquals(
        List.of(drawn), List.of(GradientCheck.entries(1000, seeded.withSampleSeed(43))));
    ReferenceMlp network = network();
    List<GradientCheck.TensorResult> results =
        GradientCheck.checkTensors(
            network, INPUTS, TARGETS, all.withMaxPerTensor(5).withSampleSeed(1));
    assertEquals(
        List.of(5, 4, 5, 2), results.stream().map(GradientCheck.TensorResult::checked).toList());
  }

  @Test
  void floatOptionsAreLooser() {
    GradientCheck.Options f = GradientCheck.Options.forPrecision("float");
    assertEquals(
        new GradientCheck.Options(1e-2, 1e-2, 5e-2, Integer.MAX_VALUE, OptionalLong.empty()), f);
    assertEquals(1e-6, GradientCheck.Options.forPrecision("double").step());
  }

  /** {@code network} whose gradient tensor {@code p} reads {@code off} too high at {@code k}. */
  private static CompiledNetwork withGradientOff(
      CompiledNetwork network, int p, int k, double off) {
    return (CompiledNetwork)
        Proxy.newProxyInstance(
            CompiledNetwork.class.getClassLoader(),
            new Class<?>[] {CompiledNetwork.class},
            (proxy, method, args) -> {
              try {
                Object value = method.invoke(network, args);
                if (method.getName().equals("gradients")) {
                  List<ParameterTensor> gradients = new ArrayList<>(network.gradients());
                  gradients.set(p, shifted(gradients.get(p), k, off));
                  return gradients;
                }
                return value;
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static ParameterTensor shifted(ParameterTensor tensor, int k, double off) {
    return new ParameterTensor() {
      @Override
      public String name() {
        return tensor.name();
      }

      @Override
      public int rows() {
        return tensor.rows();
      }

      @Override
      public int cols() {
        return tensor.cols();
      }

      @Override
      public boolean isVector() {
        return tensor.isVector();
      }

      @Override
      public double get(int index) {
        return tensor.get(index) + (index == k ? off : 0);
      }

      @Override
      public void set(int index, double value) {
        tensor.set(index, value);
      }
    };
  }
}
