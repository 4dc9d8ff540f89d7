package dev.netc.runtime.network;

import java.util.List;

/**
 * What a generated class was compiled from, as data: enough for weight files, reports and error
 * messages to describe the network without the {@code .nn} file.
 *
 * @param name the network's name in the file (its simple class name)
 * @param qualifiedName the generated class's qualified name
 * @param sourceFile the {@code .nn} file it came from, as given to the compiler
 * @param inputSize width of the input
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
    List<LayerSpec> layers,
    String loss,
    String precision,
    String optimizer,
    String fingerprint) {

  public NetworkSpec {
    layers = List.copyOf(layers);
  }

  /** Width of the output (units of the last layer). */
  public int outputSize() {
    return layers.get(layers.size() - 1).units();
  }

  /** Number of weights and biases. */
  public long parameterCount() {
    long count = 0;
    int below = inputSize;
    for (LayerSpec layer : layers) {
      count += (long) layer.units() * below + layer.units();
      below = layer.units();
    }
    return count;
  }

  /** The topology in one line, for example {@code 4 -> 8 tanh -> 3 softmax}. */
  public String topology() {
    StringBuilder text = new StringBuilder().append(inputSize);
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
}
