package dev.netc.runtime.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Classification metrics: the prediction of an example is the index of its largest output, its
 * class the index of its largest target. Precision of a class never predicted, and recall of a
 * class never present, are 0 (as scikit-learn's {@code zero_division=0}); F1 is 0 when both are 0.
 */
public final class ClassificationMetrics implements Metrics {
  private final List<String> classNames;
  private final int[][] confusion;
  private final double loss;
  private final int examples;

  /**
   * @param classNames the class names, in output order
   * @param confusion {@code confusion[actual][predicted]} counts
   * @param loss mean loss per example
   */
  public ClassificationMetrics(List<String> classNames, int[][] confusion, double loss) {
    this.classNames = List.copyOf(classNames);
    this.confusion = new int[confusion.length][];
    int n = 0;
    for (int a = 0; a < confusion.length; a++) {
      this.confusion[a] = confusion[a].clone();
      for (int count : confusion[a]) {
        n += count;
      }
    }
    this.loss = loss;
    this.examples = n;
  }

  @Override
  public int examples() {
    return examples;
  }

  @Override
  public double loss() {
    return loss;
  }

  /** The class names, in output order. */
  public List<String> classNames() {
    return classNames;
  }

  /** {@code confusion()[actual][predicted]}: how many examples of a class got each prediction. */
  public int[][] confusion() {
    int[][] copy = new int[confusion.length][];
    for (int a = 0; a < copy.length; a++) {
      copy[a] = confusion[a].clone();
    }
    return copy;
  }

  /** Number of examples classified right. */
  public int correct() {
    int right = 0;
    for (int k = 0; k < confusion.length; k++) {
      right += confusion[k][k];
    }
    return right;
  }

  /** Fraction classified right (0 for no examples). */
  public double accuracy() {
    return examples == 0 ? 0 : correct() / (double) examples;
  }

  /** Of the examples predicted as class {@code k}, the fraction that are {@code k}. */
  public double precision(int k) {
    int predicted = 0;
    for (int[] row : confusion) {
      predicted += row[k];
    }
    return predicted == 0 ? 0 : confusion[k][k] / (double) predicted;
  }

  /** Of the examples of class {@code k}, the fraction predicted as {@code k}. */
  public double recall(int k) {
    int actual = 0;
    for (int count : confusion[k]) {
      actual += count;
    }
    return actual == 0 ? 0 : confusion[k][k] / (double) actual;
  }

  /** Harmonic mean of precision and recall of class {@code k}. */
  public double f1(int k) {
    double p = precision(k);
    double r = recall(k);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Number of examples of class {@code k}. */
  public int support(int k) {
    int actual = 0;
    for (int count : confusion[k]) {
      actual += count;
    }
    return actual;
  }

  /** Unweighted mean of the classes' precisions. */
  public double macroPrecision() {
    double sum = 0;
    for (int k = 0; k < confusion.length; k++) {
      sum += precision(k);
    }
    return sum / confusion.length;
  }

  /** Unweighted mean of the classes' recalls. */
  public double macroRecall() {
    double sum = 0;
    for (int k = 0; k < confusion.length; k++) {
      sum += recall(k);
    }
    return sum / confusion.length;
  }

  /** Unweighted mean of the classes' F1 scores. */
  public double macroF1() {
    double sum = 0;
    for (int k = 0; k < confusion.length; k++) {
      sum += f1(k);
    }
    return sum / confusion.length;
  }

  /** Loss and accuracy, then per class precision, recall, F1 and support with macro averages. */
  @Override
  public String toTable() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "examples  %d%nloss      %.6f%naccuracy  %.2f%% (%d/%d)%n%n",
            examples,
            loss,
            100 * accuracy(),
            correct(),
            examples));
    TextTable perClass = new TextTable("class", "precision", "recall", "f1", "support");
    for (int k = 0; k < confusion.length; k++) {
      perClass.row(
          classNames.get(k), f(precision(k)), f(recall(k)), f(f1(k)), String.valueOf(support(k)));
    }
    perClass.row(
        "macro avg", f(macroPrecision()), f(macroRecall()), f(macroF1()), String.valueOf(examples));
    text.append(perClass).append('\n');
    return text.append(confusionTable()).toString();
  }

  /** The confusion matrix as a table: rows are actual classes, columns predicted ones. */
  public String confusionTable() {
    String[] header = new String[classNames.size() + 1];
    header[0] = "actual \\ predicted";
    for (int k = 0; k < classNames.size(); k++) {
      header[k + 1] = classNames.get(k);
    }
    TextTable table = new TextTable(header);
    for (int a = 0; a < confusion.length; a++) {
      String[] row = new String[header.length];
      row[0] = classNames.get(a);
      for (int p = 0; p < confusion.length; p++) {
        row[p + 1] = String.valueOf(confusion[a][p]);
      }
      table.row(row);
    }
    return table.toString();
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
