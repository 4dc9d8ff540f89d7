package dev.netc.spark;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.network.Scoring;
import dev.netc.runtime.train.Checkpoint;
import dev.netc.runtime.train.EpochStats;
import dev.netc.runtime.train.NetworkState;
import dev.netc.runtime.train.Schedule;
import dev.netc.runtime.train.TrainingException;
import dev.netc.runtime.train.TrainingListener;
import dev.netc.runtime.train.TrainingPlan;
import dev.netc.runtime.train.TrainingResult;
import dev.netc.runtime.weights.WeightFileException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import scala.Tuple4;

/**
 * The epoch loop both training modes share, as the runtime's {@code Trainer} runs it: an epoch of
 * steps, the guard against divergence (the parameters of the epoch's start are kept), validation
 * after each epoch, early stopping with the best epoch's parameters, per-epoch statistics and
 * listeners, checkpoints and resuming from one. A mode supplies the epoch itself.
 */
abstract class DistributedTraining {
  protected final JavaSparkContext spark;
  protected final CompiledNetwork net;
  protected final TrainingSettings settings;
  protected final long trainingExamples;
  private final JavaRDD<Example> validation;
  private final long validationExamples;
  private final boolean classifier;
  private final List<TrainingListener> listeners;

  /** The learning-rate schedule, or null: the network's rate throughout. */
  private Schedule schedule;

  /** For reading and writing checkpoints; null when there are none. */
  private SparkSession session;

  /** Where the driver writes checkpoints, or null. */
  private String checkpointPath;

  private int checkpointEvery = 1;

  /** The checkpoint to continue from, or null: start at epoch 1. */
  private String resumePath;

  DistributedTraining(
      JavaSparkContext spark,
      CompiledNetwork net,
      TrainingSettings settings,
      long trainingExamples,
      JavaRDD<Example> validation,
      long validationExamples,
      boolean classifier,
      List<TrainingListener> listeners) {
    this.spark = spark;
    this.net = net;
    this.settings = settings;
    this.trainingExamples = trainingExamples;
    this.validation = validation;
    this.validationExamples = validationExamples;
    this.classifier = classifier;
    this.listeners = List.copyOf(listeners);
  }

  /** Sets the learning rate of each epoch from the network's rate at the start, as the Trainer. */
  final DistributedTraining schedule(Schedule value) {
    this.schedule = value;
    return this;
  }

  /**
   * Writes a checkpoint to {@code path} (null: none) every {@code every} epochs, and continues from
   * the one at {@code resume} (null: starts at epoch 1).
   */
  final DistributedTraining checkpoints(SparkSession spark, String path, int every, String resume) {
    this.session = spark;
    this.checkpointPath = path;
    this.checkpointEvery = every;
    this.resumePath = resume;
    return this;
  }

  /**
   * The settings a checkpoint must have been written with to be resumed: what the epochs' results
   * depend on, as text.
   */
  final String checkpointSettings() {
    return String.format(
            Locale.ROOT,
            "mode=%s batch=%d reduction=%s shuffle=%s train=%d validation=%d patience=%d",
            mode(),
            settings.batchSize(),
            settings.reduction().name().toLowerCase(Locale.ROOT),
            settings.shuffleSeed() == null ? "none" : settings.shuffleSeed().toString(),
            trainingExamples,
            validationExamples,
            settings.patience())
        + " "
        + modeSettings();
  }

  /** The mode's name, as {@code setMode} takes it. */
  abstract String mode();

  /** The mode's own settings the results depend on, as text, for {@link #checkpointSettings}. */
  abstract String modeSettings();

  /** Steps per epoch, for the plan given to listeners. */
  abstract int stepsPerEpoch();

  /** Partitions computing in parallel, for the plan given to listeners. */
  abstract int partitions();

  /**
   * Runs epoch {@code epoch}, changing {@link #net}; returns the sum of the examples' losses, each
   * taken before its step's update.
   *
   * @throws TrainingException if a step's loss is not finite (the caller restores the parameters)
   */
  abstract double epoch(int epoch);

  /** Called once at the end, to release cached data. */
  abstract void release();

