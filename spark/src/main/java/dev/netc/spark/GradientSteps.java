package dev.netc.spark;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.DropoutNetwork;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingException;
import dev.netc.runtime.train.TrainingListener;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Gradient mode: synchronous data-parallel mini-batch steps that give the runtime {@code Trainer}'s
 * parameters bit for bit, whatever the partitioning.
 *
 * <p>Epoch e visits the training rows (numbered 0 .. n-1 in the order of the data) in the order of
 * {@code Dataset.permutation(n, seed + e)}, or in data order without a seed: step s takes positions
 * {@code s*B .. s*B+B-1} of that order, as the Trainer does. A step's examples are cut into chunks
 * of {@code chunkSize} positions, the Trainer's units of summation: the gradient of a chunk is
 * summed from zero over its examples in position order. At the start of each epoch one shuffle
 * brings every chunk's examples into one partition (chunk key {@code step * chunksPerStep + chunk},
 * hashed over the partitions), so a chunk's sum never depends on how the data was split. For each
 * step one Spark job computes the step's chunks where they live and returns them with their chunk
 * index; the driver adds them into the network in the Trainer's order ({@code
 * Trainer.addChunkGradients}: chunk order, a pairwise tree per group of chunks, with the generated
 * {@code addGradientFrom}), then applies the step with the generated {@code applyGradient}
 * (optimizer, l2 and clip included) and broadcasts the new parameters. Partial sums are never
 * merged in task-completion order, the reason why {@code RDD.reduce} and {@code treeAggregate} are
 * not used.
 */
final class GradientSteps extends DistributedTraining {
  private final JavaPairRDD<Example, Long> training;
  private final int partitions;
  private final int stepSize;
  private final int steps;
  private final int chunksPerStep;
  private JavaRDD<EpochShard> shards;

  GradientSteps(
      JavaSparkContext spark,
      CompiledNetwork net,
      TrainingSettings settings,
      JavaPairRDD<Example, Long> training,
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
    this.training = training;
    this.partitions = Math.max(1, training.getNumPartitions());
    this.stepSize = (int) Math.min(settings.batchSize(), trainingExamples);
    this.steps = (int) ((trainingExamples + stepSize - 1) / stepSize);
    this.chunksPerStep = (stepSize + settings.chunkSize() - 1) / settings.chunkSize();
  }

  @Override
  String mode() {
    return "gradient";
  }

  @Override
  String modeSettings() {
    return "chunk=" + settings.chunkSize();
  }

  @Override
  int stepsPerEpoch() {
    return steps;
  }

  @Override
  int partitions() {
    return partitions;
  }

  @Override
  double epoch(int epoch) {
    if (shards == null || settings.shuffleSeed() != null) {
      layOut(epoch);
    }
    int n = (int) trainingExamples;
    List<CompiledNetwork> slots = new ArrayList<>();
    double lossSum = 0;
    net.clearGradient();
    for (int step = 0; step < steps; step++) {
      Broadcast<NetworkSnapshot> parameters = spark.broadcast(NetworkSnapshot.capture(net, false));
      int current = step;
      // the Trainer's dropout keys: example p of step s of epoch e has exampleKey(seed, e, s, p)
      long stepKey = DropoutNetwork.stepKey(dropoutSeed(), epoch, step + 1);
      int chunkSize = settings.chunkSize();
      List<ChunkGradient> parts =
          new ArrayList<>(
              shards
                  .flatMap(
                      shard -> shard.gradients(current, stepKey, chunkSize, parameters.value()))
                  .collect());
      parameters.destroy();
      parts.sort(Comparator.comparingInt(ChunkGradient::chunk));
      // The chunks are added in the Trainer's order (its pairwise tree per group of chunks), one
      // group at a time, so that at most Trainer.GROUP_CHUNKS copies hold chunk gradients.
      double stepLoss = 0;
      for (int first = 0; first < parts.size(); first += Trainer.GROUP_CHUNKS) {
        int count = Math.min(Trainer.GROUP_CHUNKS, parts.size() - first);
        while (slots.size() < count) {
          slots.add(net.copy());
        }
        for (int c = 0; c < count; c++) {
          ChunkGradient part = parts.get(first + c);
          NetworkSnapshot.setValues(slots.get(c).gradients(), part.gradient());
          stepLoss += part.loss();
        }
        Trainer.addChunkGradients(net, slots.subList(0, count));
      }
      int from = step * stepSize;
      int to = Math.min(n, from + stepSize);
      if (!Double.isFinite(stepLoss)) {
        throw new TrainingException(epoch, step + 1, "the loss became " + stepLoss);
      }
      net.applyGradient(settings.reduction().scale(to - from));
      lossSum += stepLoss;
      stepDone(epoch, step + 1, lossSum / to);
    }
    return lossSum;
  }

  /** The seed of the dropout masks: the shuffle seed, as {@code netc train --seed}, else 0. */
  private long dropoutSeed() {
    return settings.shuffleSeed() == null ? 0 : settings.shuffleSeed();
  }

