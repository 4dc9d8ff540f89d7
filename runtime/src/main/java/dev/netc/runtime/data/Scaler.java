package dev.netc.runtime.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * Feature scaling, opt-in: each feature {@code x_j} becomes {@code (x_j - offset_j) / scale_j}.
 * Fitted on the training data only ({@link #fit}), saved in the weight file, and applied again to
 * the data at prediction. A feature that is constant in the training data gets scale 1 (it is only
 * shifted), so that no division by zero occurs.
 */
public final class Scaler {

  /** The kinds of scaling, with their names in weight files and on the command line. */
  public enum Kind {
    /** Standardization: offset the mean, scale the standard deviation (population, 1/n). */
    STANDARD("standard"),
    /** Min-max to [0, 1]: offset the minimum, scale the range. */
    MIN_MAX("minmax");

    private final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }

    /** The name used in weight files and options: {@code standard} or {@code minmax}. */
    public String spelling() {
      return spelling;
    }

    /**
     * The kind named {@code spelling}, or an {@link IllegalArgumentException} naming the choices.
     */
    public static Kind of(String spelling) {
      for (Kind kind : values()) {
        if (kind.spelling.equals(spelling.toLowerCase(Locale.ROOT))) {
          return kind;
        }
      }
      throw new IllegalArgumentException(
          "unknown scaling '" + spelling + "' (expected standard or minmax)");
    }
  }

  private final Kind kind;
  private final double[] offsets;
  private final double[] scales;

  /** A scaler with given parameters (as read back from a weight file). */
  public Scaler(Kind kind, double[] offsets, double[] scales) {
    if (offsets.length != scales.length) {
      throw new IllegalArgumentException(
          offsets.length + " offsets but " + scales.length + " scales");
    }
    this.kind = kind;
    this.offsets = offsets.clone();
    this.scales = scales.clone();
  }

  /**
   * Fits a scaler of {@code kind} on {@code training} (never on test or validation data): the
   * statistics of {@link Summary}, in one pass (min-max) or two (standard).
   */
  public static Scaler fit(Kind kind, Dataset training) {
    Summary summary = Summary.of(kind, training.featureCount());
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < training.size(); i++) {
        summary.add(training.features(i));
      }
      if (summary.isComplete()) {
        break;
      }
      summary = summary.next();
    }
    return summary.scaler();
  }

  /**
   * The statistics a scaler is fitted from, filled row by row and mergeable in any grouping with
   * the same result (sums are {@link ExactSum}s), so that data split in parts (the partitions of a
   * cluster) fits exactly the scaler of the whole data. Standard scaling takes two passes: the
   * first sums the features (their means), the second ({@link #next()}) the squared deviations from
   * those means (the population standard deviation); min-max takes one.
   */
  public static final class Summary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Kind kind;

    /** The means of the first pass, in the second pass of standard scaling; else null. */
    private final double[] means;

    private long count;
    private final ExactSum[] sums;
    private final double[] min;
    private final double[] max;

    private Summary(Kind kind, int width, double[] means) {
      this.kind = kind;
      this.means = means;
      this.sums = new ExactSum[width];
      for (int j = 0; j < width; j++) {
        sums[j] = new ExactSum();
      }
      this.min = new double[width];
      this.max = new double[width];
      Arrays.fill(min, Double.POSITIVE_INFINITY);
      Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /**
     * The first (for min-max, only) pass of fitting a scaler of {@code kind} on features of {@code
     * width}.
     */
    public static Summary of(Kind kind, int width) {
      return new Summary(kind, width, null);
    }

    /** An empty summary of the same pass (for another part of the data). */
    public Summary emptyCopy() {
      return new Summary(kind, sums.length, means);
    }

    /** Adds one row's features. */
    public void add(double[] features) {
      if (features.length != sums.length) {
        throw new IllegalArgumentException(
            "a scaler of " + sums.length + " features, got " + features.length);
      }
      count++;
      for (int j = 0; j < features.length; j++) {
        double x = features[j];
        if (kind == Kind.MIN_MAX) {
          min[j] = Math.min(min[j], x);
          max[j] = Math.max(max[j], x);
        } else if (means == null) {
          sums[j].add(x);
        } else {
          double d = x - means[j];
          sums[j].add(d * d);
        }
      }
    }

    /** Adds what {@code other}, the same pass over other rows, holds. */
    public void merge(Summary other) {
      if (other.kind != kind
          || other.sums.length != sums.length
          || (other.means == null) != (means == null)) {
        throw new IllegalArgumentException("merging summaries of different passes");
      }
      count += other.count;
      for (int j = 0; j < sums.length; j++) {
        sums[j].add(other.sums[j]);
        min[j] = Math.min(min[j], other.min[j]);
        max[j] = Math.max(max[j], other.max[j]);
      }
    }

    /**
     * Whether the scaler can be fitted from this pass ({@link #scaler()}), else see {@link
     * #next()}.
     */
    public boolean isComplete() {
      return kind == Kind.MIN_MAX || means != null || count == 0;
    }

    /** The second pass of standard scaling, about the means of this first pass. */
    public Summary next() {
      if (isComplete()) {
        throw new IllegalStateException("this pass is the last");
      }
      double[] m = new double[sums.length];
      for (int j = 0; j < m.length; j++) {
        m[j] = sums[j].value() / count;
      }
      return new Summary(kind, sums.length, m);
    }

    /** The fitted scaler; a feature without rows or constant gets scale 1. */
    public Scaler scaler() {
      if (!isComplete()) {
        throw new IllegalStateException("standard scaling needs a second pass: next()");
      }
      int width = sums.length;
      double[] offsets = new double[width];
      double[] scales = new double[width];
      for (int j = 0; j < width; j++) {
        if (count == 0) {
          scales[j] = 1;
        } else if (kind == Kind.STANDARD) {
          offsets[j] = means[j];
          scales[j] = nonZero(Math.sqrt(sums[j].value() / count));
        } else {
          offsets[j] = min[j];
          scales[j] = nonZero(max[j] - min[j]);
        }
      }
      return new Scaler(kind, offsets, scales);
    }
  }

  private static double nonZero(double scale) {
    return scale > 0 ? scale : 1.0;
  }

  /** Which scaling this is. */
  public Kind kind() {
    return kind;
  }

  /** Number of features it scales. */
  public int width() {
    return offsets.length;
  }

  /** The offsets (means or minimums), a copy. */
  public double[] offsets() {
    return offsets.clone();
  }

  /** The scales (standard deviations or ranges, 1 for constant features), a copy. */
  public double[] scales() {
    return scales.clone();
  }

  /** Scales one feature vector in place. */
  public void applyInPlace(double[] features) {
    if (features.length != offsets.length) {
      throw new IllegalArgumentException(
          "scaler fitted on " + offsets.length + " features, got " + features.length);
    }
    for (int j = 0; j < features.length; j++) {
      features[j] = (features[j] - offsets[j]) / scales[j];
    }
  }

  /** A scaled copy of {@code data} (targets shared). */
  public Dataset apply(Dataset data) {
    if (data.featureCount() != offsets.length) {
      throw new DataException(
          data.name(),
          "has "
              + data.featureCount()
              + " features but the scaling was fitted on "
              + offsets.length);
    }
    double[][] scaled = new double[data.size()][];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = data.features(i).clone();
      applyInPlace(scaled[i]);
    }
    return data.withRows(scaled, data.targets());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Scaler s
        && kind == s.kind
        && Arrays.equals(offsets, s.offsets)
        && Arrays.equals(scales, s.scales);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(offsets) * 17 + Arrays.hashCode(scales);
  }

  @Override
  public String toString() {
    return kind.spelling() + " scaling of " + offsets.length + " features";
  }
}
