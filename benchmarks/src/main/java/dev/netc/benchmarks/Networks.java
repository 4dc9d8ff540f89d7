package dev.netc.benchmarks;

import dev.netc.benchmarks.nets.W1Double;
import dev.netc.benchmarks.nets.W1Float;
import dev.netc.benchmarks.nets.W2Double;
import dev.netc.benchmarks.nets.W2Float;
import dev.netc.benchmarks.nets.W3Double;
import dev.netc.benchmarks.nets.W3Float;
import dev.netc.benchmarks.nets.W4Double;
import dev.netc.benchmarks.nets.W4Float;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.List;

/** Creates the implementations that are compared: the generated class and the hand-written one. */
public final class Networks {
  private Networks() {}

  /**
   * A new instance of the class netc generated for {@code workload} in {@code precision} (for
   * example {@code dev.netc.benchmarks.nets.W3Double}, from {@code src/main/netc/w3.nn}),
   * initialised from its file's seed.
   */
  public static CompiledNetwork generated(Workload workload, Precision precision) {
    boolean d = precision == Precision.DOUBLE;
    switch (workload) {
      case W1:
        return d ? new W1Double() : new W1Float();
      case W2:
        return d ? new W2Double() : new W2Float();
      case W3:
        return d ? new W3Double() : new W3Float();
      case W4:
        return d ? new W4Double() : new W4Float();
      default:
        throw new AssertionError(workload);
    }
  }

  /** The hand-written baseline for {@code workload} in {@code precision}. */
  public static CompiledNetwork handWritten(Workload workload, Precision precision) {
    return precision == Precision.DOUBLE ? new HandDouble(workload) : new HandFloat(workload);
  }

  /**
   * Copies every parameter of {@code from} into {@code to}, through their views (same order and
   * shapes).
   */
  public static void copyParameters(CompiledNetwork from, CompiledNetwork to) {
    List<ParameterTensor> source = from.parameters();
    List<ParameterTensor> target = to.parameters();
    if (source.size() != target.size()) {
      throw new IllegalArgumentException("parameter lists differ: " + source + " vs " + target);
    }
    for (int p = 0; p < source.size(); p++) {
      ParameterTensor s = source.get(p);
      ParameterTensor t = target.get(p);
      if (s.rows() != t.rows() || s.cols() != t.cols()) {
        throw new IllegalArgumentException("shapes differ: " + s + " vs " + t);
      }
      for (int k = 0; k < s.size(); k++) {
        t.set(k, s.get(k));
      }
    }
  }
}