  /** Brings each chunk of this epoch's steps into one partition. */
  private void layOut(int epoch) {
    int n = (int) trainingExamples;
    Broadcast<int[]> positions =
        settings.shuffleSeed() == null
            ? null
            : spark.broadcast(inverse(Dataset.permutation(n, settings.shuffleSeed() + epoch)));
    int size = stepSize;
    int chunk = settings.chunkSize();
    int perStep = chunksPerStep;
    JavaPairRDD<Long, Tuple2<Integer, Example>> keyed =
        training.mapToPair(
            pair -> {
              int index = (int) (long) pair._2();
              int position = positions == null ? index : positions.value()[index];
              int step = position / size;
              int within = position % size;
              long key = (long) step * perStep + within / chunk;
              return new Tuple2<>(key, new Tuple2<>(within, pair._1()));
            });
    JavaRDD<EpochShard> next =
        keyed
            .partitionBy(new HashPartitioner(partitions))
            .mapPartitions(items -> List.of(EpochShard.of(items, perStep)).iterator(), true)
            .persist(StorageLevel.MEMORY_AND_DISK());
    next.count();
    if (shards != null) {
      shards.unpersist(false);
    }
    if (positions != null) {
      positions.destroy();
    }
    shards = next;
  }

  private static int[] inverse(int[] order) {
    int[] position = new int[order.length];
    for (int p = 0; p < order.length; p++) {
      position[order[p]] = p;
    }
    return position;
  }

  @Override
  void release() {
    if (shards != null) {
      shards.unpersist(false);
    }
  }

  /**
   * The gradient of one chunk of a step, summed from zero over its examples in position order.
   *
   * @param chunk the chunk's index within its step
   * @param loss the sum of its examples' losses
   * @param gradient the gradient tensors, in the order of {@code gradients()}
   */
  record ChunkGradient(int chunk, double loss, double[][] gradient) implements Serializable {}

  /** The examples of the chunks one partition holds in an epoch, by step. */
  static final class EpochShard implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Step number to that step's chunks here, each an array of examples in position order. */
    private final Map<Integer, List<Tuple2<Integer, Example[]>>> chunksByStep;

    private EpochShard(Map<Integer, List<Tuple2<Integer, Example[]>>> chunksByStep) {
      this.chunksByStep = chunksByStep;
    }

    static EpochShard of(Iterator<Tuple2<Long, Tuple2<Integer, Example>>> items, int perStep) {
      Map<Long, List<Tuple2<Integer, Example>>> byChunk = new HashMap<>();
      while (items.hasNext()) {
        Tuple2<Long, Tuple2<Integer, Example>> item = items.next();
        byChunk.computeIfAbsent(item._1(), k -> new ArrayList<>()).add(item._2());
      }
      Map<Integer, List<Tuple2<Integer, Example[]>>> byStep = new HashMap<>();
      List<Long> keys = new ArrayList<>(byChunk.keySet());
      keys.sort(null);
      for (long key : keys) {
        List<Tuple2<Integer, Example>> examples = byChunk.get(key);
        examples.sort(Comparator.comparingInt(Tuple2::_1));
        Example[] ordered = new Example[examples.size()];
        for (int i = 0; i < ordered.length; i++) {
          ordered[i] = examples.get(i)._2();
        }
        byStep
            .computeIfAbsent((int) (key / perStep), s -> new ArrayList<>())
            .add(new Tuple2<>((int) (key % perStep), ordered));
      }
      return new EpochShard(byStep);
    }

    /**
     * The gradients of this partition's chunks of {@code step}, under {@code parameters}; a network
     * with dropout draws the masks of the example at position p of the step from key {@code stepKey
     * + p}, as the Trainer does.
     */
    Iterator<ChunkGradient> gradients(
        int step, long stepKey, int chunkSize, NetworkSnapshot parameters) {
      List<Tuple2<Integer, Example[]>> chunks = chunksByStep.get(step);
      if (chunks == null) {
        return List.<ChunkGradient>of().iterator();
      }
      CompiledNetwork worker = parameters.newNetwork();
      List<ChunkGradient> result = new ArrayList<>(chunks.size());
      for (Tuple2<Integer, Example[]> chunk : chunks) {
        worker.clearGradient();
        if (worker instanceof DropoutNetwork dropout) {
          // each example takes the key and adds 1: position chunk * chunkSize + k gets its own
          dropout.dropoutKey(stepKey + (long) chunk._1() * chunkSize);
        }
        // one block call per chunk, as the Trainer's (matrix products in generated dense classes)
        Example[] examples = chunk._2();
        double[][] inputs = new double[examples.length][];
        double[][] targets = new double[examples.length][];
        for (int k = 0; k < examples.length; k++) {
          inputs[k] = examples[k].features();
          targets[k] = examples[k].target();
        }
        double loss = worker.accumulateGradient(inputs, targets, 0, examples.length);
        result.add(new ChunkGradient(chunk._1(), loss, NetworkSnapshot.values(worker.gradients())));
      }
      return result.iterator();
    }
  }
}
