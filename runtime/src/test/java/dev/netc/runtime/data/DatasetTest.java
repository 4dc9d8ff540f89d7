package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.netc.runtime.testing.TestData;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetTest {

  @Test
  void permutationsAreFixedBySeed() {
    int[] a = Dataset.permutation(10, 42);
    assertArrayEquals(a, Dataset.permutation(10, 42));
    assertNotEquals(Arrays.toString(a), Arrays.toString(Dataset.permutation(10, 43)));
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
  }

  private static int[] counts(Dataset data) {
    int[] counts = new int[data.classNames().size()];
    for (int label : data.labels()) {
      counts[label]++;
    }
    return counts;
  }

  @Test
  void stratifiedSplitKeepsEachClassShare() {
    Dataset.Split split = TestData.iris().split(0.3, 1, true);
    assertArrayEquals(new int[] {15, 15, 15}, counts(split.test()));
    assertArrayEquals(new int[] {35, 35, 35}, counts(split.train()));
    Dataset.Split again = TestData.iris().split(0.3, 1, true);
    assertArrayEquals(split.test().features(0), again.test().features(0));
  }

  @Test
  void plainSplitTakesTheRoundedFraction() {
    Dataset.Split split = TestData.iris().split(0.25, 3, false);
    assertEquals(38, split.test().size());
    assertEquals(112, split.train().size());
  }

  @Test
  void kFoldPutsEveryExampleInExactlyOneTestFold() {
    Dataset iris = TestData.iris();
    List<Dataset.Split> folds = iris.kFold(5, 7, true);
    assertEquals(5, folds.size());
    Set<double[]> seen = new HashSet<>();
    for (Dataset.Split fold : folds) {
      assertEquals(30, fold.test().size());
      assertEquals(120, fold.train().size());
      assertArrayEquals(new int[] {10, 10, 10}, counts(fold.test()));
      for (double[] row : fold.test().features()) {
        seen.add(row); // identity: rows are shared, not copied
      }
    }
    assertEquals(150, seen.size());
  }

  @Test
  void sliceSelectAndShuffleKeepNames() {
    Dataset iris = TestData.iris();
    Dataset slice = iris.slice(10, 20);
    assertEquals(10, slice.size());
    assertEquals(iris.features(10), slice.features(0));
    assertEquals(iris.classNames(), iris.shuffled(1).classNames());
    assertEquals(iris.features(5), iris.select(new int[] {5}).features(0));
  }

  @Test
  void scalersFitOnTrainingDataOnly() {
    Dataset train = Dataset.of(new double[][] {{1, 5}, {3, 5}}, new double[][] {{0}, {1}});
    Scaler standard = Scaler.fit(Scaler.Kind.STANDARD, train);
    assertArrayEquals(new double[] {2, 5}, standard.offsets());
    assertArrayEquals(new double[] {1, 1}, standard.scales(), "constant feature gets scale 1");
    Scaler minMax = Scaler.fit(Scaler.Kind.MIN_MAX, train);
    double[] x = {2, 7};
    minMax.applyInPlace(x);
    assertArrayEquals(new double[] {0.5, 2}, x);
    assertArrayEquals(new double[] {-1, 0}, standard.apply(train).features(0));
    assertEquals(Scaler.Kind.MIN_MAX, Scaler.Kind.of("minmax"));
  }
}
