/**
 * How well a network does on a dataset: loss, accuracy, confusion matrix, per-class precision,
 * recall and F1 with macro averages for classification; MSE, MAE and R&sup2; for regression;
 * printable as aligned text tables. Depends on {@code network} and {@code data}.
 */
package dev.netc.runtime.metrics;
