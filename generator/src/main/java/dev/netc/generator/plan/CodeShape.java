package dev.netc.generator.plan;

/** How the generated code of one layer computes its matrix products, and how it stores W. */
public enum CodeShape {
  /**
   * Straight-line code with constant indices, one statement per unit or weight; W in one flat
   * array, row-major ({@code w[i * inputs + j] = W[i][j]}).
   */
  UNROLLED,
  /**
   * Loops with compile-time constant bounds; W as one array per column ({@code w[j][i] = W[i][j]})
   * so that the forward pass, the gradient and the update are axpy loops over a whole column
   * ({@code y[i] += a * x[i]}), which C2's superword pass vectorizes.
   */
  LOOPED
}
