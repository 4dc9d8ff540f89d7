package dev.netc.runtime.train;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.DropoutNetwork;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.network.Scoring;
import dev.netc.runtime.weights.WeightFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Trains a {@link CompiledNetwork} on a {@link Dataset}. Configure fluently, then {@link #train}:
 *
 * <pre>{@code
 * TrainingResult result = new Trainer()
 *     .epochs(200).batchSize(16).reduction(Reduction.MEAN).shuffle(42)
 *     .validationFraction(0.2, 42).earlyStopping(10)
 *     .schedule(Schedule.cosine(200, 0.001))
 *     .listener(new PlainTextListener(System.out))
 *     .train(net, data);
 * }</pre>
 *
 * <p><b>Steps.</b> An epoch visits every training example once, in file order or, with {@link
 * #shuffle(long)}, in the order {@link Dataset#permutation} gives for the seed {@code seed + epoch}
 * (so an epoch's order depends only on the seed and its number). Each step takes the next {@code
 * batchSize} examples (the last step of an epoch may have fewer), accumulates their gradients and
 * applies them once with the scale of the {@link Reduction}.
 *
 * <p><b>Threads.</b> A step of more than {@link #chunkSize(int)} examples is cut into chunks of
 * that size, whatever the thread count, and the chunks into groups of {@value #GROUP_CHUNKS}. Each
 * chunk's gradient is accumulated in its own cleared {@link CompiledNetwork#copy()} (the first
 * chunk of a step in the network itself) by one {@link
 * CompiledNetwork#accumulateGradient(double[][], double[][], int, int)} call over the chunk's
 * examples, which generated dense classes compute as matrix products with the result of
 * accumulating the examples one by one, in order. A group's chunk gradients are then summed as a
 * pairwise tree: {@code g[i] += g[i + s]} for {@code s = 1, 2, 4, ...} and every {@code i} that is
 * a multiple of {@code 2s}, so that chunk 0 holds the group's sum; a later group's sum is then
 * added to the network, in group order. The threads share out a group's chunks in contiguous
 * blocks, and each sums the part of the tree inside its block. The additions that join two threads'
 * blocks (and a later group's sum into the network), then the step's update, run on all the threads
 * by slices: each thread takes the same contiguous run of entries of every gradient and parameter
 * tensor ({@link CompiledNetwork#addGradientFrom(CompiledNetwork, int, int)}, {@link
 * CompiledNetwork#applyGradient(double, int, int)}), and what is global to a step (the step count,
 * Adam's bias corrections, the norm of {@code clip norm}) is computed once, on the calling thread,
 * before the slices ({@link CompiledNetwork#beginGradientStep}); unless that needs the whole
 * gradient ({@code clip norm}), each thread updates its slice right after adding it, without a
 * hand-off in between. Every entry gets the additions and the update it gets on one thread, in the
 * same order, so the parameters after training are bit-identical for 1, 2 or 8 threads. A step of
 * at most one chunk accumulates directly in the network (the worked examples' arithmetic); its
 * update is still shared out.
 *
 * <p>If the network keeps chunks ({@link CompiledNetwork#chunkCapacity()} at least the chunk size;
 * generated dense classes do) and is large enough for threads (not with class weights or dropout),
 * a group is <em>split</em>: each thread computes only the forward passes and deltas of the chunks
 * of its block ({@link CompiledNetwork#forwardChunk}), and then every thread accumulates its slice
 * of every chunk's gradient ({@link CompiledNetwork#accumulateChunkGradient(int, int)}), runs every
 * level of the tree on that slice and applies the update of the slice. Each entry still adds the
 * same terms in the same order, so the parameters are the same; but a slice of a gradient is only
 * ever written by one core (instead of by the thread of its chunk, then read and cleared by the
 * thread of its slice), and the kept chunk's gradient adds several rows per pass over a column of
 * dW, so one thread splits its groups too.
 *
 * <p><b>Dropout.</b> For a network with dropout ({@link DropoutNetwork}), the example at position
 * {@code p} (from 0) of step {@code s} (from 1) of epoch {@code e} gets the key {@link
 * DropoutNetwork#exampleKey exampleKey(seed, e, s, p)} of its masks, with the seed of {@link
 * #dropoutSeed(long)}, whichever copy and thread computes it: the masks, like the chunks, do not
 * depend on the thread count, and a resumed run draws the masks the uninterrupted one would have.
 *
 * <p><b>Guards.</b> If a step's loss, the validation loss or a parameter becomes NaN or infinite,
 * the network gets back the parameters (and optimizer state) of the start of that epoch and a
 * {@link TrainingException} names the epoch, the step and what diverged.
 *
 * <p><b>Early stopping.</b> With {@link #earlyStopping(int) patience} p, training stops when the
 * validation loss has not improved for p epochs, and the network ends with the parameters of the
 * epoch with the lowest validation loss (also when all epochs ran).
 *
 * <p><b>Checkpoints.</b> {@link #checkpoint(Path, int)} writes the whole training state every N
 * epochs (atomically); {@link #resume(Path)} continues from such a file and ends with exactly the
 * parameters an uninterrupted run would have, given the same network class, data and settings.
 *
 * <p>A trainer holds only settings: one instance may train several networks, one at a time.
 */
public final class Trainer {
  /**
   * Default examples per chunk of a step: the usual mini-batch of 32 splits into 2 chunks, one per
   * thread on 2 threads, and each chunk is one call of the generated class's block accumulation
   * (matrix products over 16 examples). Every chunk but a step's first costs a clear and an
   * addition of the whole gradient, so smaller chunks cost more on one thread. Measured on
   * Fashion-MNIST (784 -> 128 relu -> 10 softmax, Adam, batch 32, mean loss, 12,000 images, one
   * thread, at priority): chunks of 8: 562-610 ms in double, 279-295 ms in float; of 16: 422-464 ms
   * and 247-256 ms; of 32 (one per step, so nothing for a second thread): 412-465 ms and 243-308
   * ms. Before the block accumulation, the default was 8 (on 2 threads 7.9 s and on one 15.6 s for
   * an epoch under load, chunks of 32 on one thread 13.9 s).
   */
  public static final int DEFAULT_CHUNK_SIZE = 16;

  /**
   * Chunks of a step summed as one tree (see Threads above), and the most threads a step uses: each
   * chunk of a group needs its own gradient accumulator, a copy of the network's gradient.
   */
  public static final int GROUP_CHUNKS = 8;

  /**
   * Adds the gradients of a step's chunks to {@code net} in the order this trainer sums them (see
   * Threads above): {@code chunks} in chunk order, in groups of {@value #GROUP_CHUNKS}, each group
   * summed as a pairwise tree into its first chunk, and the groups' sums added to {@code net} in
   * group order. With {@code net}'s gradient clear, the result is bit-identical to the trainer's
   * for the same chunks, so an engine that computes chunks elsewhere (the Spark module) can end
   * with the trainer's parameters. Calling this once per group of at most {@value #GROUP_CHUNKS}
   * chunks gives the same result as one call. The chunk networks' accumulators are left holding
   * partial sums.
   *
   * @param net where the step's gradient accumulates
   * @param chunks one instance per chunk (copies of {@code net}), each holding its chunk's gradient
   */
  public static void addChunkGradients(
      CompiledNetwork net, List<? extends CompiledNetwork> chunks) {
    for (int first = 0; first < chunks.size(); first += GROUP_CHUNKS) {
      List<? extends CompiledNetwork> group =
          chunks.subList(first, Math.min(chunks.size(), first + GROUP_CHUNKS));
      for (int span = 1; span < group.size(); span *= 2) {
        for (int i = 0; i + span < group.size(); i += 2 * span) {
          group.get(i).addGradientFrom(group.get(i + span));
        }
      }
      net.addGradientFrom(group.get(0));
    }
  }

  private int epochs = 10;
  private int batchSize = 1;
  private Reduction reduction = Reduction.SUM;
  private Long shuffleSeed;
  private long dropoutSeed;
  private Dataset validation;
  private double validationFraction;
  private long validationSeed;
  private int patience;
  private Schedule schedule;
  private double[] classWeights;
  private boolean balancedClassWeights;

  /**
   * Networks with fewer parameters than this compute a step's chunks on the calling thread,
   * whatever {@link #threads(int)} says: a chunk of 8 examples is then a few microseconds of work,
   * less than handing it to another thread. Measured with the benchmarks' short mode (2026-11-24):
   * W1 (4-8-3, 67 parameters) trained in batches of 32 through this trainer at 5.24 M examples/s on
   * 1 thread and 0.36 M on 2; Fashion-MNIST (784-128-10, 101,770 parameters) one epoch in 15.6 s on
   * 1 thread and 7.9 s on 2.
   */
  static final long PARALLEL_MIN_PARAMETERS = 10_000;

  private int threads = 1;
  private int chunkSize = DEFAULT_CHUNK_SIZE;
  private Path checkpointFile;
  private int checkpointEvery;
  private Path resumeFile;
  private final List<TrainingListener> listeners = new ArrayList<>();

  /** A trainer with the defaults: 10 epochs, batch size 1, sum reduction, file order, 1 thread. */
  public Trainer() {}

  /** Number of epochs (passes over the training data), at least 1. */
  public Trainer epochs(int count) {
    require(count >= 1, "epochs must be >= 1: " + count);
    this.epochs = count;
    return this;
  }

  /**
   * Examples per step: 1 = stochastic, the data size or more = full batch, between = mini-batch.
   */
  public Trainer batchSize(int examples) {
    require(examples >= 1, "batch size must be >= 1: " + examples);
    this.batchSize = examples;
    return this;
  }

  /** One step per epoch over all training examples. */
  public Trainer fullBatch() {
    this.batchSize = Integer.MAX_VALUE;
    return this;
  }

  /** How a step's gradient is scaled (default {@link Reduction#SUM}). */
  public Trainer reduction(Reduction value) {
    this.reduction = value;
    return this;
  }

  /** Shuffles the training examples every epoch, from {@code seed}. */
  public Trainer shuffle(long seed) {
    this.shuffleSeed = seed;
    return this;
  }

  /** Uses the examples in file order every epoch (the default). */
  public Trainer noShuffle() {
    this.shuffleSeed = null;
    return this;
  }

  /**
   * The seed of the dropout masks (default 0; see Dropout above). Networks without dropout ignore
   * it.
   */
  public Trainer dropoutSeed(long seed) {
    this.dropoutSeed = seed;
    return this;
  }

  /** Evaluates on {@code data} after every epoch. */
  public Trainer validation(Dataset data) {
    this.validation = data;
    this.validationFraction = 0;
    return this;
  }

  /**
   * Holds out {@code fraction} of the training data (stratified for classification, chosen from
   * {@code seed}) and evaluates on it after every epoch.
   */
  public Trainer validationFraction(double fraction, long seed) {
    require(fraction > 0 && fraction < 1, "validation fraction must be in (0, 1): " + fraction);
    this.validation = null;
    this.validationFraction = fraction;
    this.validationSeed = seed;
    return this;
  }

  /** Stops when the validation loss has not improved for {@code epochs} epochs; keeps the best. */
  public Trainer earlyStopping(int epochsWithoutImprovement) {
    require(epochsWithoutImprovement >= 1, "patience must be >= 1: " + epochsWithoutImprovement);
    this.patience = epochsWithoutImprovement;
    return this;
  }

  /** The learning-rate schedule (default: the network's rate, constant). */
  public Trainer schedule(Schedule value) {
    this.schedule = value;
    return this;
  }

  /**
   * Weights each training example's loss and gradient by the weight of its class ({@code
   * perClass[k]} for class {@code k}, through {@link CompiledNetwork#accumulateGradient(double[],
   * double[], double)}); classification data only. The reported training loss is the weighted one;
   * the validation loss is not weighted.
   */
  public Trainer classWeights(double... perClass) {
    for (double w : perClass) {
      require(w >= 0 && Double.isFinite(w), "class weights must be finite and >= 0: " + w);
    }
    this.classWeights = perClass.clone();
    this.balancedClassWeights = false;
    return this;
  }

  /**
   * Class weights {@link #balanced} on the training examples (after any validation split): each
   * class weighs as much in the loss as any other.
   */
  public Trainer balancedClassWeights() {
    this.balancedClassWeights = true;
    this.classWeights = null;
    return this;
  }

  /**
   * The "balanced" class weights of {@code data}: {@code n / (classes * count(k))} for class {@code
   * k}, as scikit-learn's {@code class_weight="balanced"}; 0 for a class without examples.
   */
  public static double[] balanced(Dataset data) {
    require(data.isClassification(), data.name() + " has no classes to weight");
    int classes = data.classNames().size();
    int[] counts = new int[classes];
    for (int i = 0; i < data.size(); i++) {
      counts[data.label(i)]++;
    }
    double[] weights = new double[classes];
    for (int k = 0; k < classes; k++) {
      weights[k] = counts[k] == 0 ? 0.0 : data.size() / ((double) classes * counts[k]);
    }
    return weights;
  }

  /** Threads computing a step's chunks in parallel (default 1); never changes the result. */
  public Trainer threads(int count) {
    require(count >= 1, "threads must be >= 1: " + count);
    this.threads = count;
    return this;
  }

  /**
   * Examples per chunk of a step (default {@value #DEFAULT_CHUNK_SIZE}). Part of the arithmetic:
   * changing it changes the rounding of the gradient sums, unlike {@link #threads(int)}.
   */
  public Trainer chunkSize(int examples) {
    require(examples >= 1, "chunk size must be >= 1: " + examples);
    this.chunkSize = examples;
    return this;
  }

  /** Writes a checkpoint to {@code file} after every {@code everyEpochs} epochs. */
  public Trainer checkpoint(Path file, int everyEpochs) {
    require(everyEpochs >= 1, "checkpoint interval must be >= 1: " + everyEpochs);
    this.checkpointFile = file;
    this.checkpointEvery = everyEpochs;
    return this;
  }

  /** Continues from the checkpoint in {@code file} instead of starting at epoch 1. */
  public Trainer resume(Path file) {
    this.resumeFile = file;
    return this;
  }

  /** Adds a listener for progress. */
  public Trainer listener(TrainingListener value) {
    listeners.add(value);
    return this;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The settings a checkpoint must have been written with to be resumed by this trainer. */
  private String settings(
      int trainingExamples, int validationExamples, double[] weights, boolean dropout) {
    return String.format(
            Locale.ROOT,
            "batch=%d reduction=%s shuffle=%s chunk=%d train=%d validation=%d patience=%d",
            batchSize,
            reduction.name().toLowerCase(Locale.ROOT),
            shuffleSeed == null ? "none" : shuffleSeed.toString(),
            chunkSize,
            trainingExamples,
            validationExamples,
            patience)
        + (weights == null ? "" : " classWeights=" + Arrays.toString(weights))
        + (dropout ? " dropoutSeed=" + dropoutSeed : "");
  }

  /**
   * Trains {@code network} on {@code data} (minus the validation fraction, if set).
   *
   * @throws dev.netc.runtime.data.DataException if the data does not fit the network
   * @throws TrainingException if training diverges
   * @throws WeightFileException if the checkpoint to resume from is bad or does not match
   * @throws UncheckedIOException if a checkpoint cannot be written
   */
  public TrainingResult train(CompiledNetwork network, Dataset data) {
    String name = network.spec().name();
    data.requireShape(network.inputSize(), network.outputSize(), name);
    if (!data.hasTargets()) {
      throw new IllegalArgumentException(data.name() + " has no targets to train on");
    }
    Dataset training = data;
    Dataset checking = validation;
    if (validationFraction > 0) {
      Dataset.Split split = data.split(validationFraction, validationSeed, data.isClassification());
      training = split.train();
      checking = split.test();
    }
    if (checking != null) {
      checking.requireShape(network.inputSize(), network.outputSize(), name);
    }
    require(
        patience == 0 || checking != null,
        "early stopping needs validation data: set validation(...) or validationFraction(...)");
    require(training.size() > 0, data.name() + " has no training examples");
    double[] weights = balancedClassWeights ? balanced(training) : classWeights;
    if (weights != null) {
      require(
          training.isClassification() && weights.length == training.classNames().size(),
          "class weights need classification data with "
              + (weights.length)
              + " classes: "
              + training);
    }
    try (Run run = new Run(network, training, checking, weights)) {
      return run.execute();
    }
  }

  /** The state of one call of {@link #train}. */
  private final class Run implements AutoCloseable {
    private final CompiledNetwork net;
    private final Dataset training;
    private final Dataset checking;
    private final int stepSize;
    private final int stepsPerEpoch;
    private final String settings;

    /** The network as a {@link DropoutNetwork}, or null if it has no dropout. */
    private final DropoutNetwork dropout;

    /** The key of position 0 of the step in progress ({@link DropoutNetwork#stepKey}). */
    private long stepKey;

    /** The first example of the step in progress, in the epoch's order. */
    private int stepFrom;

    /** Each training example's loss weight (its class's), or null for all 1. */
    private final double[] exampleWeights;

    private final List<EpochStats> history = new ArrayList<>();
    private double initialRate;
    private int bestEpoch;
    private double bestLoss = Double.NaN;
    private NetworkState best;
    private int firstEpoch = 1;
    private long elapsedBefore;

    /**
     * Gradient accumulators of a group's chunks (copies of the network); slot 0 unused at first.
     * Their accumulators are zero between steps: whoever adds a copy's gradient (or a slice of it)
     * to another clears it (that slice) right after.
     */
    private CompiledNetwork[] workers;

    private double[] chunkLosses;

    /** The inputs and targets of each chunk of a group, in step order (references, not copies). */
    private final double[][][] chunkInputs;

    private final double[][][] chunkTargets;
    private ChunkTeam team;
    private final IntConsumer groupWork = this::groupBlock;
    private final IntConsumer keepWork = this::keepBlock;
    private final IntConsumer joinWork = this::joinBlocks;
    private final IntConsumer applyWork = this::applyPart;

    /** The scale of the step being applied by {@link #applyWork} or {@link #joinBlocks}. */
    private double stepScale;

    /** True if the threads of {@link #joinBlocks} apply the step to their slices. */
    private boolean joinApplies;

    /**
     * True if the current group's chunks are split (see Threads above): kept by {@link
     * CompiledNetwork#forwardChunk} on the threads of their blocks, their gradients accumulated by
     * slices in {@link #joinBlocks}.
     */
    private boolean splitting;

    /**
     * True if the network and the settings allow split groups (a large network that keeps chunks,
     * no class weights or dropout).
     */
    private boolean splits;

    // The group being computed: its examples, first example, end of the step, size, participants.
    private int[] groupOrder;
    private int groupFrom;
    private int groupTo;
    private int groupChunks;
    private int groupParticipants;
    private boolean groupIntoNetwork;

    Run(CompiledNetwork net, Dataset training, Dataset checking, double[] classWeights) {
      this.net = net;
      this.training = training;
      this.checking = checking;
      this.stepSize = Math.min(batchSize, training.size());
      this.stepsPerEpoch = (training.size() + stepSize - 1) / stepSize;
      this.dropout = net instanceof DropoutNetwork d ? d : null;
      int chunk = Math.min(chunkSize, stepSize);
      this.chunkInputs = new double[GROUP_CHUNKS][chunk][];
      this.chunkTargets = new double[GROUP_CHUNKS][chunk][];
      this.settings =
          settings(
              training.size(),
              checking == null ? 0 : checking.size(),
              classWeights,
              dropout != null);
      if (classWeights == null) {
        this.exampleWeights = null;
      } else {
        this.exampleWeights = new double[training.size()];
        for (int i = 0; i < exampleWeights.length; i++) {
          exampleWeights[i] = classWeights[training.label(i)];
        }
      }
      this.initialRate = net.learningRate();
    }

    TrainingResult execute() {
      if (resumeFile != null) {
        resumeFrom(resumeFile);
      }
      TrainingPlan plan =
          new TrainingPlan(
              net.spec().name(),
              firstEpoch,
              epochs,
              training.size(),
              checking == null ? 0 : checking.size(),
              stepSize,
              stepsPerEpoch,
              threads);
      listeners.forEach(l -> l.onStart(plan));
      long start = System.nanoTime();
      TrainingResult.Stop stop = TrainingResult.Stop.COMPLETED;
      if (patience > 0 && firstEpoch > 1 && firstEpoch - 1 - bestEpoch >= patience) {
        // The checkpoint was written in the epoch that stopped the run.
        stop = TrainingResult.Stop.EARLY_STOPPED;
        firstEpoch = epochs + 1;
      }
      for (int epoch = firstEpoch; epoch <= epochs; epoch++) {
        EpochStats stats = epoch(epoch, start);
        history.add(stats);
        boolean stopNow = false;
        if (patience > 0) {
          if (Double.isNaN(bestLoss) || stats.validationLoss() < bestLoss) {
            bestLoss = stats.validationLoss();
            bestEpoch = epoch;
            best = NetworkState.parameters(net);
          } else if (epoch - bestEpoch >= patience) {
            stopNow = true;
          }
        } else {
          bestEpoch = epoch;
        }
        if (checkpointFile != null && (epoch % checkpointEvery == 0)) {
          writeCheckpoint(epoch);
        }
        listeners.forEach(l -> l.onEpoch(stats));
        if (stopNow) {
          stop = TrainingResult.Stop.EARLY_STOPPED;
          break;
        }
      }
      if (best != null) {
        best.restore(net);
      }
      Duration elapsed = Duration.ofNanos(elapsedBefore + System.nanoTime() - start);
      TrainingResult result = new TrainingResult(history, stop, bestEpoch, elapsed);
      listeners.forEach(l -> l.onFinish(result));
      return result;
    }

    private EpochStats epoch(int epoch, long start) {
      if (schedule != null) {
        net.setLearningRate(schedule.rate(epoch, initialRate));
      }
      double rate = net.learningRate();
      NetworkState lastGood = NetworkState.full(net);
      int n = training.size();
      int[] order = shuffleSeed == null ? identity(n) : Dataset.permutation(n, shuffleSeed + epoch);
      long epochStart = System.nanoTime();
      double lossSum = 0;
      int step = 0;
      for (int from = 0; from < n; from += stepSize) {
        step++;
        int to = Math.min(n, from + stepSize);
        stepFrom = from;
        if (dropout != null) {
          stepKey = DropoutNetwork.stepKey(dropoutSeed, epoch, step);
        }
        double stepLoss;
        if (to - from == 1) {
          // A stochastic step: the generated class's fused step (one pass over each weight
          // matrix) gives the same numbers as accumulate, then apply with scale 1.
          int i = order[from];
          if (dropout != null) {
            dropout.dropoutKey(stepKey);
          }
          stepLoss =
              exampleWeights == null
                  ? net.trainStep(training.features(i), training.target(i))
                  : net.trainStep(training.features(i), training.target(i), exampleWeights[i]);
        } else {
          stepLoss = step(order, from, to, reduction.scale(to - from));
        }
        if (!Double.isFinite(stepLoss)) {
          net.clearGradient();
          lastGood.restore(net);
          throw new TrainingException(epoch, step, "the loss became " + describe(stepLoss));
        }
        lossSum += stepLoss;
        double running = lossSum / to;
        for (TrainingListener listener : listeners) {
          listener.onStep(epoch, step, stepsPerEpoch, running);
        }
      }
      String diverged = divergedParameter();
      if (diverged != null) {
        lastGood.restore(net);
        throw new TrainingException(epoch, step, diverged);
      }
      double seconds = (System.nanoTime() - epochStart) / 1e9;
      double validationLoss = Double.NaN;
      double accuracy = Double.NaN;
      if (checking != null && checking.size() > 0) {
        double[] sum = {0};
        int[] right = {0};
        Scoring.forEachRow(
            net,
            checking.features(),
            checking.targets(),
            (i, output, loss) -> {
              sum[0] += loss;
              if (checking.isClassification() && Scoring.argmax(output) == checking.label(i)) {
                right[0]++;
              }
            });
        validationLoss = sum[0] / checking.size();
        if (!Double.isFinite(validationLoss)) {
          lastGood.restore(net);
          throw new TrainingException(
              epoch, step, "the validation loss became " + describe(validationLoss));
        }
        accuracy = checking.isClassification() ? right[0] / (double) checking.size() : Double.NaN;
      }
      return new EpochStats(
          epoch,
          lossSum / n,
          validationLoss,
          accuracy,
          rate,
          net.optimizerSteps(),
          seconds > 0 ? n / seconds : 0,
          Duration.ofNanos(elapsedBefore + System.nanoTime() - start));
    }

    /**
     * One step over examples {@code order[from..to)}: adds their gradients to the network and, if
     * the sum of their losses is finite, applies the gradient with {@code scale}; returns that sum.
     */
    private double step(int[] order, int from, int to, double scale) {
      if (to - from <= chunkSize) {
        double loss = accumulate(net, order, from, to, 0);
        if (Double.isFinite(loss)) {
          applyStep(scale);
        }
        return loss;
      }
      int chunks = (to - from + chunkSize - 1) / chunkSize;
      startWorkers(chunks);
      double loss = 0;
      for (int first = 0; first < chunks; first += GROUP_CHUNKS) {
        groupOrder = order;
        groupFrom = from + first * chunkSize;
        groupTo = to;
        groupChunks = Math.min(GROUP_CHUNKS, chunks - first);
        groupIntoNetwork = first == 0;
        groupParticipants = team == null ? 1 : Math.min(team.size(), groupChunks);
        splitting = splits;
        if (groupParticipants == 1) {
          if (splitting) {
            keepBlock(0);
          } else {
            groupBlock(0);
          }
        } else {
          team.run(groupParticipants, splitting ? keepWork : groupWork);
        }
        for (int c = 0; c < groupChunks; c++) {
          loss += chunkLosses[c];
        }
        // The step's last group: each thread may apply its slice of the step as soon as it has
        // added it, unless the step needs the whole gradient first (the norm of clip norm).
        boolean apply = first + GROUP_CHUNKS >= chunks && Double.isFinite(loss);
        joinApplies = apply && groupParticipants > 1 && !net.stepReadsWholeGradient();
        if (joinApplies) {
          net.beginGradientStep(scale);
          stepScale = scale;
        }
        if (groupParticipants == 1) {
          joinBlocks(0);
        } else {
          team.run(groupParticipants, joinWork);
        }
        if (apply && !joinApplies) {
          applyStep(scale);
        }
      }
      groupOrder = null;
      return loss;
    }

    /**
     * Adds the gradient of example {@code order[at]} (the example at {@code at - stepFrom} in the
     * step), weighted if there are class weights, to {@code into}.
     */
    private double accumulate(CompiledNetwork into, int[] order, int at) {
      if (dropout != null) {
        ((DropoutNetwork) into).dropoutKey(stepKey + (at - stepFrom));
      }
      int i = order[at];
      return exampleWeights == null
          ? into.accumulateGradient(training.features(i), training.target(i))
          : into.accumulateGradient(training.features(i), training.target(i), exampleWeights[i]);
    }

    /**
     * Adds the gradients of examples {@code order[from..to)}, weighted if there are class weights,
     * to {@code into} and returns the sum of their losses in example order: without class weights
     * and dropout in one call over the rows, which gathers the examples in chunk {@code slot}'s
     * buffers; with either, example by example (the masks are drawn per example).
     */
    private double accumulate(CompiledNetwork into, int[] order, int from, int to, int slot) {
      if (exampleWeights != null || dropout != null) {
        double loss = 0;
        for (int k = from; k < to; k++) {
          loss += accumulate(into, order, k);
        }
        return loss;
      }
      gather(order, from, to, slot);
      return into.accumulateGradient(chunkInputs[slot], chunkTargets[slot], 0, to - from);
    }

    /**
     * Puts the features and targets of examples {@code order[from..to)} in chunk {@code slot}'s
     * buffers, from position 0.
     */
    private void gather(int[] order, int from, int to, int slot) {
      double[][] inputs = chunkInputs[slot];
      double[][] targets = chunkTargets[slot];
      for (int k = from; k < to; k++) {
        inputs[k - from] = training.features(order[k]);
        targets[k - from] = training.target(order[k]);
      }
    }

    /**
     * The work of one participant in a group: computes the chunks of its block (a contiguous range
     * of the group's chunks), each in its own cleared slot, then the levels of the tree that lie
     * inside its block.
     */
    private void groupBlock(int participant) {
      int begin = participant * groupChunks / groupParticipants;
      int end = (participant + 1) * groupChunks / groupParticipants;
      for (int c = begin; c < end; c++) {
        CompiledNetwork target = slot(c);
        int chunkFrom = groupFrom + c * chunkSize;
        int chunkTo = Math.min(groupTo, chunkFrom + chunkSize);
        chunkLosses[c] = accumulate(target, groupOrder, chunkFrom, chunkTo, c);
      }
      for (int span = 1; span < end - begin; span *= 2) {
        for (int i = 0; i + span < groupChunks; i += 2 * span) {
          int last = Math.min(i + 2 * span, groupChunks) - 1;
          if (i >= begin && last < end) {
            slot(i).addGradientFrom(slot(i + span));
            slot(i + span).clearGradient();
          }
        }
      }
    }

    /**
     * The work of one participant in a split group: keeps the forward passes and deltas of the
     * chunks of its block, each in its own slot, whose gradients {@link #joinBlocks} accumulates.
     */
    private void keepBlock(int participant) {
      int begin = participant * groupChunks / groupParticipants;
      int end = (participant + 1) * groupChunks / groupParticipants;
      for (int c = begin; c < end; c++) {
        int chunkFrom = groupFrom + c * chunkSize;
        int chunkTo = Math.min(groupTo, chunkFrom + chunkSize);
        gather(groupOrder, chunkFrom, chunkTo, c);
        chunkLosses[c] =
            slot(c).forwardChunk(chunkInputs[c], chunkTargets[c], 0, chunkTo - chunkFrom);
      }
    }

    /**
     * Slice {@code part} of {@code groupParticipants} of the additions after the blocks (see
     * Threads above): in a split group, first the slice of every chunk's gradient, in its slot,
     * then every level of the tree; otherwise the levels of the tree whose pair spans two
     * participants' blocks; in level order, then, for a group after a step's first, the group's sum
     * into the network; each added slice is cleared; then, if {@link #joinApplies}, the step's
     * update of the slice. Each entry of a gradient gets the additions it gets on one thread, in
     * the same order; the slices only share out the entries.
     */
    private void joinBlocks(int part) {
      int parts = groupParticipants;
      if (splitting) {
        for (int c = 0; c < groupChunks; c++) {
          slot(c).accumulateChunkGradient(part, parts);
        }
      }
      for (int span = 1; span < groupChunks; span *= 2) {
        for (int i = 0; i + span < groupChunks; i += 2 * span) {
          if (splitting || owner(i) != owner(Math.min(i + 2 * span, groupChunks) - 1)) {
            slot(i).addGradientFrom(slot(i + span), part, parts);
            slot(i + span).clearGradient(part, parts);
          }
        }
      }
      if (!groupIntoNetwork) {
        net.addGradientFrom(workers[0], part, parts);
        workers[0].clearGradient(part, parts);
      }
      if (joinApplies) {
        net.applyGradient(stepScale, part, parts);
      }
    }

    /**
     * Applies the step's gradient with {@code scale}: on one thread, or, with a team, what is
     * global to the step ({@link CompiledNetwork#beginGradientStep}) here and the elementwise
     * update in one slice per thread. The parameters are the same bit for bit.
     */
    private void applyStep(double scale) {
      if (team == null) {
        net.applyGradient(scale);
        return;
      }
      net.beginGradientStep(scale);
      stepScale = scale;
      team.run(team.size(), applyWork);
    }

    private void applyPart(int part) {
      net.applyGradient(stepScale, part, team.size());
    }

    /** The participant whose block holds chunk {@code c} of the current group. */
    private int owner(int c) {
      int p = groupParticipants - 1;
      while (p * groupChunks / groupParticipants > c) {
        p--;
      }
      return p;
    }

    /**
     * Where chunk {@code c} of the current group accumulates: the network itself for chunk 0 of a
     * step.
     */
    private CompiledNetwork slot(int c) {
      return c == 0 && groupIntoNetwork ? net : workers[c];
    }

    /** Creates the copies and threads a step of {@code chunks} chunks needs (once per run). */
    private void startWorkers(int chunks) {
      if (workers == null) {
        workers = new CompiledNetwork[GROUP_CHUNKS];
        chunkLosses = new double[GROUP_CHUNKS];
        // Small networks compute their chunks on this thread: the result is the same (the chunks
        // and the order of their sums do not change), and handing a chunk to another thread costs
        // more than computing it.
        boolean large = net.spec().parameterCount() >= PARALLEL_MIN_PARAMETERS;
        if (threads > 1 && large) {
          team = new ChunkTeam(Math.min(threads, GROUP_CHUNKS), "netc-trainer");
        }
        // Split groups pay on large networks, on one thread too (W3, 784-128-10, 1.06-1.15x);
        // small ones keep the block accumulation (W2, 64-32-10, was 7 % slower split in float).
        splits =
            large
                && exampleWeights == null
                && dropout == null
                && net.chunkCapacity() >= Math.min(chunkSize, stepSize);
      }
      int needed = Math.min(chunks, GROUP_CHUNKS);
      for (int c = chunks > GROUP_CHUNKS ? 0 : 1; c < needed; c++) {
        if (workers[c] == null) {
          workers[c] = net.copy();
        }
      }
    }

    private String divergedParameter() {
      for (ParameterTensor t : net.parameters()) {
        for (int k = 0; k < t.size(); k++) {
          double v = t.get(k);
          if (!Double.isFinite(v)) {
            String at =
                t.isVector() ? "[" + k + "]" : "[" + k / t.cols() + "][" + k % t.cols() + "]";
            return "parameter " + t.name() + at + " became " + describe(v);
          }
        }
      }
      return null;
    }

    private void writeCheckpoint(int epoch) {
      Checkpoint checkpoint =
          new Checkpoint(
              net.spec().name(),
              net.spec().fingerprint(),
              settings,
              epoch,
              initialRate,
              NetworkState.full(net),
              bestEpoch,
              bestLoss,
              best,
              history);
      try {
        checkpoint.write(checkpointFile);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the checkpoint " + checkpointFile, e);
      }
    }

    private void resumeFrom(Path file) {
      Checkpoint checkpoint = Checkpoint.read(file);
      checkpoint.checkResumable(net, settings, file.toString());
      checkpoint.restore(net);
      initialRate = checkpoint.initialRate();
      bestEpoch = checkpoint.bestEpoch();
      bestLoss = checkpoint.bestLoss();
      best = checkpoint.best();
      history.addAll(checkpoint.history());
      firstEpoch = checkpoint.epoch() + 1;
      elapsedBefore = checkpoint.elapsedNanos();
    }

    @Override
    public void close() {
      if (team != null) {
        team.close();
      }
    }
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  private static String describe(double value) {
    return Double.isNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";
  }
}
