package dev.netc.benchmarks;

import dev.netc.runtime.network.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/** What the hand-written baselines share: their spec, layer names, seed and hyper-parameters. */
final class HandSpecs {
  /** The seed of {@code init xavier(seed = 1)} in the {@code .nn} files. */
  static final long SEED = 1;

  static final List<String> HYPERPARAMETERS = List.of("rate");

  private HandSpecs() {}

  static String layerName(int l) {
    return "layer" + (l + 1);
  }

  static void checkHyperparameter(String name) {
    if (!"rate".equals(name)) {
      throw new IllegalArgumentException(
          "unknown hyper-parameter " + name + "; the only one is rate");
    }
  }

  static NetworkSpec spec(Workload workload, Precision precision) {
    List<NetworkSpec.LayerSpec> layers = new ArrayList<>();
    for (int l = 0; l < workload.layerCount(); l++) {
      layers.add(
          new NetworkSpec.LayerSpec(
              layerName(l),
              workload.units().get(l),
              workload.activations().get(l).dslName(),
              Double.NaN));
    }
    String name = workload.name() + "Hand" + (precision == Precision.DOUBLE ? "Double" : "Float");
    return new NetworkSpec(
        name,
        HandSpecs.class.getPackageName() + "." + name,
        "(hand-written)",
        workload.inputSize(),
        layers,
        "cross_entropy",
        precision.toString(),
        "sgd(rate = 0.01, momentum = 0, nesterov = 0)",
        "(hand-written: " + workload.topology() + ")");
  }
}
