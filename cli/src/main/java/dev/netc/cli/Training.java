package dev.netc.cli;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Schedule;
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
   * @param dropoutSeed the seed of the dropout masks ({@code --seed}, also with --no-shuffle)
   * @param threads gradient threads
   * @param checkpoint where to save checkpoints
   * @param every epochs between checkpoints
   * @param resume the checkpoint to continue from
   * @param schedule the learning-rate schedule, if any
   * @param patience early stopping's patience in epochs, or 0 for none
   * @param balancedClassWeights weight each example by its class's balanced weight
   */
  record Settings(
      int epochs,
      int batch,
      Reduction reduction,
      Optional<Long> shuffleSeed,
      long dropoutSeed,
      int threads,
      Optional<Path> checkpoint,
      int every,
      Optional<Path> resume,
      Optional<Schedule> schedule,
      int patience,
      boolean balancedClassWeights) {

    /** The settings of {@code options}, without checkpoints. */
    static Settings of(TrainingOptions options) {
      return new Settings(
          options.epochs,
          options.batch,
          options.reduction(),
          options.noShuffle ? Optional.empty() : Optional.of(options.seed),
          options.seed,
          options.threads,
          Optional.empty(),
          1,
          Optional.empty(),
          Optional.ofNullable(options.schedule()),
          options.patience == null ? 0 : options.patience,
          options.classWeights != null);
    }

    /** These settings with checkpoints every {@code every} epochs and a run to resume. */
    Settings withCheckpoints(Optional<Path> file, int everyEpochs, Optional<Path> resumeFrom) {
      return new Settings(
          epochs,
          batch,
          reduction,
          shuffleSeed,
          dropoutSeed,
          threads,
          file,
          everyEpochs,
          resumeFrom,
          schedule,
          patience,
          balancedClassWeights);
    }
  }

  /** Trains {@code net} on {@code data}, evaluating on {@code validation} after every epoch. */
  static TrainingResult run(
      CompiledNetwork net,
      Dataset data,
      Optional<Dataset> validation,
      Settings settings,
      TrainingListener listener) {
    Trainer trainer =
        new Trainer()
            .epochs(settings.epochs())
            .batchSize(settings.batch())
            .reduction(settings.reduction())
            .threads(settings.threads())
            .dropoutSeed(settings.dropoutSeed())
            .listener(listener);
    settings.shuffleSeed().ifPresentOrElse(trainer::shuffle, trainer::noShuffle);
    validation.ifPresent(trainer::validation);
    settings.checkpoint().ifPresent(file -> trainer.checkpoint(file, settings.every()));
    settings.resume().ifPresent(trainer::resume);
    settings.schedule().ifPresent(trainer::schedule);
    if (settings.patience() > 0) {
      trainer.earlyStopping(settings.patience());
    }
    if (settings.balancedClassWeights()) {
      trainer.balancedClassWeights();
    }
    return trainer.train(net, data);
  }

  /**
   * The data of a run, ready to train on.
   *
   * @param training the examples to train on, scaled
   * @param rawTraining the same, unscaled
   * @param validation validation examples (scaled), from {@code --validate}
   * @param test test examples (scaled)
   * @param scaler the scaling fitted on the training examples, or null
   */
  record Prepared(
      Dataset training,
      Dataset rawTraining,
      Optional<Dataset> validation,
      Optional<Dataset> test,
      Scaler scaler) {}

  /**
   * Splits the validation part off {@code training} ({@code --validate}, stratified, from the seed
   * plus 1000), fits the scaling ({@code --scale}) on the rest and applies it to every part.
   */
  static Prepared prepare(Dataset training, Optional<Dataset> test, TrainingOptions options) {
    options.checkClassWeights(training);
    Optional<Dataset> validation = Optional.empty();
    if (options.validate != null) {
      Dataset.Split split = training.split(options.validate, options.seed + 1000, true);
      training = split.train();
      validation = Optional.of(split.test());
    }
    Dataset rawTraining = training;
    Scaler scaler = null;
    if (options.scale != null) {
      scaler = Scaler.fit(Scaler.Kind.of(options.scale), training);
      training = scaler.apply(training);
      validation = validation.map(scaler::apply);
      test = test.map(scaler::apply);
    }
    return new Prepared(training, rawTraining, validation, test, scaler);
  }
}
