package dev.netc.benchmarks;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/** Creates the implementations that are compared: the generated class and the hand-written one. */
public final class Networks {
  /** Package of the classes netc generates from {@code src/main/netc/*.nn}. */
  static final String GENERATED_PACKAGE = "dev.netc.benchmarks.nets";

  private Networks() {}

  /**
   * A new instance of the class netc generated for {@code workload} in {@code precision} (for example
   * {@code dev.netc.benchmarks.nets.W3Double}), initialised from its file's seed.
   */
  public static CompiledNetwork generated(Workload workload, Precision precision) {
    String name = GENERATED_PACKAGE + "." + workload.generatedClassName(precision);
    try {
      return Class.forName(name)
          .asSubclass(CompiledNetwork.class)
          .getDeclaredConstructor()
          .newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          name + " was not generated: the netc-maven-plugin compiles src/main/netc/*.nn during the build", e);
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException(name + " has no public no-argument constructor", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(name + " failed to initialise: " + e.getCause(), e.getCause());
    }
  }

  /** The hand-written baseline for {@code workload} in {@code precision}. */
  public static CompiledNetwork handWritten(Workload workload, Precision precision) {
    return precision == Precision.DOUBLE ? new HandDouble(workload) : new HandFloat(workload);
  }

  /** Copies every parameter of {@code from} into {@code to}, through their views (same order and shapes). */
  public static void copyParameters(CompiledNetwork from, CompiledNetwork to) {
    List<ParameterTensor> source = from.parameters();
    List<ParameterTensor> target = to.parameters();
    if (source.size() != target.size()) {
      throw new IllegalArgumentException(
          "parameter lists differ: " + source + " vs " + target);
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
