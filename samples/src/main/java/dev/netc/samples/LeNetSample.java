package dev.netc.samples;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.metrics.ClassificationMetrics;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.PlainTextListener;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Schedule;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingResult;
import dev.netc.samples.nets.LeNet;
import java.io.PrintStream;

/**
 * Fashion-MNIST with {@code lenet.nn}, a LeNet-5-size convolutional network (conv 6 5x5, maxpool,
 * conv 16 5x5 same, maxpool, dense 120, softmax; 73,022 parameters): the 60,000 training images in
 * mini-batches of 32 on two threads, {@link #EPOCHS} epochs of Adam with the rate annealed from
 * 0.002 to {@link #FINAL_RATE} on a cosine, evaluated on the 10,000 test images (90.90% here). The
 * IDX files are read as {@link FashionSample} reads them.
 *
 * <pre>
 * mvn -q -pl samples exec:java -Dexec.mainClass=dev.netc.samples.LeNetSample
 * </pre>
 */
public final class LeNetSample {
  private LeNetSample() {}

  /** Epochs over the training images of the full run. */
  static final int EPOCHS = 6;

  /** The learning rate of the last epoch (the first is the file's 0.002). */
  static final double FINAL_RATE = 1e-4;

  /**
   * The outcome.
   *
   * @param metrics on the 10,000 test images
   * @param training the training run (epochs, time)
   */
  record Result(ClassificationMetrics metrics, TrainingResult training) {}

  /**
   * Trains on the first {@code images} training images for {@code epochs} epochs, evaluates on the
   * 10,000 test images and prints the metrics and the training time.
   */
  static Result run(PrintStream out, int images, int epochs) {
    Dataset train = FashionSample.trainingImages();
    train = train.slice(0, Math.min(images, train.size()));
    Dataset test = FashionSample.testImages();

    CompiledNetwork net = new LeNet();
    TrainingResult training =
        new Trainer()
            .epochs(epochs)
            .batchSize(32)
            .reduction(Reduction.MEAN)
            .schedule(Schedule.cosine(epochs, FINAL_RATE))
            .shuffle(Samples.SEED)
            .threads(2)
            .listener(new PlainTextListener(out))
            .train(net, train);
    ClassificationMetrics metrics = FashionSample.evaluate(out, net, train, test, training);
    return new Result(metrics, training);
  }

  /** Trains on all 60,000 images and prints. */
  public static void main(String[] args) {
    if (!FashionSample.dataPresent()) {
      System.err.println(FashionSample.missingData());
      System.exit(1);
    }
    run(System.out, Integer.MAX_VALUE, EPOCHS);
  }
}
