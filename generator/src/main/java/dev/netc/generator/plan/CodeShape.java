package dev.netc.generator.plan;

/** How the generated code of one layer computes its matrix products. */
public enum CodeShape {
  /**
   * Straight-line code with constant indices, one statement per unit; weights stored row-major
   * ({@code w[i * inputs + j] = W[i][j]}).
   */
  UNROLLED,
  /**
   * Loops with compile-time constant bounds; weights stored transposed ({@code w[j * units + i] =
   * W[i][j]}) so that the forward pass, the gradient and the update are axpy loops ({@code y[i] += a
   * * x[i]}), which C2's superword pass vectorizes.
   */
  LOOPED
}
