package dev.netc.runtime.train;

import dev.netc.runtime.UserError;

/**
 * Training diverged: a loss or a parameter became NaN or infinite. The network holds the last good
 * parameters (those at the start of the epoch in which it happened). The message names the epoch,
 * the step and what diverged, and suggests a lower rate.
 */
public final class TrainingException extends UserError {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int step;

  /**
   * @param epoch the epoch, from 1
   * @param step the step within the epoch, from 1
   * @param what what diverged ({@code "the loss became NaN"})
   */
  public TrainingException(int epoch, int step, String what) {
    super(
        "training diverged in epoch "
            + epoch
            + ", step "
            + step
            + ": "
            + what
            + "; the parameters from the start of epoch "
            + epoch
            + " are kept. "
            + "Try a lower learning rate (or clip norm(...) in the .nn file).");
    this.epoch = epoch;
    this.step = step;
  }

  /** The epoch in which training diverged, from 1. */
  public int epoch() {
    return epoch;
  }

  /** The step within the epoch, from 1. */
  public int step() {
    return step;
  }
}
