package dev.netc.benchmarks;

import dev.netc.runtime.network.CompiledNetwork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH states: one network per implementation, workload and precision, with its examples. Each
 * baseline is validated against the generated class ({@link Validation}) before it is timed.
 */
public final class States {
  private States() {}

  /** The class netc generated for the workload. */
  @State(Scope.Thread)
  public static class Netc {
    /** Which network. */
    @Param({"W1", "W2", "W3", "W4"})
    public Workload workload;

    /** {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String precision;

    /** The network under test. */
    public CompiledNetwork network;

    /** Inputs and one-hot targets. */
    public double[][] inputs;

    /** Targets, one-hot. */
    public double[][] targets;

    /** Output buffer for predictions. */
    public double[] output;

    private int next;

    /** Creates the generated network. */
    @Setup(Level.Trial)
    public void setUp() {
      Examples examples = Examples.of(workload);
      inputs = examples.inputs();
      targets = examples.targets();
      output = new double[workload.outputSize()];
      network = create(workload, Precision.of(precision), examples);
    }

    CompiledNetwork create(Workload w, Precision p, Examples examples) {
      return Networks.generated(w, p);
    }

    /** The next example's index, cycling over the examples (for one-example benchmarks). */
    public int next() {
      int e = next;
      next = e + 1 == Examples.COUNT ? 0 : e + 1;
      return e;
    }
  }

  /** The hand-written baseline, validated against the generated class. */
  @State(Scope.Thread)
  public static class Hand extends Netc {
    @Override
    CompiledNetwork create(Workload w, Precision p, Examples examples) {
      CompiledNetwork hand = Networks.handWritten(w, p);
      Validation.check(Networks.generated(w, p), hand, examples, Validation.tolerance(p));
      return hand;
    }
  }

  /** Encog (double only), validated against the generated double class. */
  @State(Scope.Thread)
  public static class Encog {
    /** Which network. */
    @Param({"W1", "W2", "W3", "W4"})
    public Workload workload;

    /** The baseline under test. */
    public EncogBaseline encog;

    /** Inputs. */
    public double[][] inputs;

    /** Output buffer for predictions. */
    public double[] output;

    private int next;

    /** Creates and validates the Encog network. */
    @Setup(Level.Trial)
    public void setUp() {
      Examples examples = Examples.of(workload);
      inputs = examples.inputs();
      output = new double[workload.outputSize()];
      encog = new EncogBaseline(workload, examples);
      Validation.checkEncog(Networks.generated(workload, Precision.DOUBLE), encog, examples);
    }

    /** The next example's index, cycling over the examples. */
    public int next() {
      int e = next;
      next = e + 1 == Examples.COUNT ? 0 : e + 1;
      return e;
    }
  }
}
