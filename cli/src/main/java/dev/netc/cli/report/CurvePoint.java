package dev.netc.cli.report;

/**
 * One epoch on the training curves of the report. Values not measured are NaN.
 *
 * @param epoch 1-based
 * @param trainLoss mean training loss per example
 * @param trainAccuracy accuracy on the training data (classification), else NaN
 * @param validationLoss mean validation loss per example, or NaN without validation data
 * @param validationAccuracy validation accuracy, or NaN
 */
public record CurvePoint(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double validationLoss,
    double validationAccuracy) {}
