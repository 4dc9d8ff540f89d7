package dev.netc.runtime.data;

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

  /** Fits a scaler of {@code kind} on {@code training} (never on test or validation data). */
  public static Scaler fit(Kind kind, Dataset training) {
    int width = training.featureCount();
    double[] offsets = new double[width];
    double[] scales = new double[width];
    int n = training.size();
    for (int j = 0; j < width; j++) {
      if (n == 0) {
        scales[j] = 1;
        continue;
      }
      if (kind == Kind.STANDARD) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += training.features(i)[j];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
          double d = training.features(i)[j] - mean;
          squares += d * d;
        }
        offsets[j] = mean;
        scales[j] = nonZero(Math.sqrt(squares / n));
      } else {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          min = Math.min(min, training.features(i)[j]);
          max = Math.max(max, training.features(i)[j]);
        }
        offsets[j] = min;
        scales[j] = nonZero(max - min);
      }
    }
    return new Scaler(kind, offsets, scales);
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
