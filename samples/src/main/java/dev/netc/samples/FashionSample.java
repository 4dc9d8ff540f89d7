package dev.netc.samples;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.IdxLoader;
import dev.netc.runtime.metrics.ClassificationMetrics;
import dev.netc.runtime.metrics.Evaluator;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.PlainTextListener;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingResult;
import dev.netc.samples.nets.FashionNet;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST with {@code fashion.nn} (784 -> 128 relu -> 10 softmax, Adam): all 60,000 training
 * images, mini-batches of 32 on two threads, evaluated on the 10,000 test images. The IDX files are
 * read from {@code /usr/share/datasets/fashion-mnist} (Debian's {@code dataset-fashion-mnist}), or
 * the folder in the system property {@code netc.fashion}.
 */
public final class FashionSample {
  private FashionSample() {}

  /** Epochs over the 60,000 training images. */
  static final int EPOCHS = 3;

  /**
   * The outcome.
   *
   * @param metrics on the 10,000 test images
   * @param training the training run (epochs, time)
   */
  record Result(ClassificationMetrics metrics, TrainingResult training) {}

  /** The folder of the four IDX files. */
  static Path dataDirectory() {
    return Path.of(System.getProperty("netc.fashion", "/usr/share/datasets/fashion-mnist"));
  }

  /** True if the four IDX files are there. */
  static boolean dataPresent() {
    Path dir = dataDirectory();
    return Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))
        && Files.isRegularFile(dir.resolve("train-labels-idx1-ubyte.gz"))
        && Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte.gz"))
        && Files.isRegularFile(dir.resolve("t10k-labels-idx1-ubyte.gz"));
  }

  /** The 60,000 training images (pixels scaled to [0, 1]) and their labels. */
  static Dataset trainingImages() {
    Path dir = dataDirectory();
    return IdxLoader.load(
        dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
  }

  /** The 10,000 test images (pixels scaled to [0, 1]) and their labels. */
  static Dataset testImages() {
    Path dir = dataDirectory();
    return IdxLoader.load(
        dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));
  }

  /** The message for a missing data set, with what to install or pass. */
  static String missingData() {
    return "Fashion-MNIST is not in "
        + dataDirectory()
        + ": install Debian's"
        + " dataset-fashion-mnist, or pass -Dnetc.fashion=<folder of the four IDX files>";
  }

  /** Trains, evaluates on the test images and prints the metrics and the training time. */
  static Result run(PrintStream out) {
    Dataset train = trainingImages();
    Dataset test = testImages();

    CompiledNetwork net = new FashionNet();
    TrainingResult training =
        new Trainer()
            .epochs(EPOCHS)
            .batchSize(32)
            .reduction(Reduction.MEAN)
            .shuffle(Samples.SEED)
            .threads(2)
            .listener(new PlainTextListener(out))
            .train(net, train);
    ClassificationMetrics metrics = evaluate(out, net, train, test, training);
    return new Result(metrics, training);
  }

  /**
   * Evaluates {@code net} on the test images and prints the network, the data, the epochs and the
   * training time, the test accuracy and the per-class table.
   */
  static ClassificationMetrics evaluate(
      PrintStream out, CompiledNetwork net, Dataset train, Dataset test, TrainingResult training) {
    ClassificationMetrics metrics = Evaluator.classification(net, test);
    out.println(
        net.spec().name()
            + " "
            + net.spec().topology()
            + ": "
            + train.size()
            + " training, "
            + test.size()
            + " test images, "
            + training.epochs()
            + " epochs in "
            + Samples.seconds(training.elapsed().toMillis() / 1000.0));
    out.println(
        "test accuracy "
            + Samples.percent(metrics.accuracy())
            + " (classes 0 T-shirt/top, 1 trouser, 2 pullover, 3 dress, 4 coat, 5 sandal, 6 shirt,"
            + " 7 sneaker, 8 bag, 9 ankle boot)");
    out.print(metrics.toTable());
    return metrics;
  }

  /** Trains and prints. */
  public static void main(String[] args) {
    if (!dataPresent()) {
      System.err.println(missingData());
      System.exit(1);
    }
    run(System.out);
  }
}
