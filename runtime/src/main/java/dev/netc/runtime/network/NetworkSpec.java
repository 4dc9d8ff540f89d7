package dev.netc.runtime.network;

import java.util.ArrayList;
import java.util.List;

/**
 * What a generated class was compiled from, as data: enough for weight files, reports and error
 * messages to describe the network without the {@code .nn} file.
 *
 * @param name the network's name in the file (its simple class name)
 * @param qualifiedName the generated class's qualified name
 * @param sourceFile the {@code .nn} file it came from, as given to the compiler
 * @param inputSize width of the input
 * @param features the convolution and pooling layers, in order, before the dense layers (layers 1
 *     to {@code features.size()}); empty for a network of dense layers only
 * @param layers the dense layers, in order; the last is the output layer
 * @param loss the loss's name in the language ({@code cross_entropy}, ...)
 * @param precision {@code double} or {@code float}
 * @param optimizer the optimizer call as text, with every argument ({@code sgd(rate = 0.05, ...)})
 * @param fingerprint SHA-256 (hex) of the canonical text of the topology: input width, each layer's
 *     units and activation with its parameter, the loss, the precision
 */
public record NetworkSpec(
    String name,
    String qualifiedName,
    String sourceFile,
    int inputSize,
    List<FeatureSpec> features,
    List<LayerSpec> layers,
    String loss,
    String precision,
    String optimizer,
    String fingerprint) {

  public NetworkSpec {
    features = List.copyOf(features);
    layers = List.copyOf(layers);
  }

  /** The spec of a network of dense layers only. */
  public NetworkSpec(
      String name,
      String qualifiedName,
      String sourceFile,
      int inputSize,
      List<LayerSpec> layers,
      String loss,
      String precision,
      String optimizer,
      String fingerprint) {
    this(
        name,
        qualifiedName,
        sourceFile,
        inputSize,
        List.of(),
        layers,
        loss,
        precision,
        optimizer,
        fingerprint);
  }

  /** Width of the output (units of the last layer). */
  public int outputSize() {
    return layers.get(layers.size() - 1).units();
  }

  /** Number of weights and biases. */
  public long parameterCount() {
    long count = 0;
    int below = inputSize;
    for (FeatureSpec feature : features) {
      count += (long) feature.filters() * feature.fanIn() + feature.filters();
      below = feature.outputSize();
    }
    for (LayerSpec layer : layers) {
      count += (long) layer.units() * below + layer.units();
      below = layer.units();
    }
    return count;
  }

  /**
   * The topology in one line, for example {@code 4 -> 8 tanh -> 3 softmax}, or {@code 784 -> conv 6
   * 5x5 relu -> maxpool 2x2 -> 10 softmax}.
   */
  public String topology() {
    StringBuilder text = new StringBuilder().append(inputSize);
    for (FeatureSpec feature : features) {
      text.append(" -> ").append(feature.description());
    }
    for (LayerSpec layer : layers) {
      text.append(" -> ").append(layer.units()).append(' ').append(layer.activation());
    }
    return text.toString();
  }

  /**
   * One dense layer.
   *
   * @param name the layer's name ({@code as NAME}, else {@code layer1}, {@code layer2}, ...)
   * @param units number of units
   * @param activation the activation's name in the language ({@code tanh}, {@code leaky_relu}, ...)
   * @param activationParameter its parameter ({@code a} of leaky_relu and elu), else NaN
   */
  public record LayerSpec(String name, int units, String activation, double activationParameter) {}

  /**
   * The layers with parameters in the order of {@link CompiledNetwork#parameters()}: the
   * convolution layers (a filter is a unit, its {@code kh * kw * channels} weights its inputs),
   * then the dense layers.
   */
  public List<LayerSpec> parameterLayers() {
    List<LayerSpec> all = new ArrayList<>();
    for (FeatureSpec feature : features) {
      if (feature.hasParameters()) {
        all.add(
            new LayerSpec(
                feature.name(),
                feature.filters(),
                feature.activation(),
                feature.activationParameter()));
      }
    }
    all.addAll(layers);
    return List.copyOf(all);
  }

  /**
   * One convolution or pooling layer.
   *
   * @param name the layer's name ({@code as NAME}, else {@code layer<number>})
   * @param description the statement's words, {@code conv 6 5x5 relu} or {@code maxpool 2x2}
   * @param filters a convolution's filters (rows of its weights); 0 for pooling, which has no
   *     parameters
   * @param fanIn weights per filter, {@code kh * kw * input channels}; 0 for pooling
   * @param fanOut the init's fan-out, {@code kh * kw * filters}; 0 for pooling
   * @param outputSize values of the layer's output, height * width * channels
   * @param activation a convolution's activation in the language; {@code ""} for pooling
   * @param activationParameter its parameter, else NaN
   */
  public record FeatureSpec(
      String name,
      String description,
      int filters,
      int fanIn,
      int fanOut,
      int outputSize,
      String activation,
      double activationParameter) {

    /** True for a convolution, false for pooling. */
    public boolean hasParameters() {
      return filters > 0;
    }
  }
}
