package dev.netc.benchmarks.vector;

import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/** The vector shape of the experiment: {@code -Dnetc.vector.bits=128|256|512}, else preferred. */
final class Species {
  private Species() {}

  static VectorShape shape() {
    String bits = System.getProperty("netc.vector.bits");
    return bits == null
        ? VectorShape.preferredShape()
        : VectorShape.forBitSize(Integer.parseInt(bits));
  }

  static VectorSpecies<Double> doubles() {
    return VectorSpecies.of(double.class, shape());
  }

  static VectorSpecies<Float> floats() {
    return VectorSpecies.of(float.class, shape());
  }
}
