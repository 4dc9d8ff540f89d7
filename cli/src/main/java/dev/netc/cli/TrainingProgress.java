package dev.netc.cli;

import dev.netc.runtime.train.EpochStats;
import dev.netc.runtime.train.PlainTextListener;
import dev.netc.runtime.train.TrainingPlan;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how training goes: a progress bar (me.tongfei:progressbar, on standard error) when the
 * command runs in a terminal, else plain lines in the runtime's format ({@link
 * PlainTextListener#format}), one per epoch, at most about 20 and the last, so that logs, pipes,
 * tests and CI get readable text without control characters.
 */
final class TrainingProgress implements AutoCloseable {
  private static final int PLAIN_LINES = 20;

  private final PrintWriter out;
  private final boolean terminal;
  private int epochs;
  private ProgressBar bar;

  private TrainingProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** Progress shown as a bar if {@code terminal}, else as plain lines on {@code out}. */
  static TrainingProgress start(PrintWriter out, boolean terminal) {
    return new TrainingProgress(out, terminal);
  }

  /** True if standard input and output are a terminal (not a pipe, a file, a test or CI). */
  static boolean isTerminal() {
    return System.console() != null && System.getenv("CI") == null;
  }

  /** Before the first epoch: sizes the bar. */
  void begin(TrainingPlan plan) {
    epochs = plan.epochs();
    out.println(
        "training "
            + plan.network()
            + " on "
            + Diagnostics.plural(plan.trainingExamples(), "example")
            + (plan.validationExamples() > 0 ? ", validating on " + plan.validationExamples() : "")
            + ": "
            + Diagnostics.plural(plan.epochs() - plan.firstEpoch() + 1, "epoch")
            + " of "
            + Diagnostics.plural(plan.stepsPerEpoch(), "step")
            + " (batch "
            + plan.batchSize()
            + (plan.threads() > 1 ? ", " + plan.threads() + " threads" : "")
            + ")");
    out.flush();
    if (terminal) {
      bar =
          new ProgressBarBuilder()
              .setTaskName("train")
              .setInitialMax((long) plan.epochs() * plan.stepsPerEpoch())
              .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
              .setUpdateIntervalMillis(200)
              .build();
      bar.stepTo((long) (plan.firstEpoch() - 1) * plan.stepsPerEpoch());
    }
  }

  /** After each step: advances the bar. */
  void step(int epoch, int step, int stepsPerEpoch, double runningLoss) {
    if (bar != null) {
      bar.stepTo((long) (epoch - 1) * stepsPerEpoch + step);
      if (step == stepsPerEpoch || step % 64 == 0) {
        bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d loss %.4f", epoch, runningLoss));
      }
    }
  }

  /** After each epoch: a plain line, or the bar's message. */
  void epoch(EpochStats stats) {
    if (bar != null) {
      bar.setExtraMessage(
          String.format(Locale.ROOT, "epoch %d loss %.4f", stats.epoch(), stats.trainingLoss())
              + (stats.hasValidation()
                  ? String.format(Locale.ROOT, " val_loss %.4f", stats.validationLoss())
                  : "")
              + (Double.isNaN(stats.validationAccuracy())
                  ? ""
                  : " val_acc " + Formats.percent(stats.validationAccuracy())));
      return;
    }
    int every = Math.max(1, (epochs + PLAIN_LINES - 1) / PLAIN_LINES);
    if (stats.epoch() % every == 0 || stats.epoch() == epochs || stats.epoch() == 1) {
      out.println(PlainTextListener.format(stats, epochs));
      out.flush();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
