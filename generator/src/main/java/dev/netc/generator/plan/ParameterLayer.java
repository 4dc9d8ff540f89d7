package dev.netc.generator.plan;

import java.util.Optional;

/**
 * A layer with weights and a bias, dense or convolution: what the state, views, initialization,
 * gradient bookkeeping and update code need, which is the same for both. The weights are a units x
 * inputs matrix (a convolution's filters x {@code kh * kw * channels} in (ky, kx, c) order).
 */
public interface ParameterLayer extends ActivatedLayer {

  /** The layer's name in the file ({@code as NAME}, else {@code layer<number>}). */
  String layerName();

  /** Rows of W: units, or filters. */
  int units();

  /** Columns of W: inputs, or weights per filter. */
  int inputs();

  /** Number of weights, units * inputs. */
  default int weightCount() {
    return units() * inputs();
  }

  /** True if W is stored as one array per column ({@code w[j][i] = W[i][j]}). */
  boolean columns();

  /** The init's fan-in and fan-out, if they are not the columns and rows of W; else empty. */
  Optional<int[]> fans();

  /** The file's explicit weights, if any. */
  Optional<PackedConstant> explicitWeights();

  /** The file's explicit bias, if any. */
  Optional<PackedConstant> explicitBias();
}
