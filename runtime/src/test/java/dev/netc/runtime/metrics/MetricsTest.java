package dev.netc.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.testing.ReferenceMlp;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  // actual rows, predicted columns: cat 5 right 1 as dog; dog 2 as cat 3 right; bird 0 of 1 right.
  private static final int[][] CONFUSION = {{5, 1, 0}, {2, 3, 0}, {0, 1, 0}};

  @Test
  void precisionRecallF1AndMacroAveragesFromTheConfusionMatrix() {
    ClassificationMetrics m =
        new ClassificationMetrics(List.of("cat", "dog", "bird"), CONFUSION, 0.5);
    assertEquals(12, m.examples());
    assertEquals(8 / 12.0, m.accuracy());
    assertEquals(5 / 7.0, m.precision(0));
    assertEquals(5 / 6.0, m.recall(0));
    assertEquals(2 * (5 / 7.0) * (5 / 6.0) / (5 / 7.0 + 5 / 6.0), m.f1(0), 1e-15);
    assertEquals(3 / 5.0, m.precision(1));
    assertEquals(0, m.precision(2), "never predicted: 0");
    assertEquals(0, m.f1(2));
    assertEquals((5 / 7.0 + 3 / 5.0 + 0) / 3, m.macroPrecision(), 1e-15);
    assertEquals((5 / 6.0 + 3 / 5.0 + 0) / 3, m.macroRecall(), 1e-15);
  }

  @Test
  void classificationTableIsAligned() {
    ClassificationMetrics m =
        new ClassificationMetrics(List.of("cat", "dog", "bird"), CONFUSION, 0.5);
    assertEquals(
        """
        examples  12
        loss      0.500000
        accuracy  66.67% (8/12)

        class      precision  recall      f1  support
        ---------------------------------------------
        cat           0.7143  0.8333  0.7692        6
        dog           0.6000  0.6000  0.6000        5
        bird          0.0000  0.0000  0.0000        1
        macro avg     0.4381  0.4778  0.4564       12

        actual \\ predicted  cat  dog  bird
        ----------------------------------
        cat                   5    1     0
        dog                   2    3     0
        bird                  0    1     0
        """,
        m.toTable());
  }

  @Test
  void evaluatorCountsPredictionsOfTheNetwork() {
    ReferenceMlp net = ReferenceMlp.classifier(2, 3, 2, 1, 0.1, 0);
    Dataset data =
        Dataset.classification(
            "d",
            new double[][] {{0, 1}, {1, 0}, {3, -2}},
            new int[] {0, 1, 1},
            List.of("a", "b"),
            List.of());
    ClassificationMetrics m = Evaluator.classification(net, data);
    int[][] expected = new int[2][2];
    double loss = 0;
    for (int i = 0; i < 3; i++) {
      expected[data.label(i)][net.classify(data.features(i))]++;
      loss += net.loss(data.features(i), data.target(i));
    }
    assertArrayEquals(expected[0], m.confusion()[0]);
    assertArrayEquals(expected[1], m.confusion()[1]);
    assertEquals(loss / 3, m.loss());
  }

  @Test
  void regressionMetrics() {
    // A linear network with weights 0: predicts 0 for everything.
    ReferenceMlp zero =
        new ReferenceMlp(
            "Zero", 1, new int[] {1}, new String[] {"linear"}, "squared_error", 1, 0.1, 0);
    zero.parameters().get(0).set(0, 0);
    Dataset data = Dataset.of(new double[][] {{1}, {2}, {3}}, new double[][] {{1}, {2}, {6}});
    RegressionMetrics m = Evaluator.regression(zero, data);
    assertEquals(3, m.examples());
    assertEquals((1 + 4 + 36) / 3.0, m.mse(), 1e-15);
    assertEquals(3, m.mae(), 1e-15);
    assertEquals((0.5 + 2 + 18) / 3.0, m.loss(), 1e-15);
    // mean 3, SS_tot = 4 + 1 + 9 = 14, SS_res = 41
    assertEquals(1 - 41 / 14.0, m.r2(), 1e-15);
    assertEquals(
        """
        metric        value
        -------------------
        examples          3
        loss       6.833333
        mse       13.666667
        mae        3.000000
        r2        -1.928571
        """,
        m.toTable());
  }
}
