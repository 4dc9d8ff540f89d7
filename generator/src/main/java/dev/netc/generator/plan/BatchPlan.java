package dev.netc.generator.plan;

/**
 * How a generated class computes a block of rows at once (the batch methods {@code
 * predict(double[][], int, int, double[][])}, {@code evaluate} and {@code
 * accumulateGradient(double[][], double[][], int, int)}): the rows of a block, each layer's sums
 * over the block register-blocked over them.
 *
 * @param rows rows per block: each column of W is loaded once and used for this many rows; the rows
 *     of a call that do not fill a block go one at a time through the per-row methods
 */
public record BatchPlan(int rows) {

  public BatchPlan {
    if (rows < 2) {
      throw new IllegalArgumentException("a block needs at least 2 rows, not " + rows);
    }
  }
}
