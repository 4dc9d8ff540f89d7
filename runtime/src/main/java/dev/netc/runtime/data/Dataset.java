package dev.netc.runtime.data;

import dev.netc.runtime.init.NetcRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of feature vectors and target vectors, with the names of the features and, for
 * classification, of the classes. A classification dataset has one-hot targets, one column per
 * class in the order of {@link #classNames()}; a regression dataset has any numeric targets and no
 * class names; a dataset for prediction only may have targets of width 0.
 *
 * <p>Immutable in its shape; the row arrays are shared, not copied (by {@link #slice}, {@link
 * #select} and the splits too), so callers must not modify them. Every operation that shuffles
 * takes a seed and gives the same result on every machine ({@link NetcRandom}).
 */
public final class Dataset {
  private final String name;
  private final double[][] features;
  private final double[][] targets;
  private final List<String> featureNames;
  private final List<String> classNames;

  /**
   * @param name where the data came from (a file name), used in messages
   * @param features one row per example, all of one width
   * @param targets one row per example, all of one width (0 for data without targets)
   * @param featureNames one per feature column (empty list: named {@code x1}, {@code x2}, ...)
   * @param classNames one per target column for classification, else empty
   */
  public Dataset(
      String name,
      double[][] features,
      double[][] targets,
      List<String> featureNames,
      List<String> classNames) {
    if (features.length != targets.length) {
      throw new IllegalArgumentException(
          name + ": " + features.length + " feature rows but " + targets.length + " target rows");
    }
    int width = features.length == 0 ? featureNames.size() : features[0].length;
    int targetWidth = targets.length == 0 ? classNames.size() : targets[0].length;
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != width || targets[i].length != targetWidth) {
        throw new IllegalArgumentException(name + ": row " + i + " has a different width");
      }
    }
    if (!featureNames.isEmpty() && featureNames.size() != width) {
      throw new IllegalArgumentException(
          name + ": " + featureNames.size() + " feature names for " + width + " features");
    }
    if (!classNames.isEmpty() && classNames.size() != targetWidth) {
      throw new IllegalArgumentException(
          name + ": " + classNames.size() + " class names for " + targetWidth + " targets");
    }
    this.name = name;
    this.features = features;
    this.targets = targets;
    this.featureNames = featureNames.isEmpty() ? defaultNames(width) : List.copyOf(featureNames);
    this.classNames = List.copyOf(classNames);
  }

  /** A dataset without names: features {@code x1, x2, ...}, regression targets. */
  public static Dataset of(double[][] features, double[][] targets) {
    return new Dataset("data", features, targets, List.of(), List.of());
  }

  /**
   * A classification dataset from integer labels (0-based indexes into {@code classNames}), turned
   * into one-hot targets.
   */
  public static Dataset classification(
      String name,
      double[][] features,
      int[] labels,
      List<String> classNames,
      List<String> featureNames) {
    double[][] targets = new double[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException(
            name + ": label " + labels[i] + " of row " + i + " is not one of " + classNames);
      }
      targets[i] = new double[classNames.size()];
      targets[i][labels[i]] = 1.0;
    }
    return new Dataset(name, features, targets, featureNames, classNames);
  }

  private static List<String> defaultNames(int width) {
    List<String> names = new ArrayList<>(width);
    for (int j = 1; j <= width; j++) {
      names.add("x" + j);
    }
    return List.copyOf(names);
  }

  /** Where the data came from (a file name), for messages. */
  public String name() {
    return name;
  }

  /** Number of examples. */
  public int size() {
    return features.length;
  }

  /** Number of features per example (the network's input width). */
  public int featureCount() {
    return featureNames.size();
  }

  /** Number of targets per example (the network's output width), 0 for prediction-only data. */
  public int targetCount() {
    return targets.length == 0 ? classNames.size() : targets[0].length;
  }

  /** The feature vector of example {@code i} (shared, do not modify). */
  public double[] features(int i) {
    return features[i];
  }

  /** The target vector of example {@code i} (shared, do not modify). */
  public double[] target(int i) {
    return targets[i];
  }

  /** All feature rows (shared, do not modify). */
  public double[][] features() {
    return features;
  }

  /** All target rows (shared, do not modify). */
  public double[][] targets() {
    return targets;
  }

  /** Names of the features, in column order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** Names of the classes in the order of the one-hot target columns; empty for regression. */
  public List<String> classNames() {
    return classNames;
  }

  /** True if the targets are one-hot classes (there are class names). */
  public boolean isClassification() {
    return !classNames.isEmpty();
  }

  /** True if the examples have targets (width above 0). */
  public boolean hasTargets() {
    return targetCount() > 0;
  }

  /**
   * Checks that this data fits a network with {@code inputs} inputs and {@code outputs} outputs
   * (the targets are only checked if there are any), else a {@link DataException} saying what
   * differs.
   */
  public void requireShape(int inputs, int outputs, String network) {
    if (featureCount() != inputs) {
      throw new DataException(
          name,
          "has "
              + featureCount()
              + " feature columns but "
              + network
              + " takes "
              + inputs
              + " inputs (choose the label, target and ignored columns so that "
              + inputs
              + " remain)");
    }
    if (hasTargets() && targetCount() != outputs) {
      throw new DataException(
          name,
          "has "
              + targetCount()
              + (isClassification()
                  ? " classes (" + String.join(", ", classNames) + ")"
                  : " targets")
              + " but "
              + network
              + " has "
              + outputs
              + " outputs");
    }
  }

  /**
   * The class index of example {@code i}: the position of the largest target (the first on ties).
   */
  public int label(int i) {
    double[] t = targets[i];
    int best = 0;
    for (int k = 1; k < t.length; k++) {
      if (t[k] > t[best]) {
        best = k;
      }
    }
    return best;
  }

  /** The class index of every example ({@link #label(int)}). */
  public int[] labels() {
    int[] labels = new int[size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = label(i);
    }
    return labels;
  }

  /** Examples {@code from} (inclusive) to {@code to} (exclusive), in order. */
  public Dataset slice(int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size());
    }
    return withRows(Arrays.copyOfRange(features, from, to), Arrays.copyOfRange(targets, from, to));
  }

  /** The examples at {@code indices}, in that order. */
  public Dataset select(int[] indices) {
    double[][] f = new double[indices.length][];
    double[][] t = new double[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      f[i] = features[indices[i]];
      t[i] = targets[indices[i]];
    }
    return withRows(f, t);
  }

  /** A dataset with the same names and other rows. */
  public Dataset withRows(double[][] newFeatures, double[][] newTargets) {
    return new Dataset(name, newFeatures, newTargets, featureNames, classNames);
  }

  /** The examples in the order of {@link #permutation(int, long)}. */
  public Dataset shuffled(long seed) {
    return select(permutation(size(), seed));
  }

  /**
   * Splits off a test set of {@code Math.round(testFraction * size())} examples (per class when
   * {@code stratified}, so that each class keeps its share), chosen from {@code seed}. Both parts
   * are shuffled, so training in file order afterwards does not see the classes in blocks.
   *
   * @param testFraction in (0, 1)
   * @param stratified keep each class's share in both parts (classification only)
   */
  public Split split(double testFraction, long seed, boolean stratified) {
    return select(splitIndices(testFraction, seed, stratified));
  }

  /**
   * The example indices of {@link #split(double, long, boolean)}: the same parts, as positions in
   * this dataset, so that other data of the same rows (the raw table it was encoded from, say) can
   * be split the same way.
   */
  public IndexSplit splitIndices(double testFraction, long seed, boolean stratified) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction must be in (0, 1): " + testFraction);
    }
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int[] group : groups(seed, stratified)) {
      int testCount = (int) Math.round(testFraction * group.length);
      for (int i = 0; i < group.length; i++) {
        (i < testCount ? test : train).add(group[i]);
      }
    }
    return new IndexSplit(mixed(train, seed + 1), mixed(test, seed + 2));
  }

  /**
   * {@code k} folds for cross-validation, chosen from {@code seed} (per class when {@code
   * stratified}): fold {@code i}'s test set is every k-th example of the shuffled order starting at
   * {@code i}, its training set all the others. Every example is in exactly one test set.
   */
  public List<Split> kFold(int k, long seed, boolean stratified) {
    return kFoldIndices(k, seed, stratified).stream().map(this::select).toList();
  }

  /** The example indices of {@link #kFold(int, long, boolean)}'s folds, as positions here. */
  public List<IndexSplit> kFoldIndices(int k, long seed, boolean stratified) {
    if (k < 2 || k > size()) {
      throw new IllegalArgumentException("k must be in [2, " + size() + "]: " + k);
    }
    List<List<Integer>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(new ArrayList<>());
    }
    int position = 0;
    for (int[] group : groups(seed, stratified)) {
      for (int index : group) {
        folds.get(position++ % k).add(index);
      }
    }
    List<IndexSplit> splits = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      List<Integer> train = new ArrayList<>();
      for (int g = 0; g < k; g++) {
        if (g != f) {
          train.addAll(folds.get(g));
        }
      }
      splits.add(new IndexSplit(mixed(train, seed + 1), mixed(folds.get(f), seed + 2)));
    }
    return List.copyOf(splits);
  }

  private Split select(IndexSplit indices) {
    return new Split(select(indices.train()), select(indices.test()));
  }

  /** The indices shuffled from {@code seed}, one group per class when stratified, else one. */
  private List<int[]> groups(long seed, boolean stratified) {
    int[] order = permutation(size(), seed);
    if (!stratified || !isClassification()) {
      return List.of(order);
    }
    int[] counts = new int[classNames.size()];
    for (int index : order) {
      counts[label(index)]++;
    }
    int[][] groups = new int[counts.length][];
    for (int c = 0; c < counts.length; c++) {
      groups[c] = new int[counts[c]];
    }
    int[] filled = new int[counts.length];
    for (int index : order) {
      int c = label(index);
      groups[c][filled[c]++] = index;
    }
    return List.of(groups);
  }

  /** {@code indices} in the order of a permutation from {@code seed}. */
  private static int[] mixed(List<Integer> indices, long seed) {
    int[] perm = permutation(indices.size(), seed);
    int[] chosen = new int[indices.size()];
    for (int i = 0; i < chosen.length; i++) {
      chosen[i] = indices.get(perm[i]);
    }
    return chosen;
  }

  /**
   * A permutation of {@code 0 .. size-1} from {@code seed}: Fisher-Yates from the last position
   * down, drawing {@code j = floor(u * (i + 1))} with {@code u} the next {@link
   * NetcRandom#nextDouble()} of a generator seeded with {@code seed}. Part of netc's
   * reproducibility promise.
   */
  public static int[] permutation(int size, long seed) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    NetcRandom random = new NetcRandom(seed);
    for (int i = size - 1; i > 0; i--) {
      int j = (int) (random.nextDouble() * (i + 1));
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  @Override
  public String toString() {
    return name
        + " ("
        + size()
        + " examples, "
        + featureCount()
        + " features, "
        + (isClassification() ? classNames.size() + " classes)" : targetCount() + " targets)");
  }

  /**
   * A training part and a test part of one dataset.
   *
   * @param train the examples to train on
   * @param test the examples held out
   */
  public record Split(Dataset train, Dataset test) {}

  /**
   * The positions of a training part and a test part in one dataset.
   *
   * @param train the positions of the examples to train on, in training order
   * @param test the positions of the examples held out
   */
  public record IndexSplit(int[] train, int[] test) {}
}
