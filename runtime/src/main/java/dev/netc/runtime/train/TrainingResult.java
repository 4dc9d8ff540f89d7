package dev.netc.runtime.train;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link Trainer#train}.
 *
 * @param history one entry per epoch, in order (including epochs run before a resume)
 * @param stop why training ended
 * @param bestEpoch the epoch whose parameters the network holds now: the one with the lowest
 *     validation loss under early stopping, else the last
 * @param elapsed wall-clock time of the whole run (including before a resume)
 */
public record TrainingResult(List<EpochStats> history, Stop stop, int bestEpoch, Duration elapsed) {

  /** Why training ended. */
  public enum Stop {
    /** Every epoch ran. */
    COMPLETED,
    /** Validation loss did not improve for {@code patience} epochs. */
    EARLY_STOPPED
  }

  public TrainingResult {
    history = List.copyOf(history);
  }

  /** The last epoch's statistics. */
  public EpochStats last() {
    return history.get(history.size() - 1);
  }

  /** Number of epochs run. */
  public int epochs() {
    return history.size();
  }
}
