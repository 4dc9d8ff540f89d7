package dev.netc.generator.plan;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the emitter needs to write one network's class, decided: names, the shape of each
 * layer's code and methods, whether the stochastic step is fused, how vectors are copied.
 *
 * @param network the checked model
 * @param packageName the Java package ("" for none)
 * @param className the simple class name
 * @param features one plan per convolution or pooling layer, in order (before the dense layers)
 * @param layers one plan per dense layer, in order
 * @param fusedTrainStep true if {@code trainStep} fuses backward and update (every optimizer is
 *     elementwise; only {@code clip norm}, which needs the whole step's gradient first, prevents
 *     it)
 * @param inputCopy how {@code input} is copied into {@code x0}
 * @param targetCopy how {@code target} is copied into {@code t}
 * @param outputCopy how the output layer's activations are copied into {@code output}
 * @param methodBudget estimated bytecode bytes above which a method is split into parts
 * @param floatExp true if the class is float and computes e^x in float arithmetic ({@code
 *     expFloat}, a static helper of the class) rather than with {@code Math.exp} in double
 */
public record NetworkPlan(
    Network network,
    String packageName,
    String className,
    List<FeaturePlan> features,
    List<LayerPlan> layers,
    boolean fusedTrainStep,
    Copy inputCopy,
    Copy targetCopy,
    Copy outputCopy,
    int methodBudget,
    boolean floatExp) {

  public NetworkPlan {
    features = List.copyOf(features);
    layers = List.copyOf(layers);
  }

  /** The layers with parameters in layer order: the convolution layers, then the dense layers. */
  public List<ParameterLayer> parameterLayers() {
    List<ParameterLayer> all = new ArrayList<>();
    for (FeaturePlan f : features) {
      if (f instanceof ConvPlan conv) {
        all.add(conv);
      }
    }
    all.addAll(layers);
    return List.copyOf(all);
  }

  /** The plan of the feature layer below {@code feature}, or null for the first layer. */
  public FeaturePlan below(FeaturePlan feature) {
    int k = features.indexOf(feature);
    return k > 0 ? features.get(k - 1) : null;
  }

  /** The qualified class name. */
  public String qualifiedName() {
    return packageName.isEmpty() ? className : packageName + "." + className;
  }

  /** The output layer's plan. */
  public LayerPlan output() {
    return layers.get(layers.size() - 1);
  }

  /**
   * The plan of the layer below dense layer {@code layer} (a dense layer, or the last feature
   * layer), or null for the first layer.
   */
  public ActivatedLayer below(LayerPlan layer) {
    int k = layers.indexOf(layer);
    if (k > 0) {
      return layers.get(k - 1);
    }
    return features.isEmpty() ? null : features.get(features.size() - 1);
  }

  /**
   * True if the output layer is softmax. Its forward method {@code forward<l>} then computes only
   * the logits {@code z = W x + b}; the class's {@code softmax()} follows it in the forward pass,
   * and {@code classify} runs the pass up to the logits ({@code logits()}) and takes the softmax
   * only when the largest logit is not clear of the others.
   */
  public boolean softmaxOutput() {
    return output().activation() == Activation.SOFTMAX;
  }

  /** True if a layer has dropout: the class then has a training forward pass with masks. */
  public boolean hasDropout() {
    return layers.stream().anyMatch(LayerPlan::hasDropout)
        || features.stream().anyMatch(FeaturePlan::hasDropout);
  }

  /**
   * Length of the scratch arrays of the loops that take e^x over a layer ({@link
   * LayerPlan#expLoops}): the most units of such a layer, or 0 if no layer has them.
   */
  public int expScratch() {
    return layers.stream().filter(LayerPlan::expLoops).mapToInt(LayerPlan::units).max().orElse(0);
  }

  /** True if the network clips by norm. */
  public boolean clipsNorm() {
    return network.clip().map(c -> c instanceof Clip.Norm).orElse(false);
  }
}
