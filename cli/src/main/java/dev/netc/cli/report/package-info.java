/**
 * The training report of {@code netc train --report}: one self-contained HTML file with the
 * network, the training curves, the confusion matrix and, for two inputs, the decision regions.
 * Charts are drawn by XChart and embedded as base64 PNG, so the file needs no network to view. May
 * depend on the runtime's data types; knows nothing of picocli.
 */
package dev.netc.cli.report;
