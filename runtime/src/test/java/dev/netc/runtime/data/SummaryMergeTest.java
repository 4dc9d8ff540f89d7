package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The statistics of preprocessing and scaling fitted in parts and merged equal one pass. */
class SummaryMergeTest {
  @Test
  void columnSummariesMergedInPartsGiveTheFitOfTheWholeColumn() {
    SplittableRandom random = new SplittableRandom(5);
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      numbers.add(random.nextInt(10) == 0 ? "NA" : Double.toString(random.nextDouble(-1e5, 1e5)));
    }
    ColumnSummary whole = ColumnSummary.numbers();
    numbers.forEach(whole::add);
    for (int parts = 2; parts <= 4; parts++) {
      ColumnSummary merged = ColumnSummary.numbers();
      int size = numbers.size() / parts + 1;
      for (int p = 0; p < parts; p++) {
        ColumnSummary part = ColumnSummary.numbers();
        numbers
            .subList(Math.min(p * size, numbers.size()), Math.min((p + 1) * size, numbers.size()))
            .forEach(part::add);
        merged.merge(part);
      }
      assertEquals(whole.column("x"), merged.column("x"));
      assertEquals(whole.count(), merged.count());
    }
    assertFalse(whole.isCategorical());

    ColumnSummary text = ColumnSummary.numbers();
    List.of("1", " ", "Dream", "2.5").forEach(text::add);
    assertTrue(text.isCategorical());
    assertEquals("Dream", text.text().orElseThrow());
    ColumnSummary levels = ColumnSummary.levels();
    ColumnSummary other = ColumnSummary.levels();
    List.of("1", "Dream ", "null").forEach(levels::add);
    List.of("Biscoe", "2.5", "?").forEach(other::add);
    levels.merge(other);
    assertEquals(
        Preprocessor.Column.categorical("island", List.of("1", "2.5", "Biscoe", "Dream")),
        levels.column("island"));

    ColumnSummary labels = ColumnSummary.levels();
    List.of("10", "+2", "02", "1").forEach(labels::add);
    assertEquals(List.of("1", "2", "10"), labels.classNames());
  }

  @Test
  void scalerSummariesMergedInPartsGiveTheScalerOfTheWholeData() {
    SplittableRandom random = new SplittableRandom(9);
    double[][] rows = new double[3_001][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {random.nextDouble(-1, 1) * 1e6, 3.0, random.nextGaussian() * 1e-3};
    }
    Dataset data = Dataset.of(rows, new double[rows.length][1]);
    for (Scaler.Kind kind : Scaler.Kind.values()) {
      Scaler whole = Scaler.fit(kind, data);
      for (int parts = 2; parts <= 3; parts++) {
        Scaler.Summary pass = Scaler.Summary.of(kind, 3);
        while (true) {
          Scaler.Summary merged = pass.emptyCopy();
          for (int p = parts - 1; p >= 0; p--) {
            Scaler.Summary part = pass.emptyCopy();
            for (int i = p; i < rows.length; i += parts) {
              part.add(rows[i]);
            }
            merged.merge(part);
          }
          if (merged.isComplete()) {
            assertEquals(whole, merged.scaler(), kind + ", " + parts + " parts");
            break;
          }
          pass = merged.next();
        }
      }
      assertEquals(1.0, whole.scales()[1], 0.0);
      if (kind == Scaler.Kind.STANDARD) {
        // The mean as the exact sum, rounded, over n.
        ExactSum sum = new ExactSum();
        Arrays.stream(rows).forEach(r -> sum.add(r[0]));
        assertEquals(sum.value() / rows.length, whole.offsets()[0], 0.0);
      }
    }
  }
}
