package dev.netc.generator.plan;

import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Network;
import java.util.List;

/**
 * Everything the emitter needs to write one network's class, decided: names, the code shape of
 * each layer, whether the stochastic step is fused.
 *
 * @param network the checked model
 * @param packageName the Java package ("" for none)
 * @param className the simple class name
 * @param layers one plan per dense layer, in order
 * @param fusedTrainStep true if {@code trainStep} fuses backward and update (every optimizer is
 *     elementwise; only {@code clip norm}, which needs the whole step's gradient first, prevents it)
 * @param methodBudget estimated bytecode bytes above which straight-line code is split into helpers
 */
public record NetworkPlan(
    Network network,
    String packageName,
    String className,
    List<LayerPlan> layers,
    boolean fusedTrainStep,
    int methodBudget) {

  public NetworkPlan {
    layers = List.copyOf(layers);
  }

  /** The qualified class name. */
  public String qualifiedName() {
    return packageName.isEmpty() ? className : packageName + "." + className;
  }

  /** The output layer's plan. */
  public LayerPlan output() {
    return layers.get(layers.size() - 1);
  }

  /** True if the network clips by norm. */
  public boolean clipsNorm() {
    return network.clip().map(c -> c instanceof Clip.Norm).orElse(false);
  }
}
