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
}
