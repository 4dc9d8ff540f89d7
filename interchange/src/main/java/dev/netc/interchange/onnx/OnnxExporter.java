package dev.netc.interchange.onnx;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network with its parameters to an ONNX model of its forward pass (opset 13): input {@code
 * input} of shape [batch, inputs], per layer one {@code Gemm} ({@code transB=1}, initializers
 * {@code <layer>.weight} of shape units x inputs and {@code <layer>.bias}) and its activation,
 * output {@code output} of shape [batch, outputs]; float32 or float64 tensors per the network's
 * precision; the network's name, loss and fingerprint in the metadata.
 */
public final class OnnxExporter {
  /** The operator set written. */
  public static final int OPSET = 13;

  /** The IR version of opset 13 (ONNX 1.8). */
  static final int IR_VERSION = 7;

  /** The symbolic name of the batch dimension. */
  public static final String BATCH = "batch";

  private OnnxExporter() {}

  /**
   * The model of {@code network}, whose every layer has explicit weights and bias.
   *
   * @param version netc's version, for {@code producer_version}
   * @throws IllegalArgumentException if a layer has no explicit weights or bias, or the network has
   *     convolution or pooling layers (not exported yet)
   */
  public static OnnxModel toModel(Network network, String version) {
    if (!network.features().isEmpty()) {
      throw new IllegalArgumentException(
          "network "
              + network.name()
              + " has convolution or pooling layers ("
              + network.features().get(0).describe()
              + "), which this version of netc cannot export to ONNX: export writes networks of"
              + " dense layers only");
    }
    int type =
        network.precision() == Precision.FLOAT
            ? OnnxFields.DataType.FLOAT
            : OnnxFields.DataType.DOUBLE;
    List<OnnxModel.Node> nodes = new ArrayList<>();
    List<OnnxModel.Tensor> initializers = new ArrayList<>();
    String below = "input";
    for (DenseLayer layer : network.layers()) {
      if (layer.weights().isEmpty() || layer.bias().isEmpty()) {
        throw new IllegalArgumentException(
            "layer " + layer.number() + " has no explicit weights and bias");
      }
      boolean last = layer.number() == network.layers().size();
      String w = layer.name() + ".weight";
      String b = layer.name() + ".bias";
      initializers.add(
          new OnnxModel.Tensor(
              w,
              new long[] {layer.units(), layer.inputs()},
              type,
              layer.weights().get().toArray(),
              false));
      initializers.add(
          new OnnxModel.Tensor(
              b, new long[] {layer.units()}, type, layer.bias().get().toArray(), false));
      boolean linear = layer.activation() == Activation.LINEAR;
      String z = last && linear ? "output" : layer.name() + ".z";
      nodes.add(
          new OnnxModel.Node(
              layer.name() + "/Gemm",
              "Gemm",
              "",
              List.of(below, w, b),
              List.of(z),
              List.of(OnnxModel.Attribute.ofInt("transB", 1))));
      below = z;
      if (!linear) {
        String x = last ? "output" : layer.name() + ".x";
        nodes.add(activation(layer, below, x));
        below = x;
      }
    }
    OnnxModel.Graph graph =
        new OnnxModel.Graph(
            network.name(),
            nodes,
            initializers,
            List.of(valueInfo("input", type, network.inputSize())),
            List.of(valueInfo("output", type, network.outputSize())));
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(OnnxImporter.META_NETWORK, network.name());
    metadata.put(OnnxImporter.META_LOSS, network.loss().dslName());
    metadata.put(OnnxImporter.META_FINGERPRINT, network.fingerprint());
    return new OnnxModel(
        IR_VERSION,
        Map.of("", (long) OPSET),
        "netc",
        version,
        "netc network "
            + network.name()
            + ": "
            + network.topology()
            + ", loss "
            + network.loss().dslName()
            + ", "
            + network.precision().dslName(),
        graph,
        metadata);
  }

  private static OnnxModel.Node activation(DenseLayer layer, String in, String out) {
    String op =
        switch (layer.activation()) {
          case SIGMOID -> "Sigmoid";
          case TANH -> "Tanh";
          case RELU -> "Relu";
          case LEAKY_RELU -> "LeakyRelu";
          case ELU -> "Elu";
          case SOFTPLUS -> "Softplus";
          case SOFTMAX -> "Softmax";
          case LINEAR -> throw new IllegalArgumentException("linear has no node");
        };
    List<OnnxModel.Attribute> attributes =
        switch (layer.activation()) {
          case LEAKY_RELU, ELU ->
              List.of(OnnxModel.Attribute.ofFloat("alpha", (float) layer.activationParameter()));
          case SOFTMAX -> List.of(OnnxModel.Attribute.ofInt("axis", -1));
          default -> List.of();
        };
    return new OnnxModel.Node(
        layer.name() + "/" + op, op, "", List.of(in), List.of(out), attributes);
  }

  private static OnnxModel.ValueInfo valueInfo(String name, int type, int features) {
    return new OnnxModel.ValueInfo(
        name, type, List.of(new OnnxModel.Dim(-1, BATCH), new OnnxModel.Dim(features, "")));
  }
}
