package dev.netc.benchmarks;

import dev.netc.benchmarks.nets.FashionAdamDouble;
import dev.netc.benchmarks.nets.FashionAdamFloat;
import dev.netc.benchmarks.nets.FashionMomentumDouble;
import dev.netc.benchmarks.nets.FashionMomentumFloat;
import dev.netc.benchmarks.nets.FashionRmspropDouble;
import dev.netc.benchmarks.nets.FashionRmspropFloat;
import dev.netc.benchmarks.nets.OneHotAdamDouble;
import dev.netc.benchmarks.nets.OneHotAdamFloat;
import dev.netc.benchmarks.nets.OneHotMomentumDouble;
import dev.netc.benchmarks.nets.OneHotMomentumFloat;
import dev.netc.benchmarks.nets.OneHotRmspropDouble;
import dev.netc.benchmarks.nets.OneHotRmspropFloat;
import dev.netc.runtime.data.IdxLoader;
import dev.netc.runtime.init.NetcRandom;
import dev.netc.runtime.network.CompiledNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The real sparse data of {@link SparseDataBenchmark}: inputs that are exactly 0 in most examples,
 * so that batch-1 training lets the optimizer state of their weights decay step after step.
 *
 * <ul>
 *   <li>{@code fashion}: the first {@link #EXAMPLES} Fashion-MNIST test images (pixels / 255, about
 *       half of them 0), read from {@code /usr/share/datasets/fashion-mnist} (Debian's {@code
 *       dataset-fashion-mnist}) or the folder in the system property {@code netc.fashion}.
 *   <li>{@code onehot}: {@link #EXAMPLES} rows of 12 categorical columns of 16 levels, one-hot
 *       encoded (192 inputs, 12 of them 1), the levels drawn with probability proportional to
 *       2^-level from a fixed seed (so the rare levels are 0 for hundreds of rows), the class the
 *       sum of the first three levels mod 4.
 * </ul>
 */
final class SparseData {
  /** Examples per epoch. */
  static final int EXAMPLES = 1000;

  private static final int COLUMNS = 12;
  private static final int LEVELS = 16;

  private SparseData() {}

  /** The folder of the Fashion-MNIST IDX files. */
  static Path fashionDirectory() {
    return Path.of(System.getProperty("netc.fashion", "/usr/share/datasets/fashion-mnist"));
  }

  /** Inputs and one-hot targets of data set {@code name} ({@code fashion} or {@code onehot}). */
  static double[][][] load(String name) {
    switch (name) {
      case "fashion":
        return fashion();
      case "onehot":
        return oneHot();
      default:
        throw new IllegalArgumentException("unknown data set '" + name + "' (fashion or onehot)");
    }
  }

  private static double[][][] fashion() {
    Path dir = fashionDirectory();
    Path images = dir.resolve("t10k-images-idx3-ubyte.gz");
    Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
    if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
      throw new IllegalStateException(
          "Fashion-MNIST is not in "
              + dir
              + ": install Debian's"
              + " dataset-fashion-mnist, or pass -jvmArgsAppend -Dnetc.fashion=<folder of the IDX files>");
    }
    double[][] x = Arrays.copyOf(IdxLoader.readImages(images), EXAMPLES);
    int[] y = IdxLoader.readLabels(labels);
    double[][] t = new double[EXAMPLES][10];
    for (int e = 0; e < EXAMPLES; e++) {
      t[e][y[e]] = 1;
    }
    return new double[][][] {x, t};
  }

  private static double[][][] oneHot() {
    NetcRandom random = new NetcRandom(7);
    double[][] x = new double[EXAMPLES][COLUMNS * LEVELS];
    double[][] t = new double[EXAMPLES][4];
    for (int e = 0; e < EXAMPLES; e++) {
      int sum = 0;
      for (int c = 0; c < COLUMNS; c++) {
        // level k with probability 2^-(k+1) (the last level takes the rest)
        int level = 0;
        while (level < LEVELS - 1 && random.nextDouble() < 0.5) {
          level++;
        }
        x[e][c * LEVELS + level] = 1;
        if (c < 3) {
          sum += level;
        }
      }
      t[e][sum % 4] = 1;
    }
    return new double[][][] {x, t};
  }

  /** A new generated network for {@code data}, {@code optimizer} and {@code precision}. */
  static CompiledNetwork network(String data, String optimizer, String precision) {
    String key = data + "/" + optimizer + "/" + precision;
    switch (key) {
      case "fashion/adam/double":
        return new FashionAdamDouble();
      case "fashion/adam/float":
        return new FashionAdamFloat();
      case "fashion/momentum/double":
        return new FashionMomentumDouble();
      case "fashion/momentum/float":
        return new FashionMomentumFloat();
      case "fashion/rmsprop/double":
        return new FashionRmspropDouble();
      case "fashion/rmsprop/float":
        return new FashionRmspropFloat();
      case "onehot/adam/double":
        return new OneHotAdamDouble();
      case "onehot/adam/float":
        return new OneHotAdamFloat();
      case "onehot/momentum/double":
        return new OneHotMomentumDouble();
      case "onehot/momentum/float":
        return new OneHotMomentumFloat();
      case "onehot/rmsprop/double":
        return new OneHotRmspropDouble();
      case "onehot/rmsprop/float":
        return new OneHotRmspropFloat();
      default:
        throw new IllegalArgumentException("no sparse network " + key);
    }
  }
}
