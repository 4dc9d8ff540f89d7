package dev.netc.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.runtime.network.CompiledNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The classes the netc-maven-plugin generated from {@code src/main/netc/*.nn} during this build are
 * the workloads W1-W4 ({@link Workload}), and the baselines compute the same numbers as they do
 * (the check every JMH state repeats before timing).
 */
class GeneratedClassesTest {

  @ParameterizedTest
  @EnumSource(Workload.class)
  void generatedClassesHaveTheWorkloadsTopology(Workload workload) {
    for (Precision precision : Precision.values()) {
      CompiledNetwork network = Networks.generated(workload, precision);
      assertEquals(workload.topology(), network.spec().topology());
      assertEquals(precision.toString(), network.spec().precision());
      assertEquals(
          Workload.RATE, network.learningRate(), precision == Precision.DOUBLE ? 0.0 : 1e-9);
    }
  }

  @ParameterizedTest
  @EnumSource(Workload.class)
  void handWrittenMatchesGeneratedInBothPrecisions(Workload workload) {
    Examples examples = Examples.of(workload);
    for (Precision precision : Precision.values()) {
      Validation.check(
          Networks.generated(workload, precision),
          Networks.handWritten(workload, precision),
          examples,
          Validation.tolerance(precision));
    }
  }

  @ParameterizedTest
  @EnumSource(Workload.class)
  void handWrittenStartsFromTheSameSeededParameters(Workload workload) {
    CompiledNetwork generated = Networks.generated(workload, Precision.DOUBLE);
    CompiledNetwork hand = Networks.handWritten(workload, Precision.DOUBLE);
    for (int p = 0; p < generated.parameters().size(); p++) {
      for (int k = 0; k < generated.parameters().get(p).size(); k += 97) {
        assertEquals(
            generated.parameters().get(p).get(k),
            hand.parameters().get(p).get(k),
            workload + " " + generated.parameters().get(p).name() + "[" + k + "]");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Workload.class)
  void encogMatchesGenerated(Workload workload) {
    Examples examples = Examples.of(workload);
    Validation.checkEncog(
        Networks.generated(workload, Precision.DOUBLE),
        new EncogBaseline(workload, examples),
        examples);
  }
}
