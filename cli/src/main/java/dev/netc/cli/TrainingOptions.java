package dev.netc.cli;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options of one training run, shared by {@code netc train} and {@code netc cv}: epochs,
 * batches, rate and its schedule, shuffling, scaling, validation and early stopping.
 */
final class TrainingOptions {

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "100",
      description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Examples per step: 1 = stochastic, more = mini-batch (default:" + " ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--reduction",
      paramLabel = "sum|mean",
      defaultValue = "sum",
      description =
          "A step's gradient is the sum (the language's default) or the mean over its"
              + " examples (default: ${DEFAULT-VALUE}).")
  String reduction;

  @Option(
      names = "--rate",
      paramLabel = "R",
      description = "The learning rate, instead of the optimizer's rate in the file.")
  Double rate;

  @Option(
      names = "--schedule",
      paramLabel = "SCHEDULE",
      description =
          "A learning-rate schedule from the initial rate, set before each epoch:"
              + " step:FACTOR:EVERY (times FACTOR every EVERY epochs), exponential:GAMMA (times GAMMA"
              + " every epoch) or cosine[:MIN] (cosine annealing to MIN, default 0, at the last"
              + " epoch).")
  String schedule;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "Seed of the shuffling, of the splits and of the dropout masks (default:"
              + " ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--no-shuffle",
      description = "Use the examples in file order every epoch (default: shuffled per epoch).")
  boolean noShuffle;

  @Option(
      names = "--scale",
      paramLabel = "standard|minmax",
      description = "Scale the features, fitted on the training data and saved with the weights.")
  String scale;

  @Option(
      names = "--validate",
      paramLabel = "FRACTION",
      description =
          "Hold out this fraction of the training data for validation (stratified),"
              + " shown per epoch.")
  Double validate;

  @Option(
      names = "--patience",
      paramLabel = "N",
      description =
          "Early stopping: stop when the validation loss has not improved for N epochs"
              + " and keep the parameters of the best epoch (needs --validate).")
  Integer patience;

  @Option(
      names = "--class-weights",
      paramLabel = "balanced",
      description =
          "Weight each training example's loss and gradient by n / (classes * count of"
              + " its class), so that every class counts as much (for imbalanced classes).")
  String classWeights;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Threads computing a mini-batch's gradient; the result does not depend on"
              + " it (default: ${DEFAULT-VALUE}).")
  int threads;

  /** Fails (exit 1) naming the option whose value is out of range. */
  void check() {
    positive("--epochs", epochs);
    positive("--batch", batch);
    positive("--threads", threads);
    if (!reduction.equals("sum") && !reduction.equals("mean")) {
      throw CommandFailure.input("--reduction " + reduction + ": expected sum or mean");
    }
    if (scale != null && !scale.equals("standard") && !scale.equals("minmax")) {
      throw CommandFailure.input("--scale " + scale + ": expected standard or minmax");
    }
    fraction("--validate", validate);
    if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
      throw CommandFailure.input(
          "--rate " + rate + ": the learning rate must be a positive number");
    }
    if (patience != null) {
      positive("--patience", patience);
      if (validate == null) {
        throw CommandFailure.input(
            "--patience "
                + patience
                + ": early stopping watches the"
                + " validation loss; add --validate FRACTION (0.2, say)");
      }
    }
    schedule();
    if (classWeights != null && !classWeights.equals("balanced")) {
      throw CommandFailure.input("--class-weights " + classWeights + ": expected balanced");
    }
  }

  /** Fails (exit 1) if {@code --class-weights} is given for data without classes. */
  void checkClassWeights(Dataset training) {
    checkClassWeights(training.name(), training.isClassification());
  }

  /**
   * Fails (exit 1) if {@code --class-weights} is given for data ({@code source}) without classes.
   */
  void checkClassWeights(String source, boolean classification) {
    if (classWeights != null && !classification) {
      throw CommandFailure.input(
          "--class-weights "
              + classWeights
              + ": "
              + source
              + " has numeric targets, not classes; class weights are for a class label column");
    }
  }

  static void positive(String option, int value) {
    if (value < 1) {
      throw CommandFailure.input(option + " " + value + ": must be at least 1");
    }
  }

  static void fraction(String option, Double value) {
    if (value != null && !(value > 0 && value < 1)) {
      throw CommandFailure.input(
          option
              + " "
              + value
              + ": must be a fraction between 0 and 1 (exclusive), for example 0.2");
    }
  }

  /** The reduction of a step's gradient. */
  Reduction reduction() {
    return reduction.equals("mean") ? Reduction.MEAN : Reduction.SUM;
  }

  /** The schedule of {@code --schedule}, or null; fails (exit 1) on a malformed value. */
  Schedule schedule() {
    if (schedule == null) {
      return null;
    }
    String[] parts = schedule.split(":", -1);
    String name = parts[0].toLowerCase(Locale.ROOT);
    switch (name) {
      case "step":
        requireParts(parts, 3, 3, "step:FACTOR:EVERY, for example step:0.5:20");
        int every = integer(parts[2], "EVERY");
        positive("--schedule " + schedule + ": EVERY", every);
        return Schedule.stepDecay(positiveNumber(parts[1], "FACTOR"), every);
      case "exponential":
        requireParts(parts, 2, 2, "exponential:GAMMA, for example exponential:0.98");
        return Schedule.exponential(positiveNumber(parts[1], "GAMMA"));
      case "cosine":
        requireParts(parts, 1, 2, "cosine or cosine:MIN, for example cosine:0.001");
        double minimum = parts.length == 2 ? number(parts[1], "MIN") : 0.0;
        if (minimum < 0) {
          throw CommandFailure.input("--schedule " + schedule + ": MIN must be at least 0");
        }
        return Schedule.cosine(epochs, minimum);
      default:
        throw CommandFailure.input(
            "--schedule "
                + schedule
                + ": expected step:FACTOR:EVERY, exponential:GAMMA or cosine[:MIN]");
    }
  }

  private void requireParts(String[] parts, int min, int max, String form) {
    if (parts.length < min || parts.length > max) {
      throw CommandFailure.input("--schedule " + schedule + ": expected " + form);
    }
  }

  private double positiveNumber(String text, String what) {
    double value = number(text, what);
    if (!(value > 0)) {
      throw CommandFailure.input("--schedule " + schedule + ": " + what + " must be above 0");
    }
    return value;
  }

  private double number(String text, String what) {
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw CommandFailure.input(
        "--schedule " + schedule + ": " + what + " must be a number, got '" + text + "'");
  }

  private int integer(String text, String what) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw CommandFailure.input(
          "--schedule "
              + schedule
              + ": "
              + what
              + " must be a whole number of epochs, got '"
              + text
              + "'");
    }
  }

  /** The settings lines of the HTML report. */
  List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("epochs: " + epochs);
    lines.add("batch: " + batch + " (reduction " + reduction + ")");
    lines.add("shuffle: " + (noShuffle ? "no (file order)" : "yes (seed " + seed + ")"));
    if (rate != null) {
      lines.add("rate: " + rate);
    }
    if (schedule != null) {
      lines.add("schedule: " + schedule);
    }
    if (scale != null) {
      lines.add("scaling: " + scale);
    }
    if (validate != null) {
      lines.add("validation: " + validate + " of the training data");
    }
    if (patience != null) {
      lines.add("early stopping: patience " + patience);
    }
    if (classWeights != null) {
      lines.add("class weights: " + classWeights);
    }
    if (threads > 1) {
      lines.add("threads: " + threads);
    }
    return lines;
  }
}
