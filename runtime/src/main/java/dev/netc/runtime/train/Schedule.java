package dev.netc.runtime.train;

/**
 * A learning-rate schedule: the rate of each epoch, from the network's initial rate. The trainer
 * sets it with {@code setLearningRate} before each epoch's first step. Epochs count from 1; every
 * schedule gives the initial rate in epoch 1.
 */
@FunctionalInterface
public interface Schedule {

  /** The rate for {@code epoch} (from 1), given the network's initial rate {@code initial}. */
  double rate(int epoch, double initial);

  /** The initial rate in every epoch. */
  static Schedule constant() {
    return (epoch, initial) -> initial;
  }

  /** {@code initial * factor^floor((epoch - 1) / every)}: multiplied by factor every N epochs. */
  static Schedule stepDecay(double factor, int every) {
    if (!(factor > 0) || every < 1) {
      throw new IllegalArgumentException(
          "step decay needs factor > 0 and every >= 1: " + factor + ", " + every);
    }
    return (epoch, initial) -> initial * StrictMath.pow(factor, (epoch - 1) / every);
  }

  /** {@code initial * gamma^(epoch - 1)}. */
  static Schedule exponential(double gamma) {
    if (!(gamma > 0)) {
      throw new IllegalArgumentException("exponential decay needs gamma > 0: " + gamma);
    }
    return (epoch, initial) -> initial * StrictMath.pow(gamma, epoch - 1);
  }

  /**
   * Cosine annealing from the initial rate in epoch 1 to {@code minimum} in epoch {@code epochs}:
   * {@code min + (initial - min) * (1 + cos(pi * (epoch - 1) / (epochs - 1))) / 2}.
   */
  static Schedule cosine(int epochs, double minimum) {
    if (epochs < 1) {
      throw new IllegalArgumentException("cosine schedule needs epochs >= 1: " + epochs);
    }
    return (epoch, initial) -> {
      if (epochs == 1) {
        return initial;
      }
      double progress = Math.min(1.0, (epoch - 1) / (double) (epochs - 1));
      return minimum + (initial - minimum) * (1 + StrictMath.cos(StrictMath.PI * progress)) / 2;
    };
  }
}
