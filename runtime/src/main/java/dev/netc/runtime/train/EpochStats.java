package dev.netc.runtime.train;

import java.time.Duration;

/**
 * What one epoch did.
 *
 * @param epoch the epoch, from 1
 * @param trainingLoss mean loss per training example, each taken before its step's update
 * @param validationLoss mean loss per validation example after the epoch, NaN without validation
 * @param validationAccuracy fraction of validation examples classified right, NaN without
 *     validation data or for regression
 * @param learningRate the rate used in this epoch
 * @param steps optimizer steps taken so far in the whole run
 * @param examplesPerSecond training examples per second of wall-clock time in this epoch
 * @param elapsed wall-clock time since training started (including epochs before a resume)
 */
public record EpochStats(
    int epoch,
    double trainingLoss,
    double validationLoss,
    double validationAccuracy,
    double learningRate,
    long steps,
    double examplesPerSecond,
    Duration elapsed) {

  /** True if there was validation data. */
  public boolean hasValidation() {
    return !Double.isNaN(validationLoss);
  }
}
