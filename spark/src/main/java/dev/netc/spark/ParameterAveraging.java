package dev.netc.spark;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingListener;
import dev.netc.runtime.train.TrainingResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * Average mode: each partition trains a copy of the network on its own rows with the runtime's
 * {@link Trainer} for {@code localSteps} steps, starting from the broadcast parameters and
 * optimizer state; the driver then averages the parameters and the optimizer state of the
 * partitions that took steps, adding them in partition-index order, and takes the largest step
 * count. An epoch is the number of such rounds that lets every partition pass over its rows once,
 * each partition in its own order ({@code Dataset.permutation} of its row count, from the seed, the
 * epoch and the partition index; data order without a seed).
 *
 * <p>One Spark job per round instead of per step, so much faster for small steps; but the result
 * depends on the partitioning (each partition sees only its rows between averages), and with K
 * local steps on P partitions it is not the same as any single-machine run: averaging P models that
 * each took K steps is at most as far as one model taking K steps with P times the batch, and less
 * when the partitions' data differ. It stays deterministic for a fixed partitioning.
 */
final class ParameterAveraging extends DistributedTraining {
  private final JavaRDD<LocalShard> shards;
  private final int partitions;
  private final int maxSteps;

  ParameterAveraging(
      JavaSparkContext spark,
      CompiledNetwork net,
      TrainingSettings settings,
      JavaRDD<Example> training,
      long trainingExamples,
      JavaRDD<Example> validation,
      long validationExamples,
      boolean classifier,
      List<TrainingListener> listeners) {
    super(
        spark,
        net,
        settings,
        trainingExamples,
        validation,
        validationExamples,
        classifier,
        listeners);
    this.shards =
        training
            .mapPartitions(
                examples -> {
                  List<Example> rows = new ArrayList<>();
                  examples.forEachRemaining(rows::add);
                  return List.of(new LocalShard(rows.toArray(new Example[0]))).iterator();
                },
                true)
            .persist(StorageLevel.MEMORY_AND_DISK());
    int batch = settings.batchSize();
    this.maxSteps =
        shards.map(shard -> (shard.examples.length + batch - 1) / batch).collect().stream()
            .mapToInt(Integer::intValue)
            .max()
            .orElse(0);
    this.partitions = Math.max(1, shards.getNumPartitions());
  }

  @Override
  String mode() {
    return "average";
  }

  @Override
  String modeSettings() {
    return "localSteps=" + settings.localSteps() + " partitions=" + partitions;
  }

  @Override
  int stepsPerEpoch() {
    return (maxSteps + settings.localSteps() - 1) / settings.localSteps();
  }

  @Override
  int partitions() {
    return partitions;
  }

  @Override
  double epoch(int epoch) {
    double lossSum = 0;
    for (int round = 0; round < stepsPerEpoch(); round++) {
      Broadcast<NetworkSnapshot> state = spark.broadcast(NetworkSnapshot.capture(net, true));
      int current = round;
      TrainingSettings s = settings;
      double rate = net.learningRate();
      List<LocalResult> results =
          new ArrayList<>(
              shards
                  .mapPartitionsWithIndex(
                      (p, it) -> it.next().train(p, epoch, current, s, rate, state.value()), true)
                  .collect());
      state.destroy();
      results.sort(Comparator.comparingInt(LocalResult::partition));
      if (results.isEmpty()) {
        continue;
      }
      average(results);
      for (LocalResult result : results) {
        lossSum += result.loss();
      }
      stepDone(epoch, round + 1, lossSum / trainingExamples);
    }
    return lossSum;
  }

  /** Sets the network to the mean of the results, summed in partition-index order. */
  private void average(List<LocalResult> results) {
    NetworkSnapshot first = results.get(0).state();
    double[][] parameters = zeros(first.parameters());
    double[][] optimizer = zeros(first.optimizerState());
    long steps = 0;
    for (LocalResult result : results) {
      add(parameters, result.state().parameters());
      add(optimizer, result.state().optimizerState());
      steps = Math.max(steps, result.state().optimizerSteps());
    }
    divide(parameters, results.size());
    divide(optimizer, results.size());
    new NetworkSnapshot(first.className(), parameters, optimizer, steps).restore(net);
  }

  private static double[][] zeros(double[][] shape) {
    double[][] values = new double[shape.length][];
    for (int i = 0; i < shape.length; i++) {
      values[i] = new double[shape[i].length];
    }
    return values;
  }

  private static void add(double[][] sum, double[][] values) {
    for (int i = 0; i < sum.length; i++) {
      for (int k = 0; k < sum[i].length; k++) {
        sum[i][k] += values[i][k];
      }
    }
  }

  private static void divide(double[][] sum, int count) {
    for (double[] tensor : sum) {
      for (int k = 0; k < tensor.length; k++) {
        tensor[k] /= count;
      }
    }
  }

  @Override
  void release() {
    shards.unpersist(false);
  }

  /**
   * What one partition did in one round.
   *
   * @param partition the partition's index
   * @param state its parameters, optimizer state and step count afterwards
   * @param loss the sum of its examples' losses, each before its step's update
   */
  record LocalResult(int partition, NetworkSnapshot state, double loss) implements Serializable {}

  /** The training rows of one partition, in data order. */
  static final class LocalShard implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Example[] examples;

    LocalShard(Example[] examples) {
      this.examples = examples;
    }

    /**
     * Round {@code round} of epoch {@code epoch} on partition {@code p}, at learning rate {@code
     * rate}.
     */
    Iterator<LocalResult> train(
        int p,
        int epoch,
        int round,
        TrainingSettings settings,
        double rate,
        NetworkSnapshot start) {
      int n = examples.length;
      int from = round * settings.localSteps() * settings.batchSize();
      if (from >= n) {
        return List.<LocalResult>of().iterator();
      }
      int to = (int) Math.min(n, (long) from + (long) settings.localSteps() * settings.batchSize());
      int[] order =
          settings.shuffleSeed() == null
              ? null
              : Dataset.permutation(n, settings.shuffleSeed() + epoch + 1_000_003L * (p + 1));
      double[][] features = new double[to - from][];
      double[][] targets = new double[to - from][];
      for (int i = from; i < to; i++) {
        Example e = examples[order == null ? i : order[i]];
        features[i - from] = e.features();
        targets[i - from] = e.target();
      }
      CompiledNetwork net = start.newNetwork();
      net.setLearningRate(rate);
      TrainingResult result =
          new Trainer()
              .epochs(1)
              .batchSize(settings.batchSize())
              .reduction(settings.reduction())
              .chunkSize(settings.chunkSize())
              .noShuffle()
              .train(net, Dataset.of(features, targets));
      double loss = result.last().trainingLoss() * (to - from);
      return List.of(new LocalResult(p, NetworkSnapshot.capture(net, true), loss)).iterator();
    }
  }
}
