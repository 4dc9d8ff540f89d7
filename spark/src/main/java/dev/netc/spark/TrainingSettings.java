package dev.netc.spark;

import dev.netc.runtime.train.Reduction;
import java.io.Serializable;

/**
 * What {@link NetcEstimator} trains with, fixed for one {@code fit}.
 *
 * @param epochs passes over the training rows
 * @param batchSize examples per step
 * @param reduction how a step's gradient sum is scaled
 * @param shuffleSeed the seed of each epoch's order (epoch e uses {@code seed + e}), or null for
 *     the data order every epoch
 * @param chunkSize examples per partial gradient sum of a step (gradient mode)
 * @param localSteps steps each partition takes between two averages (average mode)
 * @param patience early stopping after this many epochs without a better validation loss (0: off)
 */
record TrainingSettings(
    int epochs,
    int batchSize,
    Reduction reduction,
    Long shuffleSeed,
    int chunkSize,
    int localSteps,
    int patience)
    implements Serializable {}
