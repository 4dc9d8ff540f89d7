package dev.netc.benchmarks;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.ArrayList;
import java.util.List;
import org.encog.engine.network.activation.ActivationFunction;
import org.encog.engine.network.activation.ActivationReLU;
import org.encog.engine.network.activation.ActivationSigmoid;
import org.encog.engine.network.activation.ActivationSoftMax;
import org.encog.engine.network.activation.ActivationTANH;
import org.encog.ml.data.MLDataPair;
import org.encog.ml.data.basic.BasicMLData;
import org.encog.ml.data.basic.BasicMLDataPair;
import org.encog.ml.data.basic.BasicMLDataSet;
import org.encog.neural.flat.FlatNetwork;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.layers.BasicLayer;
import org.encog.neural.networks.training.propagation.back.Backpropagation;

/**
 * Baseline (b) of docs/performance.md: Encog 3.4 (Apache-2.0, pure Java, double only), configured
 * like the {@code .nn} files: the same layers and activations, a softmax output whose delta is
 * {@code y - t} (Encog's linear error function with the softmax derivative 1 is exactly the
 * cross-entropy delta), plain backpropagation with rate 0.01 and momentum 0, the flat-spot fix off,
 * one thread.
 *
 * <p>Two facts of Encog 3.4 shape how it is driven (read in its {@code Propagation} and {@code
 * GradientWorker}):
 *
 * <ul>
 *   <li>Its online mode ({@code setBatchSize(1)}) computes every gradient of an iteration with a
 *       copy of the weights taken at the start of the iteration, so an iteration over many examples
 *       is not stochastic gradient descent. True one-example steps need one {@code iteration()} per
 *       example over a one-example data set, as done here (the data set's single entry is swapped;
 *       each iteration also copies all weights back into its worker).
 *   <li>Its {@code setBatchSize(n > 1)} counts each example twice ({@code lastLearn++} twice), so a
 *       "batch of 32" updates every 17 examples. A true mini-batch of 32 is a pure-batch iteration
 *       ({@code setBatchSize(0)}) over a data set of exactly 32 examples, as done here. Encog sums
 *       the gradient over the batch, as {@code applyGradient(1)} does.
 * </ul>
 *
 * Prediction uses {@link FlatNetwork#compute(double[], double[])}, which does not allocate (the
 * {@code BasicNetwork.compute} overloads wrap arrays in new objects).
 */
public final class EncogBaseline {
  private final Workload workload;
  private final BasicNetwork network;
  private final FlatNetwork flat;
  private final MLDataPair[] pairs;
  private final List<MLDataPair> single = new ArrayList<>(1);
  private Backpropagation online;
  private Backpropagation batch;

  /** An Encog network for {@code workload}, with its own random weights until {@link #copyFrom}. */
  public EncogBaseline(Workload workload, Examples examples) {
    this.workload = workload;
    network = new BasicNetwork();
    network.addLayer(new BasicLayer(null, true, workload.inputSize()));
    for (int l = 0; l < workload.layerCount(); l++) {
      boolean last = l == workload.layerCount() - 1;
      network.addLayer(
          new BasicLayer(
              encogActivation(workload.activations().get(l)), !last, workload.units().get(l)));
    }
    network.getStructure().finalizeStructure();
    network.reset(1);
    flat = network.getFlat();
    pairs = new MLDataPair[Examples.COUNT];
    for (int e = 0; e < Examples.COUNT; e++) {
      pairs[e] =
          new BasicMLDataPair(
              new BasicMLData(examples.input(e)), new BasicMLData(examples.target(e)));
    }
    single.add(pairs[0]);
    newTrainers(Examples.COUNT);
  }

  private static ActivationFunction encogActivation(Activation activation) {
    switch (activation) {
      case TANH:
        return new ActivationTANH();
      case SIGMOID:
        return new ActivationSigmoid();
      case RELU:
        return new ActivationReLU();
      case SOFTMAX:
        return new ActivationSoftMax();
      default:
        throw new AssertionError(activation);
    }
  }

  /**
   * Creates fresh trainers (Encog's workers keep a copy of the weights taken when they first run):
   * the online one, and a pure-batch one over the first {@code batchSize} examples.
   */
  void newTrainers(int batchSize) {
    online =
        configure(new Backpropagation(network, new BasicMLDataSet(single), Workload.RATE, 0.0));
    online.setBatchSize(1);
    List<MLDataPair> batchPairs = new ArrayList<>(List.of(pairs).subList(0, batchSize));
    batch =
        configure(new Backpropagation(network, new BasicMLDataSet(batchPairs), Workload.RATE, 0.0));
    batch.setBatchSize(0);
  }

  private static Backpropagation configure(Backpropagation trainer) {
    trainer.setThreadCount(1);
    trainer.fixFlatSpot(false);
    return trainer;
  }

  /** One stochastic gradient step on example {@code e}. */
  public void trainStep(int e) {
    single.set(0, pairs[e]);
    online.iteration();
  }

  /**
   * One step with the summed gradient of the batch trainer's examples (all 32 after construction).
   */
  public void trainBatch() {
    batch.iteration();
  }

  /** The training error Encog reports for its last batch iteration (keeps the result alive). */
  public double batchError() {
    return batch.getError();
  }

  /** The network's output for {@code input}, without allocating. */
  public void predict(double[] input, double[] output) {
    flat.compute(input, output);
  }

  /**
   * Copies every weight and bias of {@code from} (views in the language's orientation) into Encog.
   */
  public void copyFrom(CompiledNetwork from) {
    for (int l = 0; l < workload.layerCount(); l++) {
      ParameterTensor w = from.weights(l + 1);
      ParameterTensor b = from.bias(l + 1);
      for (int i = 0; i < w.rows(); i++) {
        for (int j = 0; j < w.cols(); j++) {
          network.setWeight(l, j, i, w.get(i, j));
        }
        network.setWeight(l, w.cols(), i, b.get(i));
      }
    }
  }

  /** Weight {@code W[i][j]} of dense layer {@code l} (0-based). */
  public double weight(int l, int i, int j) {
    return network.getWeight(l, j, i);
  }

  /** Bias {@code b[i]} of dense layer {@code l} (0-based). */
  public double bias(int l, int i) {
    return network.getWeight(l, workload.below(l), i);
  }
}
