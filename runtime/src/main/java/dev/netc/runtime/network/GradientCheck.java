package dev.netc.runtime.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Checks a network's analytic gradient against central differences {@code (E(p + h) - E(p - h)) /
 * 2h} for its weights and biases, where E is the sum of the examples' losses plus, for a network
 * with {@code regularize l2(lambda)} (hyper-parameter {@code lambda}), {@code lambda / 2 * sum w^2}
 * over the weights (whose gradient is the {@code lambda * w} that {@code applyGradient} adds).
 *
 * <p>An entry passes if {@code |a - n| <= absTol + relTol max(|a|, |n|)} (a analytic, n numerical).
 * For a {@code float} network the step actually taken is read back after rounding, and {@link
 * Options#forPrecision} gives a larger step and looser tolerances; for double they are those of
 * torch's {@code gradcheck} ({@code atol 1e-5, rtol 1e-3}). Keep inputs away from kinks such as
 * relu at 0. Parameters are restored afterwards; the gradient accumulators are left holding the
 * examples' gradient.
 *
 * <p>This is the one gradient check of netc: the command {@code netc gradcheck} prints its {@link
 * #checkTensors per-tensor results}, and the tests the Maven plugin generates call it.
 */
public final class GradientCheck {
  private GradientCheck() {}

  /** Values of {@code |a|, |n|} below this have no meaningful relative error (reported as 0). */
  private static final double RELATIVE_FLOOR = 1e-7;

  /**
   * How to check.
   *
   * @param step the central-difference step h
   * @param absTol absolute tolerance
   * @param relTol relative tolerance, times {@code max(|a|, |n|)}
   * @param maxPerTensor at most this many entries of each tensor are checked (all if the tensor is
   *     no larger)
   * @param sampleSeed empty: the checked entries are evenly spaced over the tensor (its first entry
   *     included); present: they are drawn without replacement from this seed (checked in index
   *     order)
   */
  public record Options(
      double step, double absTol, double relTol, int maxPerTensor, OptionalLong sampleSeed) {
    /** Validates the values. */
    public Options {
      if (!(step > 0) || !(absTol >= 0) || !(relTol >= 0) || maxPerTensor < 1) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "need step > 0, tolerances >= 0, maxPerTensor >= 1: %g, %g, %g, %d",
                step,
                absTol,
                relTol,
                maxPerTensor));
      }
    }

    /**
     * Every entry, evenly: for {@code "float"} step 1e-2, absTol 1e-2, relTol 5e-2; otherwise
     * (double) step 1e-6, absTol 1e-5, relTol 1e-3.
     */
    public static Options forPrecision(String precision) {
      return "float".equals(precision)
          ? new Options(1e-2, 1e-2, 5e-2, Integer.MAX_VALUE, OptionalLong.empty())
          : new Options(1e-6, 1e-5, 1e-3, Integer.MAX_VALUE, OptionalLong.empty());
    }

    /** {@link #forPrecision} for the precision of {@code network}'s spec. */
    public static Options forNetwork(CompiledNetwork network) {
      return forPrecision(network.spec().precision());
    }

    /** These options checking at most {@code max} entries per tensor. */
    public Options withMaxPerTensor(int max) {
      return new Options(step, absTol, relTol, max, sampleSeed);
    }

    /** These options drawing the checked entries from {@code seed} instead of spacing them. */
    public Options withSampleSeed(long seed) {
      return new Options(step, absTol, relTol, maxPerTensor, OptionalLong.of(seed));
    }
  }

  /**
   * The outcome for one parameter tensor.
   *
   * @param name the tensor's name, such as {@code hidden.weights}
   * @param rows rows of the tensor (units of its layer)
   * @param cols columns (units of the layer below), 1 for a bias
   * @param checked number of entries compared
   * @param maxAbsError largest {@code |a - n|} over the checked entries
   * @param maxRelError largest {@code |a - n| / max(|a|, |n|)} over the checked entries where
   *     {@code max(|a|, |n|) > 1e-7}
   * @param worstRatio {@code |a - n| / (absTol + relTol max(|a|, |n|))} of the worst entry (at most
   *     1 passes)
   * @param worstIndex row-major index of the worst entry, -1 if none was checked
   * @param worstAnalytic the analytic gradient at the worst entry
   * @param worstNumerical the central difference at the worst entry
   */
  public record TensorResult(
      String name,
      int rows,
      int cols,
      int checked,
      double maxAbsError,
      double maxRelError,
      double worstRatio,
      int worstIndex,
      double worstAnalytic,
      double worstNumerical) {

    /** Number of entries of the tensor. */
    public int size() {
      return rows * cols;
    }

    /** True if every checked entry is within tolerance. */
    public boolean passed() {
      return worstRatio <= 1.0;
    }

    /** The worst entry, for example {@code hidden.weights[3][1] (index 13): analytic ..., ...}. */
    public String worst() {
      if (worstIndex < 0) {
        return name + ": nothing checked";
      }
      String entry =
          cols == 1
              ? name + "[" + worstIndex + "]"
              : name
                  + "["
                  + worstIndex / cols
                  + "]["
                  + worstIndex % cols
                  + "] (index "
                  + worstIndex
                  + ")";
      return String.format(
          Locale.ROOT, "%s: analytic %.12g, numerical %.12g", entry, worstAnalytic, worstNumerical);
    }
  }

  /**
   * The outcome for the whole network: the worst entry by {@link #worstRatio()}.
   *
   * @param checked number of parameters compared
   * @param worstRatio {@code |a - n| / (absTol + relTol max(|a|, |n|))} of the worst entry
   * @param worst a description of the worst entry: parameter, index, analytic and numeric values
   */
  public record Result(int checked, double worstRatio, String worst) {
    /** True if every entry is within tolerance. */
    public boolean passed() {
      return worstRatio <= 1.0;
    }

    /** The summary of per-tensor results: their total count and their worst entry. */
    public static Result of(List<TensorResult> tensors) {
      int checked = 0;
      TensorResult worst = null;
      for (TensorResult tensor : tensors) {
        checked += tensor.checked();
        boolean worse = worst == null || !(tensor.worstRatio() <= worst.worstRatio());
        if (tensor.worstIndex() >= 0 && worse) {
          worst = tensor;
        }
      }
      return worst == null
          ? new Result(checked, 0, "none")
          : new Result(checked, worst.worstRatio(), worst.worst());
    }
  }

  /**
   * Compares the analytic gradient of the objective of {@code inputs}/{@code targets} with central
   * differences of step {@code h} for every entry, with tolerances {@code absTol + relTol max(|a|,
   * |n|)}.
   */
  public static Result check(
      CompiledNetwork network,
      double[][] inputs,
      double[][] targets,
      double h,
      double absTol,
      double relTol) {
    return Result.of(
        checkTensors(
            network,
            inputs,
            targets,
            new Options(h, absTol, relTol, Integer.MAX_VALUE, OptionalLong.empty())));
  }

  /** {@link #checkTensors} summarised as one verdict for the whole network. */
  public static Result check(
      CompiledNetwork network, double[][] inputs, double[][] targets, Options options) {
    return Result.of(checkTensors(network, inputs, targets, options));
  }

  /**
   * Compares the analytic gradient of the objective of {@code inputs}/{@code targets} with central
   * differences, tensor by tensor in the order of {@link CompiledNetwork#parameters()}, on the
   * entries {@code options} selects. For a {@link DropoutNetwork} the masks are fixed: example
   * {@code e} uses the masks of key {@code e} in the gradient and in every evaluation of the
   * objective, which is then the loss of the training pass (computed in a {@link
   * CompiledNetwork#copy()}).
   */
  public static List<TensorResult> checkTensors(
      CompiledNetwork network, double[][] inputs, double[][] targets, Options options) {
    if (inputs.length != targets.length || inputs.length == 0) {
      throw new IllegalArgumentException(
          "need as many targets as inputs, at least one: " + inputs.length + ", " + targets.length);
    }
    double lambda = lambda(network);
    // the masked loss is computed in a copy, whose gradient accumulators are never read
    CompiledNetwork masked = network instanceof DropoutNetwork ? network.copy() : null;
    network.clearGradient();
    for (int e = 0; e < inputs.length; e++) {
      if (masked != null) {
        ((DropoutNetwork) network).dropoutKey(e);
      }
      network.accumulateGradient(inputs[e], targets[e]);
    }
    List<ParameterTensor> parameters = network.parameters();
    List<ParameterTensor> gradients = network.gradients();
    List<TensorResult> results = new ArrayList<>();
    for (int p = 0; p < parameters.size(); p++) {
      ParameterTensor param = parameters.get(p);
      ParameterTensor grad = gradients.get(p);
      int checked = 0;
      double maxAbs = 0;
      double maxRel = 0;
      double worstRatio = 0;
      int worstIndex = -1;
      double worstAnalytic = 0;
      double worstNumerical = 0;
      for (int k : entries(param.size(), options)) {
        double original = param.get(k);
        double analytic = grad.get(k) + (param.isVector() ? 0 : lambda * original);
        param.set(k, original + options.step());
        double up = param.get(k); // as rounded by a float network
        double plus = objective(network, masked, inputs, targets, lambda);
        param.set(k, original - options.step());
        double down = param.get(k);
        double minus = objective(network, masked, inputs, targets, lambda);
        param.set(k, original);
        double numerical = (plus - minus) / (up - down);
        double abs = Math.abs(analytic - numerical);
        double scale = Math.max(Math.abs(analytic), Math.abs(numerical));
        double ratio = abs / (options.absTol() + options.relTol() * scale);
        maxAbs = Math.max(maxAbs, abs);
        if (scale > RELATIVE_FLOOR) {
          maxRel = Math.max(maxRel, abs / scale);
        }
        checked++;
        if (worstIndex < 0 || !(ratio <= worstRatio)) {
          worstRatio = ratio;
          worstIndex = k;
          worstAnalytic = analytic;
          worstNumerical = numerical;
        }
      }
      results.add(
          new TensorResult(
              param.name(),
              param.rows(),
              param.cols(),
              checked,
              maxAbs,
              maxRel,
              worstRatio,
              worstIndex,
              worstAnalytic,
              worstNumerical));
    }
    return results;
  }

  /** The row-major indices of a tensor of {@code size} entries that {@code options} checks. */
  static int[] entries(int size, Options options) {
    int count = Math.min(size, options.maxPerTensor());
    int[] indices = new int[count];
    if (count == size) {
      Arrays.setAll(indices, i -> i);
    } else if (options.sampleSeed().isEmpty()) {
      for (int i = 0; i < count; i++) {
        indices[i] = (int) ((long) i * size / count);
      }
    } else {
      // a partial Fisher-Yates shuffle: the first count entries of a random permutation
      int[] all = new int[size];
      Arrays.setAll(all, i -> i);
      SplittableRandom random = new SplittableRandom(options.sampleSeed().getAsLong());
      for (int i = 0; i < count; i++) {
        int j = i + random.nextInt(size - i);
        int swap = all[i];
        all[i] = all[j];
        all[j] = swap;
      }
      System.arraycopy(all, 0, indices, 0, count);
      Arrays.sort(indices);
    }
    return indices;
  }

  /** The l2 hyper-parameter {@code lambda} of {@code network}, 0 without l2. */
  private static double lambda(CompiledNetwork network) {
    return network.hyperparameterNames().contains("lambda") ? network.hyperparameter("lambda") : 0;
  }

  /** The summed loss of the examples plus {@code lambda / 2 * sum w^2}. */
  public static double objective(
      CompiledNetwork network, double[][] inputs, double[][] targets, double lambda) {
    return objective(network, null, inputs, targets, lambda);
  }

  /**
   * {@link #objective(CompiledNetwork, double[][], double[][], double)}, or with {@code masked} (a
   * copy of a {@link DropoutNetwork}) the loss of the training pass with example {@code e}'s masks
   * from key {@code e}.
   */
  private static double objective(
      CompiledNetwork network,
      CompiledNetwork masked,
      double[][] inputs,
      double[][] targets,
      double lambda) {
    double sum = 0;
    for (int e = 0; e < inputs.length; e++) {
      if (masked == null) {
        sum += network.loss(inputs[e], targets[e]);
      } else {
        ((DropoutNetwork) masked).dropoutKey(e);
        sum += masked.accumulateGradient(inputs[e], targets[e]);
      }
    }
    if (lambda != 0) {
      double squares = 0;
      for (ParameterTensor param : network.parameters()) {
        if (!param.isVector()) {
          for (int k = 0; k < param.size(); k++) {
            squares += param.get(k) * param.get(k);
          }
        }
      }
      sum += lambda / 2 * squares;
    }
    return sum;
  }
}
