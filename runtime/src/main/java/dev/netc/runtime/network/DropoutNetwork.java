package dev.netc.runtime.network;

import dev.netc.runtime.init.NetcRandom;

/**
 * A generated network with {@code dropout(r)} on at least one layer. Its training methods ({@link
 * #accumulateGradient}, {@link #trainStep} and their weighted forms) set each output of such a
 * layer to 0 with probability r and scale the others by 1 / (1 - r) (inverted dropout); {@link
 * #predict}, {@link #classify} and {@link #loss} use every output unscaled.
 *
 * <p><b>Masks.</b> Each training example draws its masks from a 64-bit key, with no random
 * generator state: with {@code mix} = {@link NetcRandom#mix} and {@code G} = {@link
 * NetcRandom#GOLDEN_GAMMA}, unit {@code i} (from 0) of layer {@code l} (from 1) is kept if and only
 * if
 *
 * <pre>
 * s = mix(key + l * G)
 * u = (mix(s + (i + 1) * G) >>> 11) * 2^-53          (uniform in [0, 1))
 * u >= r
 * </pre>
 *
 * that is, u is the {@code i+1}-th {@link NetcRandom#nextDouble()} of a {@link NetcRandom} started
 * at {@code s}. A training example uses the key last set by {@link #dropoutKey(long)}, then adds 1
 * to it, so that examples given without setting the key still get fresh masks. The same key gives
 * the same masks in double and float, in every copy, on every machine.
 *
 * <p>The {@link dev.netc.runtime.train.Trainer} sets the key of every example from its seed, the
 * epoch, the step and the example's position in the step ({@link #exampleKey}), so that training is
 * bit-identical for any thread count and across a checkpoint resume.
 */
public interface DropoutNetwork extends CompiledNetwork {

  /** Sets the key of the next training example's dropout masks. */
  void dropoutKey(long key);

  /** The key the next training example will use. */
  long dropoutKey();

  /**
   * The key of the example at {@code position} (from 0) of step {@code step} (from 1) of epoch
   * {@code epoch} (from 1) for the trainer's {@code seed}: {@code mix(mix(mix(seed) + epoch * G) +
   * step * G) + position}. Part of netc's reproducibility promise: the same seed gives the same
   * masks in every release.
   */
  static long exampleKey(long seed, int epoch, int step, int position) {
    return stepKey(seed, epoch, step) + position;
  }

  /** {@link #exampleKey} of position 0: the keys of a step are this plus the positions. */
  static long stepKey(long seed, int epoch, int step) {
    long k = NetcRandom.mix(NetcRandom.mix(seed) + epoch * NetcRandom.GOLDEN_GAMMA);
    return NetcRandom.mix(k + step * NetcRandom.GOLDEN_GAMMA);
  }
}
