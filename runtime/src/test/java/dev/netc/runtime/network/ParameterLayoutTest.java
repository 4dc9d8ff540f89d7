package dev.netc.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterLayoutTest {

  @Test
  void layersCountFromOneWeightsThenBias() {
    assertEquals(0, ParameterLayout.weightsIndex(1));
    assertEquals(1, ParameterLayout.biasIndex(1));
    assertEquals(4, ParameterLayout.weightsIndex(3));
    assertEquals(5, ParameterLayout.biasIndex(3));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ParameterLayout.weightsIndex(0));
    assertEquals("layers are numbered from 1: 0", e.getMessage());
  }

  @Test
  void viewsAreFoundByLayer() {
    ParameterTensor w1 = Tensors.matrix("hidden.weights", new double[6], 0, 3, 2, false);
    ParameterTensor b1 = Tensors.vector("hidden.bias", new double[3], 0, 3);
    ParameterTensor w2 = Tensors.matrix("out.weights", new double[3], 0, 1, 3, false);
    ParameterTensor b2 = Tensors.vector("out.bias", new double[1], 0, 1);
    List<ParameterTensor> views = List.of(w1, b1, w2, b2);
    assertEquals(2, ParameterLayout.layers(views));
    assertSame(w1, ParameterLayout.weights(views, 1));
    assertSame(b1, ParameterLayout.bias(views, 1));
    assertSame(w2, ParameterLayout.weights(views, 2));
    assertSame(b2, ParameterLayout.bias(views, 2));
  }

  @Test
  void layerNumbersSkipPoolingLayers() {
    NetworkSpec spec =
        new NetworkSpec(
            "LeNet",
            "LeNet",
            "lenet.nn",
            784,
            List.of(
                new NetworkSpec.FeatureSpec(
                    "layer1", "conv 6 5x5 relu", 6, 25, 150, 3456, "relu", Double.NaN),
                new NetworkSpec.FeatureSpec("layer2", "maxpool 2x2", 0, 0, 0, 864, "", Double.NaN)),
            List.of(new NetworkSpec.LayerSpec("layer3", 10, "softmax", Double.NaN)),
            "cross_entropy",
            "double",
            "sgd(rate = 0.1)",
            "0");
    assertEquals(1, ParameterLayout.ordinal(spec, 1));
    assertEquals(2, ParameterLayout.ordinal(spec, 3));
    IllegalArgumentException pool =
        assertThrows(IllegalArgumentException.class, () -> ParameterLayout.ordinal(spec, 2));
    assertEquals(
        "LeNet: layer 2 (maxpool 2x2) has no parameters; weights and biases belong to conv and"
            + " dense layers",
        pool.getMessage());
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> ParameterLayout.ordinal(spec, 4));
    assertEquals("LeNet has layers 1 to 3, not layer 4", none.getMessage());
    assertEquals(6L * 25 + 6 + 10L * 864 + 10, spec.parameterCount());
    assertEquals("784 -> conv 6 5x5 relu -> maxpool 2x2 -> 10 softmax", spec.topology());
    assertEquals(
        List.of("layer1", "layer3"),
        spec.parameterLayers().stream().map(NetworkSpec.LayerSpec::name).toList());
  }
}
