package dev.netc.cli.report;

/**
 * What one epoch of training measured. Values not measured are NaN.
 *
 * @param epoch 1-based
 * @param trainLoss mean training loss per example
 * @param trainAccuracy accuracy on the training data (classification), else NaN
 * @param validationLoss mean validation loss per example, or NaN without validation data
 * @param validationAccuracy validation accuracy, or NaN
 */
public record EpochStats(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double validationLoss,
    double validationAccuracy) {}
