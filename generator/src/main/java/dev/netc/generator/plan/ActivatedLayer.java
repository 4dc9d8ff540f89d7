package dev.netc.generator.plan;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.ActivationCall;
import java.util.Optional;

/**
 * A layer whose output array the layer above reads and whose delta it writes: a dense, convolution
 * or pooling layer. The layer above multiplies the delta it propagates by this layer's f'(z); a
 * pooling layer has no activation and counts as linear (f' = 1), its delta being dE/dx.
 */
public interface ActivatedLayer {

  /** The layer's number, counting every layer statement from 1. */
  int number();

  /** Name of a per-layer array: {@code name("x")} is {@code x3} for layer 3. */
  default String name(String prefix) {
    return prefix + number();
  }

  /** The activation f of the layer's output ({@link Activation#LINEAR} for pooling). */
  Activation activation();

  /** The activation's parameter, or NaN. */
  double activationParameter();

  /** Number of values of the layer's output (and of its delta). */
  int outputSize();

  /**
   * The rate of the layer's {@code dropout(r)}, 0 for none (always 0 for pooling). A layer with
   * dropout keeps g = m * f'(z), its mask times f', and the layer above multiplies by g instead.
   */
  default double dropout() {
    return 0;
  }

  /** The declared activation with its arguments' values, if the activation is declared. */
  default Optional<ActivationCall> declared() {
    return Optional.empty();
  }

  /** True if the layer has dropout. */
  default boolean hasDropout() {
    return dropout() > 0;
  }
}
