package dev.netc.runtime.network;

/**
 * Scoring many rows through the batch methods of {@link CompiledNetwork}: evaluation, validation
 * and prediction over a dataset call these instead of {@code predict}, {@code loss} and {@code
 * classify} row by row, so that generated dense classes compute a block of rows at once.
 */
public final class Scoring {
  /** Rows per call of the batch methods. */
  public static final int BLOCK = 64;

  private Scoring() {}

  /** What {@link #forEachRow} gives for each row. */
  @FunctionalInterface
  public interface RowScore {
    /**
     * Row {@code row}'s output (a buffer, valid during the call) and loss.
     *
     * @param row the row's index
     * @param output the network's output for it
     * @param loss its loss, as {@link CompiledNetwork#loss(double[], double[])} gives it
     */
    void accept(int row, double[] output, double loss);
  }

  /** What {@link #forEachOutput} gives for each row. */
  @FunctionalInterface
  public interface RowOutput {
    /**
     * Row {@code row}'s output (a buffer, valid during the call).
     *
     * @param row the row's index
     * @param output the network's output for it
     */
    void accept(int row, double[] output);
  }

  /**
   * The output and the loss of every row, in order: one forward pass per row, {@value #BLOCK} rows
   * per {@link CompiledNetwork#evaluate} call, bit for bit what {@code predict} and {@code loss}
   * give.
   */
  public static void forEachRow(
      CompiledNetwork network, double[][] inputs, double[][] targets, RowScore score) {
    double[][] outputs = new double[Math.min(BLOCK, inputs.length)][network.outputSize()];
    double[] losses = new double[outputs.length];
    for (int from = 0; from < inputs.length; from += BLOCK) {
      int to = Math.min(inputs.length, from + BLOCK);
      network.evaluate(inputs, targets, from, to, outputs, losses);
      for (int i = from; i < to; i++) {
        score.accept(i, outputs[i - from], losses[i - from]);
      }
    }
  }

  /**
   * The output of every row, in order, {@value #BLOCK} rows per {@link
   * CompiledNetwork#predict(double[][], int, int, double[][])} call.
   */
  public static void forEachOutput(CompiledNetwork network, double[][] inputs, RowOutput output) {
    double[][] outputs = new double[Math.min(BLOCK, inputs.length)][network.outputSize()];
    for (int from = 0; from < inputs.length; from += BLOCK) {
      int to = Math.min(inputs.length, from + BLOCK);
      network.predict(inputs, from, to, outputs);
      for (int i = from; i < to; i++) {
        output.accept(i, outputs[i - from]);
      }
    }
  }

  /** The index of the largest value (the first on ties), as {@link CompiledNetwork#classify}. */
  public static int argmax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }
}
