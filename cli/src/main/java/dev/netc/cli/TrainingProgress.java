package dev.netc.cli;

import dev.netc.cli.report.CurvePoint;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how training goes: a progress bar (me.tongfei:progressbar, on standard error) when the
 * command runs in a terminal, else plain lines, one per epoch (at most about 20, plus the last),
 * so that logs, pipes and tests get readable text without control characters.
 */
final class TrainingProgress implements AutoCloseable {
  private static final int PLAIN_LINES = 20;

  private final PrintWriter out;
  private final int epochs;
  private final ProgressBar bar;

  private TrainingProgress(PrintWriter out, int epochs, ProgressBar bar) {
    this.out = out;
    this.epochs = epochs;
    this.bar = bar;
  }

  /**
   * Progress over {@code epochs} epochs, starting after {@code done} (when resuming); a bar if
   * {@code terminal}, else plain lines on {@code out}.
   */
  static TrainingProgress start(PrintWriter out, int done, int epochs, boolean terminal) {
    ProgressBar bar = null;
    if (terminal) {
      bar = new ProgressBarBuilder()
          .setTaskName("train")
          .setInitialMax(epochs)
          .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
          .setUnit(" epochs", 1)
          .setUpdateIntervalMillis(200)
          .build();
      bar.stepTo(done);
    }
    return new TrainingProgress(out, epochs, bar);
  }

  /** True if standard input and output are a terminal (not a pipe, a file, a test or CI). */
  static boolean isTerminal() {
    return System.console() != null && System.getenv("CI") == null;
  }

  /** Reports the end of an epoch. */
  void epoch(CurvePoint stats, double examplesPerSecond) {
    String text = describe(stats);
    if (bar != null) {
      bar.stepTo(stats.epoch());
      bar.setExtraMessage(text);
      return;
    }
    int every = Math.max(1, (epochs + PLAIN_LINES - 1) / PLAIN_LINES);
    if (stats.epoch() % every == 0 || stats.epoch() == epochs || stats.epoch() == 1) {
      out.println(String.format(Locale.ROOT, "epoch %" + String.valueOf(epochs).length()
          + "d/%d  %s  (%s examples/s)", stats.epoch(), epochs, text,
          Formats.count(Math.round(examplesPerSecond))));
      out.flush();
    }
  }

  static String describe(CurvePoint stats) {
    StringBuilder text = new StringBuilder("loss ").append(Formats.fixed(stats.trainLoss(), 4));
    if (!Double.isNaN(stats.trainAccuracy())) {
      text.append("  accuracy ").append(Formats.percent(stats.trainAccuracy()));
    }
    if (!Double.isNaN(stats.validationLoss())) {
      text.append("  validation loss ").append(Formats.fixed(stats.validationLoss(), 4));
    }
    if (!Double.isNaN(stats.validationAccuracy())) {
      text.append("  validation accuracy ").append(Formats.percent(stats.validationAccuracy()));
    }
    return text.toString();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
