package dev.netc.cli.report;

import dev.netc.runtime.network.NetworkSpec;
import java.util.List;
import java.util.Optional;

/**
 * Everything the training report shows.
 *
 * @param spec the network
 * @param sourceFile the {@code .nn} file, as the user named it
 * @param settings the training settings, one "name: value" line each
 * @param epochs the training curves
 * @param metricsTitle what the final metrics were measured on ("test set (45 examples)")
 * @param metricsText the final metrics as aligned text
 * @param confusion the final confusion matrix, for classification
 * @param regions the decision regions, for classification with two inputs
 */
public record ReportData(
    NetworkSpec spec,
    String sourceFile,
    List<String> settings,
    List<CurvePoint> epochs,
    String metricsTitle,
    String metricsText,
    Optional<Confusion> confusion,
    Optional<DecisionRegions> regions) {

  public ReportData {
    settings = List.copyOf(settings);
    epochs = List.copyOf(epochs);
  }

  /**
   * A confusion matrix: {@code counts[actual][predicted]}.
   *
   * @param classNames the classes, in the order of the rows and columns
   * @param counts the counts
   */
  public record Confusion(List<String> classNames, int[][] counts) {}

  /**
   * The classes a network predicts over the plane of its two inputs, with the training points.
   *
   * @param featureNames the names of the two inputs
   * @param classNames the classes
   * @param classifier the predicted class at a point of the plane (in the data's own units)
   * @param points the training points (in the data's own units), two values each
   * @param labels their classes
   */
  public record DecisionRegions(
      List<String> featureNames,
      List<String> classNames,
      Classifier classifier,
      double[][] points,
      int[] labels) {}

  /** The class a network predicts for a point of the plane. */
  @FunctionalInterface
  public interface Classifier {
    /** The 0-based class at {@code (x1, x2)}. */
    int classify(double x1, double x2);
  }
}
