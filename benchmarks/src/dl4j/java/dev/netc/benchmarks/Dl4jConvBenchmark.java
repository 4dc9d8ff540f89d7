package dev.netc.benchmarks;

import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DL4J (deeplearning4j-nn on ND4J's CPU backend) running the {@link LeNet} shape, compiled only in
 * the {@code dl4j} Maven profile: the same three figures as {@link ConvBenchmark}. DL4J stores
 * tensors NCHW and flattens into the dense layer in CHW order; {@link #copy} permutes the
 * hand-written baseline's HWC parameters into that layout. The baseline starts from the generated
 * class's initial parameters (as in {@link ConvBenchmark}), and the state checks that DL4J computes
 * its outputs, and its outputs after one stochastic step, before it is timed. Its mini-batch step
 * averages the 32 gradients (DL4J's {@code miniBatch(true)}) where netc sums them: the same
 * arithmetic, so the same speed. One thread: ND4J's environment is set to one thread, and {@code
 * OMP_NUM_THREADS=1} should be set too (the CPU-share column shows a second thread).
 */
public class Dl4jConvBenchmark {

  /** DL4J's network with the hand-written baseline's parameters. */
  @State(Scope.Thread)
  public static class Dl4j {
    /** {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String precision;

    MultiLayerNetwork network;
    INDArray[] rows;
    DataSet[] singles;
    DataSet batch;

    /** Builds, copies the parameters in and validates. */
    @Setup(Level.Trial)
    public void setUp() {
      DataType type =
          Precision.of(precision) == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
      Nd4j.setDefaultDataTypes(type, type);
      Nd4j.getEnvironment().setMaxThreads(1);
      Nd4j.getEnvironment().setMaxMasterThreads(1);
      network = build(type);
      double[][][] examples = LeNet.examples();
      double[][] inputs = examples[0];
      double[][] targets = examples[1];
      rows = new INDArray[Examples.COUNT];
      singles = new DataSet[Examples.COUNT];
      for (int e = 0; e < Examples.COUNT; e++) {
        rows[e] = Nd4j.create(new double[][] {inputs[e]}).castTo(type);
        singles[e] = new DataSet(rows[e], Nd4j.create(new double[][] {targets[e]}).castTo(type));
      }
      batch = new DataSet(Nd4j.create(inputs).castTo(type), Nd4j.create(targets).castTo(type));

      HandConv hand = LeNet.hand();
      LeNet.copy(LeNet.generated(Precision.DOUBLE), hand);
      copy(hand, network);
      double tolerance = type == DataType.DOUBLE ? 1e-9 : 1e-4;
      for (int e = 0; e < 4; e++) {
        compare("output of example " + e, hand.forward(inputs[e]), e, tolerance);
      }
      hand.trainStep(inputs, targets, 0, 1);
      network.fit(singles[0]);
      for (int e = 0; e < 4; e++) {
        compare(
            "output of example " + e + " after a stochastic step",
            hand.forward(inputs[e]),
            e,
            tolerance);
      }
    }

    private void compare(String what, double[] expected, int e, double tolerance) {
      INDArray actual = network.output(rows[e], false);
      for (int k = 0; k < expected.length; k++) {
        double a = actual.getDouble(0, k);
        if (!(Math.abs(expected[k] - a) <= tolerance + tolerance * Math.abs(expected[k]))) {
          throw new AssertionError(
              "DL4J vs hand-written: " + what + ", class " + k + ": " + expected[k] + " vs " + a);
        }
      }
    }
  }

  /** The LeNet shape in DL4J's configuration. */
  static MultiLayerNetwork build(DataType type) {
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(1)
            .dataType(type)
            .updater(new Sgd(LeNet.RATE))
            .weightInit(WeightInit.XAVIER)
            .convolutionMode(ConvolutionMode.Truncate)
            .list()
            .layer(
                new ConvolutionLayer.Builder(5, 5)
                    .nOut(6)
                    .stride(1, 1)
                    .activation(Activation.RELU)
                    .build())
            .layer(
                new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
            .layer(
                new ConvolutionLayer.Builder(5, 5)
                    .nOut(16)
                    .stride(1, 1)
                    .convolutionMode(ConvolutionMode.Same)
                    .activation(Activation.RELU)
                    .build())
            .layer(
                new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build())
            .layer(new DenseLayer.Builder().nOut(120).activation(Activation.RELU).build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nOut(LeNet.CLASSES)
                    .activation(Activation.SOFTMAX)
                    .build())
            .setInputType(InputType.convolutionalFlat(LeNet.HEIGHT, LeNet.WIDTH, LeNet.CHANNELS))
            .build();
    MultiLayerNetwork network = new MultiLayerNetwork(conf);
    network.init();
    return network;
  }

  /**
   * Copies the baseline's parameters into DL4J's layout: conv weights [filter][c][ky][kx] (from
   * [filter][ky][kx][c]), the first dense layer's [input in CHW order][unit] (from [unit][input in
   * HWC order]), the output layer's [input][unit].
   */
  static void copy(HandConv hand, MultiLayerNetwork network) {
    set(network, "0_W", conv(hand.w(0), 6, 5, 5, 1));
    set(network, "0_b", hand.b(0));
    set(network, "2_W", conv(hand.w(2), 16, 5, 5, 6));
    set(network, "2_b", hand.b(2));
    set(network, "4_W", dense(hand.w(4), 120, 6, 6, 16));
    set(network, "4_b", hand.b(4));
    set(network, "5_W", dense(hand.w(5), LeNet.CLASSES, 1, 1, 120));
    set(network, "5_b", hand.b(5));
  }

  private static double[] conv(double[] w, int filters, int kh, int kw, int channels) {
    double[] out = new double[w.length];
    for (int f = 0; f < filters; f++) {
      for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++) {
          for (int c = 0; c < channels; c++) {
            out[((f * channels + c) * kh + ky) * kw + kx] =
                w[f * kh * kw * channels + (ky * kw + kx) * channels + c];
          }
        }
      }
    }
    return out;
  }

  private static double[] dense(double[] w, int units, int h, int wd, int channels) {
    int inputs = h * wd * channels;
    double[] out = new double[w.length];
    for (int i = 0; i < units; i++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < wd; x++) {
          for (int c = 0; c < channels; c++) {
            out[((c * h + y) * wd + x) * units + i] = w[i * inputs + (y * wd + x) * channels + c];
          }
        }
      }
    }
    return out;
  }

  private static void set(MultiLayerNetwork network, String key, double[] values) {
    INDArray param = network.getParam(key);
    if (param.length() != values.length) {
      throw new IllegalStateException(
          key + ": " + param.length() + " values, not " + values.length);
    }
    param.assign(Nd4j.create(values).castTo(param.dataType()).reshape('c', param.shape()));
  }

  /** DL4J, stochastic steps ({@code fit} of a one-example data set). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(Examples.COUNT)
  public double dl4jStochastic(Dl4j s) {
    for (int e = 0; e < Examples.COUNT; e++) {
      s.network.fit(s.singles[e]);
    }
    return s.network.score();
  }

  /** DL4J, one mini-batch of 32 ({@code fit} of a 32-example data set). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(Examples.COUNT)
  public double dl4jBatch32(Dl4j s) {
    s.network.fit(s.batch);
    return s.network.score();
  }

  /** DL4J, average time per prediction over a pass ({@code output} of one row at a time). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(Examples.COUNT)
  public double dl4jPredict(Dl4j s) {
    double sum = 0.0;
    for (int e = 0; e < Examples.COUNT; e++) {
      sum += s.network.output(s.rows[e], false).getDouble(0, 0);
    }
    return sum;
  }
}
