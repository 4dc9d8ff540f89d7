package dev.netc.samples;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingResult;
import dev.netc.samples.nets.XorNet;
import java.io.PrintStream;
import java.util.Locale;

/** XOR with {@code xor.nn} (2 -> 4 tanh -> 1 sigmoid, binary cross-entropy). */
public final class XorSample {
  private XorSample() {}

  /** The four inputs of XOR. */
  static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

  /** Their targets. */
  static final double[][] TARGETS = {{0}, {1}, {1}, {0}};

  /**
   * The trained network's outputs and the final training loss.
   *
   * @param outputs the output for each of {@link #INPUTS}
   * @param loss the mean training loss of the last epoch
   */
  record Result(double[] outputs, double loss) {}

  /** Trains XorNet for 500 epochs of stochastic steps and prints its truth table. */
  static Result run(PrintStream out) {
    CompiledNetwork net = new XorNet();
    Dataset data = Dataset.of(INPUTS, TARGETS);
    TrainingResult result =
        new Trainer().epochs(500).batchSize(1).shuffle(Samples.SEED).train(net, data);
    double[] outputs = new double[INPUTS.length];
    out.println(
        "XorNet "
            + net.spec().topology()
            + ", "
            + result.epochs()
            + " epochs, loss "
            + String.format(Locale.ROOT, "%.6f", result.last().trainingLoss()));
    for (int i = 0; i < INPUTS.length; i++) {
      outputs[i] = net.predict(INPUTS[i])[0];
      out.printf(
          Locale.ROOT,
          "  %.0f xor %.0f = %.4f (target %.0f)%n",
          INPUTS[i][0],
          INPUTS[i][1],
          outputs[i],
          TARGETS[i][0]);
    }
    return new Result(outputs, result.last().trainingLoss());
  }

  /** Trains and prints. */
  public static void main(String[] args) {
    run(System.out);
  }
}
