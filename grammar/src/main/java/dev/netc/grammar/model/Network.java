package dev.netc.grammar.model;

import dev.netc.grammar.expr.Printer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One checked {@code network}: every default of the language is filled in, so nothing downstream
 * asks whether something was given.
 *
 * @param name the network's name, a legal Java class name
 * @param packageName the file's {@code package}, if it has one
 * @param sourceName the file it came from, as named to the compiler
 * @param inputShape the {@code input} shape ({@code input 784;} is 1 x 1 x 784)
 * @param features the convolution and pooling layers in order, before the dense layers; empty for a
 *     network of dense layers only
 * @param layers the dense layers in order; the last is the output layer
 * @param loss the loss
 * @param init the init ({@link Init#DEFAULT} if none was given)
 * @param optimizer the optimizer ({@link Optimizer#DEFAULT} if none was given)
 * @param regularizer the {@code regularize} call, if any
 * @param clip the {@code clip} call, if any
 * @param precision the arithmetic ({@link Precision#DOUBLE} if none was given)
 * @param span where the network's name is in the file
 */
public record Network(
    String name,
    Optional<String> packageName,
    String sourceName,
    Shape inputShape,
    List<FeatureLayer> features,
    List<DenseLayer> layers,
    Loss loss,
    Init init,
    Optimizer optimizer,
    Optional<Regularizer> regularizer,
    Optional<Clip> clip,
    Precision precision,
    Span span) {

  public Network {
    features = List.copyOf(features);
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("network " + name + " has no layers");
    }
    Shape below = inputShape;
    for (FeatureLayer feature : features) {
      if (!feature.input().equals(below)) {
        throw new IllegalArgumentException(
            "network "
                + name
                + ": layer "
                + feature.number()
                + " reads "
                + feature.input()
                + " but gets "
                + below);
      }
      below = feature.output();
    }
    if (layers.get(0).inputs() != below.size()) {
      throw new IllegalArgumentException(
          "network "
              + name
              + ": the first dense layer has "
              + layers.get(0).inputs()
              + " inputs but gets "
              + below);
    }
  }

  /** A network of dense layers only, on a flat input of {@code inputSize} values. */
  public Network(
      String name,
      Optional<String> packageName,
      String sourceName,
      int inputSize,
      List<DenseLayer> layers,
      Loss loss,
      Init init,
      Optimizer optimizer,
      Optional<Regularizer> regularizer,
      Optional<Clip> clip,
      Precision precision,
      Span span) {
    this(
        name,
        packageName,
        sourceName,
        Shape.flat(inputSize),
        List.of(),
        layers,
        loss,
        init,
        optimizer,
        regularizer,
        clip,
        precision,
        span);
  }

  /** The {@code input} width: the number of values of one example, height * width * channels. */
  public int inputSize() {
    return Math.toIntExact(inputShape.size());
  }

  /** Every layer in order: the feature layers, then the dense layers. */
  public List<Layer> allLayers() {
    List<Layer> all = new ArrayList<>(features);
    all.addAll(layers);
    return List.copyOf(all);
  }

  /**
   * The calls of the activations declared in the language (the prelude's or the file's) that the
   * network's layers use, in layer order: the conv layers', then the dense layers'.
   */
  public List<ActivationCall> declaredActivations() {
    List<ActivationCall> calls = new ArrayList<>();
    for (FeatureLayer f : features) {
      if (f instanceof ConvLayer conv) {
        conv.declared().ifPresent(calls::add);
      }
    }
    for (DenseLayer layer : layers) {
      layer.declared().ifPresent(calls::add);
    }
    return List.copyOf(calls);
  }

  /** Weights and biases of all layers. */
  public long parameterCount() {
    long count = 0;
    for (Layer layer : allLayers()) {
      count += layer.parameterCount();
    }
    return count;
  }

  /** The output layer (the last dense layer). */
  public DenseLayer outputLayer() {
    return layers.get(layers.size() - 1);
  }

  /** Width of the output. */
  public int outputSize() {
    return outputLayer().units();
  }

  /** The generated class's qualified name, in {@code packageName} or in {@code fallbackPackage}. */
  public String qualifiedName(String fallbackPackage) {
    String pkg = packageName.orElse(fallbackPackage == null ? "" : fallbackPackage);
    return pkg.isEmpty() ? name : pkg + "." + name;
  }

  /**
   * The canonical text of what fixes the parameters' shapes and meaning: the input, each layer's
   * kind, size and activation with its parameter, the loss, the precision (not the optimizer, the
   * init or the names). Weight files record the SHA-256 of this text ({@link #fingerprint()}). A
   * network with feature layers writes its input shape, window, stride and padding:
   *
   * <pre>
   * netc-topology 1
   * input 4
   * dense 8 tanh
   * dense 3 leaky_relu 0.01
   * loss cross_entropy
   * precision double
   * </pre>
   *
   * <pre>
   * netc-topology 1
   * input 28x28x1
   * conv 6 5x5 stride 1x1 padding valid relu
   * maxpool 2x2 stride 2x2
   * dense 10 softmax
   * ...
   * </pre>
   */
  public String canonicalTopology() {
    StringBuilder text = new StringBuilder("netc-topology 1\n");
    if (features.isEmpty()) {
      text.append("input ").append(inputSize()).append('\n');
    } else {
      text.append("input ")
          .append(inputShape.height())
          .append('x')
          .append(inputShape.width())
          .append('x')
          .append(inputShape.channels())
          .append('\n');
    }
    for (FeatureLayer feature : features) {
      Window window = feature.window();
      String stride = " stride " + window.strideY() + "x" + window.strideX();
      if (feature instanceof ConvLayer conv) {
        text.append("conv ")
            .append(conv.filters())
            .append(' ')
            .append(window.size())
            .append(stride)
            .append(" padding ")
            .append(window.padding().dslName());
        activation(text, conv.activation(), conv.activationParameter());
        conv.declared().ifPresent(call -> declared(text, call));
      } else if (feature instanceof PoolLayer pool) {
        text.append(pool.kind().dslName()).append(' ').append(window.size()).append(stride);
      }
      text.append('\n');
    }
    for (DenseLayer layer : layers) {
      text.append("dense ").append(layer.units());
      activation(text, layer.activation(), layer.activationParameter());
      layer.declared().ifPresent(call -> declared(text, call));
      text.append('\n');
    }
    text.append("loss ").append(loss.dslName()).append('\n');
    text.append("precision ").append(precision.dslName()).append('\n');
    return text.toString();
  }

  private static void activation(StringBuilder text, Activation activation, double parameter) {
    text.append(' ').append(activation.dslName());
    if (activation.hasParameter()) {
      text.append(' ').append(String.format(Locale.ROOT, "%.17g", parameter));
    }
  }

  /**
   * A declared activation by what it computes: its name, its expression and its parameters' values,
   * so that a changed declaration changes the fingerprint.
   */
  private static void declared(StringBuilder text, ActivationCall call) {
    text.append(' ')
        .append(call.name())
        .append(" f(")
        .append(call.activation().input())
        .append(") = ")
        .append(Printer.print(call.activation().derivation().function()));
    for (double value : call.arguments()) {
      text.append(' ').append(String.format(Locale.ROOT, "%.17g", value));
    }
  }

  /** SHA-256 of {@link #canonicalTopology()}, in lower-case hex. */
  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(canonicalTopology().getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * The layer sizes as text, for example {@code 4 -> 8 tanh -> 3 softmax}; with feature layers,
   * each with its output shape: {@code 28 x 28 x 1 -> conv 6 5x5 relu 24 x 24 x 6 -> maxpool 2x2 12
   * x 12 x 6 -> 10 softmax}.
   */
  public String topology() {
    StringBuilder text =
        new StringBuilder(features.isEmpty() ? String.valueOf(inputSize()) : inputShape.toString());
    for (FeatureLayer feature : features) {
      text.append(" -> ").append(feature.describe()).append(' ').append(feature.output());
    }
    for (DenseLayer layer : layers) {
      text.append(" -> ").append(layer.units()).append(' ').append(layer.activationName());
    }
    return text.toString();
  }
}
