package dev.netc.cli;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingListener;
import dev.netc.runtime.train.TrainingResult;
import java.nio.file.Path;
import java.util.Optional;

/** The command's options turned into one run of the runtime's {@link Trainer}. */
final class Training {
  private Training() {}

  /**
   * The training options of {@code netc train}.
   *
   * @param epochs passes over the data
   * @param batch examples per step
   * @param reduction sum or mean
   * @param shuffleSeed the seed of the per-epoch shuffle, or empty for file order
   * @param threads gradient threads
   * @param checkpoint where to save checkpoints
   * @param every epochs between checkpoints
   * @param resume the checkpoint to continue from
   */
  record Settings(
      int epochs,
      int batch,
      Reduction reduction,
      Optional<Long> shuffleSeed,
      int threads,
      Optional<Path> checkpoint,
      int every,
      Optional<Path> resume) {}

  /** Trains {@code net} on {@code data}, evaluating on {@code validation} after every epoch. */
  static TrainingResult run(
      CompiledNetwork net,
      Dataset data,
      Optional<Dataset> validation,
      Settings settings,
      TrainingListener listener) {
    Trainer trainer = new Trainer()
        .epochs(settings.epochs())
        .batchSize(settings.batch())
        .reduction(settings.reduction())
        .threads(settings.threads())
        .listener(listener);
    settings.shuffleSeed().ifPresentOrElse(trainer::shuffle, trainer::noShuffle);
    validation.ifPresent(trainer::validation);
    settings.checkpoint().ifPresent(file -> trainer.checkpoint(file, settings.every()));
    settings.resume().ifPresent(trainer::resume);
    return trainer.train(net, data);
  }
}
