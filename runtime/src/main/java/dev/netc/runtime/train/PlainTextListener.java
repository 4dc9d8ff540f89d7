package dev.netc.runtime.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints one line per epoch, for logs and for output that is not a terminal:
 *
 * <pre>
 * epoch  12/100  loss 0.081234  val_loss 0.093120  val_acc 96.67%  rate 0.05  52341 ex/s  0.8 s
 * </pre>
 */
public final class PlainTextListener implements TrainingListener {
  private final PrintStream out;
  private final int every;
  private int epochs;

  /** Prints every epoch to {@code out}. */
  public PlainTextListener(PrintStream out) {
    this(out, 1);
  }

  /** Prints every {@code every}-th epoch (and the last) to {@code out}. */
  public PlainTextListener(PrintStream out, int every) {
    this.out = out;
    this.every = Math.max(1, every);
  }

  @Override
  public void onStart(TrainingPlan plan) {
    epochs = plan.epochs();
  }

  @Override
  public void onEpoch(EpochStats stats) {
    if (stats.epoch() % every == 0 || stats.epoch() == epochs) {
      out.println(format(stats, epochs));
    }
  }

  /** One epoch as one line (also used by the command line's progress bar). */
  public static String format(EpochStats s, int epochs) {
    int width = String.valueOf(epochs).length();
    StringBuilder line = new StringBuilder();
    line.append(
        String.format(
            Locale.ROOT,
            "epoch %" + width + "d/%d  loss %.6f",
            s.epoch(),
            epochs,
            s.trainingLoss()));
    if (s.hasValidation()) {
      line.append(String.format(Locale.ROOT, "  val_loss %.6f", s.validationLoss()));
      if (!Double.isNaN(s.validationAccuracy())) {
        line.append(String.format(Locale.ROOT, "  val_acc %.2f%%", 100 * s.validationAccuracy()));
      }
    }
    line.append(
        String.format(
            Locale.ROOT,
            "  rate %.4g  %.0f ex/s  %.1f s",
            s.learningRate(),
            s.examplesPerSecond(),
            s.elapsed().toMillis() / 1000.0));
    return line.toString();
  }
}
