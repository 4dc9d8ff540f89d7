package dev.netc.runtime.train;

/**
 * Receives a training run's progress; every method has an empty default. Called on the thread that
 * called {@link Trainer#train}. A console progress bar implements {@link #onStart} (to size the
 * bar: epochs times steps per epoch), {@link #onStep} (to advance it) and {@link #onEpoch} (to show
 * the losses). An exception thrown here stops training and reaches the caller.
 */
public interface TrainingListener {

  /** Before the first epoch. */
  default void onStart(TrainingPlan plan) {}

  /**
   * After each step.
   *
   * @param epoch the epoch, from 1
   * @param step the step within the epoch, from 1
   * @param stepsPerEpoch steps in the epoch
   * @param runningLoss mean loss per example so far in this epoch
   */
  default void onStep(int epoch, int step, int stepsPerEpoch, double runningLoss) {}

  /** After each epoch, validation and checkpoint. */
  default void onEpoch(EpochStats stats) {}

  /** After the last epoch (or early stop), once the best parameters are back in place. */
  default void onFinish(TrainingResult result) {}
}
