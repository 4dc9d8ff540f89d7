package dev.netc.runtime.train;

/**
 * What a training run is about to do, given to {@link TrainingListener#onStart} (enough to size a
 * progress bar).
 *
 * @param network the network's name
 * @param firstEpoch the first epoch to run (above 1 when resuming from a checkpoint)
 * @param epochs the last epoch
 * @param trainingExamples examples per epoch
 * @param validationExamples validation examples (0 without validation)
 * @param batchSize examples per step (the last step of an epoch may have fewer)
 * @param stepsPerEpoch steps per epoch
 * @param threads threads computing gradients
 */
public record TrainingPlan(
    String network,
    int firstEpoch,
    int epochs,
    int trainingExamples,
    int validationExamples,
    int batchSize,
    int stepsPerEpoch,
    int threads) {}