  final TrainingResult run() {
    List<EpochStats> history = new ArrayList<>();
    NetworkState best = null;
    double bestLoss = Double.NaN;
    int bestEpoch = 0;
    double initialRate = net.learningRate();
    int firstEpoch = 1;
    long elapsedBefore = 0;
    if (resumePath != null) {
      Checkpoint checkpoint = HadoopFiles.readCheckpoint(session, resumePath);
      try {
        checkpoint.checkResumable(net, checkpointSettings(), resumePath);
      } catch (WeightFileException e) {
        throw new NetcSparkException("NetcEstimator: " + e.getMessage(), e);
      }
      checkpoint.restore(net);
      initialRate = checkpoint.initialRate();
      bestEpoch = checkpoint.bestEpoch();
      bestLoss = checkpoint.bestLoss();
      best = checkpoint.best();
      history.addAll(checkpoint.history());
      firstEpoch = checkpoint.epoch() + 1;
      elapsedBefore = checkpoint.elapsedNanos();
    }
    TrainingPlan plan =
        new TrainingPlan(
            net.spec().name(),
            firstEpoch,
            settings.epochs(),
            (int) trainingExamples,
            (int) validationExamples,
            (int) Math.min(settings.batchSize(), trainingExamples),
            stepsPerEpoch(),
            partitions());
    listeners.forEach(l -> l.onStart(plan));
    long start = System.nanoTime();
    TrainingResult.Stop stop = TrainingResult.Stop.COMPLETED;
    if (settings.patience() > 0
        && firstEpoch > 1
        && firstEpoch - 1 - bestEpoch >= settings.patience()) {
      // The checkpoint was written in the epoch that stopped the run.
      stop = TrainingResult.Stop.EARLY_STOPPED;
      firstEpoch = settings.epochs() + 1;
    }
    try {
      for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
        if (schedule != null) {
          net.setLearningRate(schedule.rate(epoch, initialRate));
        }
        double rate = net.learningRate();
        NetworkSnapshot lastGood = NetworkSnapshot.capture(net, true);
        long epochStart = System.nanoTime();
        double lossSum;
        try {
          lossSum = epoch(epoch);
        } catch (TrainingException e) {
          net.clearGradient();
          lastGood.restore(net);
          throw e;
        }
        String diverged = divergedParameter();
        if (diverged != null) {
          lastGood.restore(net);
          throw new TrainingException(epoch, stepsPerEpoch(), diverged);
        }
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        double validationLoss = Double.NaN;
        double accuracy = Double.NaN;
        if (validationExamples > 0) {
          double[] check = validate();
          validationLoss = check[0] / validationExamples;
          if (!Double.isFinite(validationLoss)) {
            lastGood.restore(net);
            throw new TrainingException(
                epoch, stepsPerEpoch(), "the validation loss became " + validationLoss);
          }
          accuracy = classifier ? check[1] / validationExamples : Double.NaN;
        }
        EpochStats stats =
            new EpochStats(
                epoch,
                lossSum / trainingExamples,
                validationLoss,
                accuracy,
                rate,
                net.optimizerSteps(),
                seconds > 0 ? trainingExamples / seconds : 0,
                Duration.ofNanos(elapsedBefore + System.nanoTime() - start));
        history.add(stats);
        boolean stopNow = false;
        if (settings.patience() > 0) {
          if (Double.isNaN(bestLoss) || validationLoss < bestLoss) {
            bestLoss = validationLoss;
            bestEpoch = epoch;
            best = NetworkState.parameters(net);
          } else if (epoch - bestEpoch >= settings.patience()) {
            stopNow = true;
          }
        } else {
          bestEpoch = epoch;
        }
        if (checkpointPath != null && epoch % checkpointEvery == 0) {
          HadoopFiles.writeCheckpoint(
              session,
              checkpointPath,
              new Checkpoint(
                  net.spec().name(),
                  net.spec().fingerprint(),
                  checkpointSettings(),
                  epoch,
                  initialRate,
                  NetworkState.full(net),
                  bestEpoch,
                  bestLoss,
                  best,
                  history));
        }
        listeners.forEach(l -> l.onEpoch(stats));
        if (stopNow) {
          stop = TrainingResult.Stop.EARLY_STOPPED;
          break;
        }
      }
    } finally {
      release();
    }
    if (best != null) {
      best.restore(net);
    }
    TrainingResult result =
        new TrainingResult(
            history, stop, bestEpoch, Duration.ofNanos(elapsedBefore + System.nanoTime() - start));
    listeners.forEach(l -> l.onFinish(result));
    return result;
  }

  /** Tells the listeners about a finished step. */
  protected final void stepDone(int epoch, int step, double runningLoss) {
    for (TrainingListener listener : listeners) {
      listener.onStep(epoch, step, stepsPerEpoch(), runningLoss);
    }
  }

  /**
   * The validation loss sum and the number of right classifications, each partition's sums added in
   * partition-index order.
   */
  private double[] validate() {
    Broadcast<NetworkSnapshot> parameters = spark.broadcast(NetworkSnapshot.capture(net, false));
    List<Tuple4<Integer, Double, Long, Long>> parts =
        validation
            .mapPartitionsWithIndex(
                (p, examples) -> {
                  CompiledNetwork worker = parameters.value().newNetwork();
                  double loss = 0;
                  long right = 0;
                  long count = 0;
                  while (examples.hasNext()) {
                    Example e = examples.next();
                    loss += worker.loss(e.features(), e.target());
                    if (Scoring.argmax(e.target()) == worker.classify(e.features())) {
                      right++;
                    }
                    count++;
                  }
                  return List.of(new Tuple4<>(p, loss, right, count)).iterator();
                },
                true)
            .collect();
    parameters.destroy();
    List<Tuple4<Integer, Double, Long, Long>> ordered = new ArrayList<>(parts);
    ordered.sort(Comparator.comparing(Tuple4::_1));
    double loss = 0;
    double right = 0;
    for (Tuple4<Integer, Double, Long, Long> part : ordered) {
      loss += part._2();
      right += part._3();
    }
    return new double[] {loss, right};
  }

  private String divergedParameter() {
    for (ParameterTensor t : net.parameters()) {
      for (int k = 0; k < t.size(); k++) {
        if (!Double.isFinite(t.get(k))) {
          return "parameter " + t.name() + "[" + k + "] became " + t.get(k);
        }
      }
    }
    return null;
  }

  /** The examples of one step or round, as arrays. */
  record Rows(double[][] features, double[][] targets) implements Serializable {}
}
