package dev.netc.grammar.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * @param inputSize the {@code input} width, at least 1
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
    int inputSize,
    List<DenseLayer> layers,
    Loss loss,
    Init init,
    Optimizer optimizer,
    Optional<Regularizer> regularizer,
    Optional<Clip> clip,
    Precision precision,
    Span span) {

  public Network {
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("network " + name + " has no layers");
    }
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
   * The canonical text of what fixes the parameters' shapes and meaning: input width, each layer's
   * units and activation with its parameter, the loss, the precision (not the optimizer, the init or
   * the names). Weight files record the SHA-256 of this text ({@link #fingerprint()}).
   *
   * <pre>
   * netc-topology 1
   * input 4
   * dense 8 tanh
   * dense 3 leaky_relu 0.01
   * loss cross_entropy
   * precision double
   * </pre>
   */
  public String canonicalTopology() {
    StringBuilder text = new StringBuilder("netc-topology 1\n");
    text.append("input ").append(inputSize).append('\n');
    for (DenseLayer layer : layers) {
      text.append("dense ").append(layer.units()).append(' ').append(layer.activation().dslName());
      if (layer.activation().hasParameter()) {
        text.append(' ').append(String.format(Locale.ROOT, "%.17g", layer.activationParameter()));
      }
      text.append('\n');
    }
    text.append("loss ").append(loss.dslName()).append('\n');
    text.append("precision ").append(precision.dslName()).append('\n');
    return text.toString();
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

  /** The layer sizes as text, for example {@code 4 -> 8 tanh -> 3 softmax}. */
  public String topology() {
    StringBuilder text = new StringBuilder().append(inputSize);
    for (DenseLayer layer : layers) {
      text.append(" -> ").append(layer.units()).append(' ').append(layer.activation().dslName());
    }
    return text.toString();
  }
}
