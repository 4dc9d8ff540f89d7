package dev.netc.interchange.onnx;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Matrix;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.model.Vector;
import dev.netc.grammar.print.Literals;
import dev.netc.interchange.InterchangeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An ONNX graph of a feed-forward network to the model of a {@code .nn} network with explicit
 * weights. The graph must be one chain from its one input to its one output of the {@link
 * #SUPPORTED} operators: a {@code Gemm}, or a {@code MatMul} with an optional {@code Add} of a
 * constant, makes a dense layer; the activation after it its activation (none: {@code linear});
 * {@code Identity}, {@code Dropout}, {@code Flatten} and {@code Reshape} to a vector change nothing
 * for one example and are dropped. Anything else is an {@link InterchangeException} naming the
 * node.
 */
public final class OnnxImporter {

  /** The operators netc imports, as the error messages list them. */
  public static final List<String> SUPPORTED =
      List.of(
          "Gemm",
          "MatMul",
          "Add",
          "Relu",
          "LeakyRelu",
          "Elu",
          "Sigmoid",
          "Tanh",
          "Softplus",
          "Softmax",
          "Identity",
          "Flatten",
          "Reshape",
          "Dropout",
          "Constant");

  /** The oldest and newest default operator set netc imports. */
  public static final int MIN_OPSET = 9;

  /** The newest default operator set netc imports. */
  public static final int MAX_OPSET = 18;

  /** Metadata keys written by {@link OnnxExporter} and read back here. */
  static final String META_NETWORK = "netc.network";

  static final String META_LOSS = "netc.loss";

  static final String META_FINGERPRINT = "netc.fingerprint";

  private static final Map<String, Activation> ACTIVATIONS =
      Map.of(
          "Relu", Activation.RELU,
          "LeakyRelu", Activation.LEAKY_RELU,
          "Elu", Activation.ELU,
          "Sigmoid", Activation.SIGMOID,
          "Tanh", Activation.TANH,
          "Softplus", Activation.SOFTPLUS,
          "Softmax", Activation.SOFTMAX);

  private OnnxImporter() {}

  /**
   * The imported network and the comments to write above it.
   *
   * @param network the network, every layer with explicit weights and bias
   * @param comments lines for the top of the written file: where it came from, and why its loss
   */
  public record Imported(Network network, List<String> comments) {}

  /**
   * The class name a model suggests: the one {@code netc export} recorded, else one made from the
   * file name ({@code mlp_relu.onnx} gives {@code MlpRelu}).
   */
  public static String suggestedName(OnnxModel model, String fileName) {
    String recorded = model.metadata().get(META_NETWORK);
    if (recorded != null && recorded.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return recorded;
    }
    String base = fileName.replaceFirst("\\.[^.]*$", "");
    StringBuilder name = new StringBuilder();
    for (String part : base.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
      name.insert(0, "Imported");
    }
    return name.toString();
  }

  /**
   * Imports {@code model}'s graph as the network {@code name} in {@code packageName}.
   *
   * @param sourceName the name of the {@code .onnx} file, for the comments
   * @throws InterchangeException if the graph is not a chain netc can express
   */
  public static Imported toNetwork(
      OnnxModel model, String name, Optional<String> packageName, String sourceName) {
    long opset =
        model
            .defaultOpset()
            .orElseThrow(
                () ->
                    new InterchangeException(
                        "the model imports no version of the default operator set (ai.onnx); export it with"
                            + " opset "
                            + MIN_OPSET
                            + " to "
                            + MAX_OPSET));
    if (opset < MIN_OPSET || opset > MAX_OPSET) {
      throw new InterchangeException(
          "the model uses opset "
              + opset
              + " of ai.onnx; netc imports"
              + " opsets "
              + MIN_OPSET
              + " to "
              + MAX_OPSET
              + " (torch.onnx.export(...,"
              + " opset_version=13) writes one)");
    }
    return new Chain(model, opset).walk(name, packageName, sourceName);
  }

  /** One pass along the chain from the graph's input to its output. */
  private static final class Chain {
    private final OnnxModel model;
    private final OnnxModel.Graph graph;
    private final long opset;
    private final Map<String, OnnxModel.Tensor> constants = new LinkedHashMap<>();
    private final Map<String, List<OnnxModel.Node>> consumers = new LinkedHashMap<>();
    private final List<Draft> layers = new ArrayList<>();
    private Precision precision;
    private int width;
    private int rank;
    private Draft pending;

    Chain(OnnxModel model, long opset) {
      this.model = model;
      this.graph = model.graph();
      this.opset = opset;
      for (OnnxModel.Tensor t : graph.initializers()) {
        constants.put(t.name(), t);
      }
      for (OnnxModel.Node node : graph.nodes()) {
        if (node.opType().equals("Constant") && node.outputs().size() == 1) {
          node.attribute("value")
              .flatMap(OnnxModel.Attribute::t)
              .ifPresent(t -> constants.put(node.outputs().get(0), t));
        }
      }
      for (OnnxModel.Node node : graph.nodes()) {
        for (String input : node.inputs()) {
          if (!input.isEmpty() && !constants.containsKey(input)) {
            consumers.computeIfAbsent(input, k -> new ArrayList<>()).add(node);
          }
        }
      }
    }

    Imported walk(String name, Optional<String> packageName, String sourceName) {
      List<OnnxModel.ValueInfo> inputs =
          graph.inputs().stream().filter(i -> !constants.containsKey(i.name())).toList();
      if (inputs.size() != 1) {
        throw new InterchangeException(
            "the graph has "
                + inputs.size()
                + " inputs ("
                + String.join(", ", inputs.stream().map(OnnxModel.ValueInfo::name).toList())
                + "); a netc network has exactly one input vector");
      }
      if (graph.outputs().size() != 1) {
        throw new InterchangeException(
            "the graph has "
                + graph.outputs().size()
                + " outputs ("
                + String.join(
                    ", ", graph.outputs().stream().map(OnnxModel.ValueInfo::name).toList())
                + "); a netc network has exactly one output vector");
      }
      OnnxModel.ValueInfo input = inputs.get(0);
      OnnxModel.ValueInfo output = graph.outputs().get(0);
      precision = precisionOf(input.elemType(), "the graph input '" + input.name() + "'");
      rank = input.dims().size();
      width = -1;
      if (rank == 1) {
        throw new InterchangeException(
            "the graph input '"
                + input.name()
                + "' has one dimension;"
                + " netc imports inputs of shape [batch, features] (or [batch, ...] flattened by"
                + " Flatten); export with a batch dimension");
      }
      if (rank >= 2) {
        long features = 1;
        for (OnnxModel.Dim d : input.dims().subList(1, rank)) {
          features = d.value() > 0 && features > 0 ? features * d.value() : -1;
        }
        width = (int) Math.min(features, Integer.MAX_VALUE);
      }
      int inputWidth = width;
      String current = input.name();
      Set<OnnxModel.Node> visited = new HashSet<>();
      while (!current.equals(output.name())) {
        List<OnnxModel.Node> next = consumers.getOrDefault(current, List.of());
        if (next.isEmpty()) {
          throw new InterchangeException(
              "the value '"
                  + current
                  + "' is used by no node, so the"
                  + " chain from the input never reaches the output '"
                  + output.name()
                  + "'");
        }
        if (next.size() > 1) {
          throw new InterchangeException(
              "the value '"
                  + current
                  + "' feeds "
                  + next.size()
                  + " nodes ("
                  + String.join(", ", next.stream().map(OnnxModel.Node::describe).toList())
                  + "): the graph has branches; netc imports a chain of layers only");
        }
        OnnxModel.Node node = next.get(0);
        if (!visited.add(node)) {
          throw new InterchangeException(
              node.describe() + " is reached twice: the graph has a" + " cycle");
        }
        List<String> computed =
            node.inputs().stream().filter(i -> !i.isEmpty() && !constants.containsKey(i)).toList();
        if (computed.size() != 1) {
          throw new InterchangeException(
              node.describe()
                  + " combines "
                  + computed.size()
                  + " computed values ("
                  + String.join(", ", computed)
                  + "): the graph has branches;"
                  + " netc imports a chain of layers only");
        }
        if (!node.inputs().isEmpty()
            && !node.inputs().get(0).equals(current)
            && !node.opType().equals("Add")) {
          throw new InterchangeException(
              node.describe()
                  + " takes '"
                  + current
                  + "' as input "
                  + (node.inputs().indexOf(current) + 1)
                  + ", not as its data input; netc cannot"
                  + " express it");
        }
        step(node, current);
        current = node.outputs().get(0);
      }
      finishPending();
      if (layers.isEmpty()) {
        throw new InterchangeException(
            "the graph has no Gemm or MatMul: there is no layer to" + " import");
      }
      int outputs = layers.get(layers.size() - 1).w.length;
      if (output.dims().size() == 2
          && output.dims().get(1).value() > 0
          && output.dims().get(1).value() != outputs) {
        throw new InterchangeException(
            "the graph output '"
                + output.name()
                + "' declares "
                + output.dims().get(1).value()
                + " features, but its last layer has "
                + outputs
                + " units; the file is inconsistent, export it again");
      }
      return build(name, packageName, sourceName, inputWidth);
    }

    private void step(OnnxModel.Node node, String current) {
      if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
        throw unsupported(node, "its domain '" + node.domain() + "' is not ai.onnx");
      }
      for (OnnxModel.Attribute a : node.attributes()) {
        if (a.hasGraph()) {
          throw new InterchangeException(
              node.describe()
                  + " has a subgraph (attribute '"
                  + a.name()
                  + "'): the graph has branches or loops; netc imports a chain of layers"
                  + " only");
        }
      }
      String op = node.opType();
      int outputsUsed =
          (int)
              node.outputs().stream()
                  .skip(1)
                  .filter(o -> !o.isEmpty() && consumers.containsKey(o))
                  .count();
      if (outputsUsed > 0 || node.outputs().isEmpty()) {
        throw new InterchangeException(
            node.describe()
                + " has more than one used output: the"
                + " graph has branches; netc imports a chain of layers only");
      }
      switch (op) {
        case "Gemm" -> gemm(node);
        case "MatMul" -> matMul(node);
        case "Add" -> add(node, current);
        case "Identity", "Dropout" -> {}
        case "Flatten" -> flatten(node);
        case "Reshape" -> reshape(node);
        default -> {
          Activation activation = ACTIVATIONS.get(op);
          if (activation == null) {
            throw unsupported(node, null);
          }
          activation(node, activation);
        }
      }
    }

    private void gemm(OnnxModel.Node node) {
      needFlat(node);
      if (intAttribute(node, "transA", 0) != 0) {
        throw new InterchangeException(
            node.describe()
                + " has transA=1: it multiplies the"
                + " transposed input, which is not a dense layer; netc imports Gemm with transA=0");
      }
      boolean transB = intAttribute(node, "transB", 0) != 0;
      double alpha = floatAttribute(node, "alpha", 1);
      double beta = floatAttribute(node, "beta", 1);
      OnnxModel.Tensor b = constant(node, 1, "weight");
      double[][] w = weights(node, b, transB);
      if (alpha != 1) {
        for (double[] row : w) {
          for (int j = 0; j < row.length; j++) {
            row[j] *= alpha;
          }
        }
      }
      double[] bias = new double[w.length];
      if (node.inputs().size() > 2 && !node.inputs().get(2).isEmpty()) {
        OnnxModel.Tensor c = constant(node, 2, "bias");
        addBias(node, bias, c, beta);
      }
      startLayer(b, w, bias);
    }

    private void matMul(OnnxModel.Node node) {
      needFlat(node);
      OnnxModel.Tensor b = constant(node, 1, "weight");
      double[][] w = weights(node, b, false);
      startLayer(b, w, new double[w.length]);
    }

    private void add(OnnxModel.Node node, String current) {
      if (pending == null || pending.activation != null || pending.biasAdded) {
        throw new InterchangeException(
            node.describe()
                + " adds a constant that does not follow"
                + " a Gemm or MatMul directly; netc imports Add only as the bias of a layer"
                + " (MatMul + Add)");
      }
      String other =
          node.inputs().get(0).equals(current) ? node.inputs().get(1) : node.inputs().get(0);
      OnnxModel.Tensor c = constants.get(other);
      checkType(node, c);
      addBias(node, pending.bias, c, 1);
      pending.biasAdded = true;
    }

    private void activation(OnnxModel.Node node, Activation activation) {
      if (pending == null || pending.activation != null) {
        throw new InterchangeException(
            node.describe()
                + " applies an activation that does not"
                + " follow a Gemm or MatMul (with its Add); a netc layer is one linear map and one"
                + " activation");
      }
      double parameter = Double.NaN;
      if (activation == Activation.LEAKY_RELU) {
        parameter = floatAttributeAsWritten(node, "alpha", 0.01);
      } else if (activation == Activation.ELU) {
        parameter = floatAttributeAsWritten(node, "alpha", 1.0);
      } else if (activation == Activation.SOFTMAX) {
        long axis = intAttribute(node, "axis", opset < 13 ? 1 : -1);
        if (axis != -1 && axis != 1) {
          throw new InterchangeException(
              node.describe()
                  + " has axis="
                  + axis
                  + "; netc"
                  + " imports Softmax over the last axis of [batch, features] only");
        }
      }
      pending.activation = activation;
      pending.parameter = parameter;
      pending.activationNode = node;
    }

    private void flatten(OnnxModel.Node node) {
      long axis = intAttribute(node, "axis", 1);
      if (axis != 1) {
        throw new InterchangeException(
            node.describe()
                + " has axis="
                + axis
                + "; netc imports"
                + " Flatten with axis=1 (keep the batch dimension, flatten the rest)");
      }
      rank = 2;
    }

    private void reshape(OnnxModel.Node node) {
      OnnxModel.Tensor shape =
          node.inputs().size() > 1 ? constants.get(node.inputs().get(1)) : null;
      if (shape == null) {
        throw new InterchangeException(
            node.describe()
                + " has a computed shape; netc imports"
                + " Reshape to a constant shape [-1, features] only (in PyTorch, x.flatten(1) or"
                + " nn.Flatten() export as Flatten)");
      }
      double[] dims = shape.values();
      boolean vector =
          dims.length == 2
              && (dims[0] == -1 || dims[0] == 0 || dims[0] > 0)
              && (dims[1] == -1 || width < 0 || dims[1] == width);
      if (!vector) {
        List<String> text = new ArrayList<>();
        for (double d : dims) {
          text.add(Long.toString((long) d));
        }
        throw new InterchangeException(
            node.describe()
                + " reshapes to ["
                + String.join(", ", text)
                + "]; netc imports Reshape to a vector per example, [-1, "
                + Math.max(width, 0)
                + "], only");
      }
      if (width < 0 && dims[1] > 0) {
        width = (int) dims[1];
      }
      rank = 2;
    }

    // ------------------------------------------------------------------ layers

    private void needFlat(OnnxModel.Node node) {
      if (rank > 2) {
        throw new InterchangeException(
            node.describe()
                + " multiplies a value of rank "
                + rank
                + "; netc imports dense layers on [batch, features]: flatten first (nn.Flatten)");
      }
    }

    /** W with one row per unit, from B of X B ({@code transB=0}, B is K x N) or B^T (N x K). */
    private double[][] weights(OnnxModel.Node node, OnnxModel.Tensor b, boolean transB) {
      checkType(node, b);
      if (b.dims().length != 2) {
        throw new InterchangeException(
            node.describe()
                + ": weight '"
                + b.name()
                + "' has shape "
                + b.shape()
                + "; netc imports a matrix (2 dimensions)");
      }
      int k = (int) (transB ? b.dims()[1] : b.dims()[0]);
      int n = (int) (transB ? b.dims()[0] : b.dims()[1]);
      if (width >= 0 && k != width) {
        throw new InterchangeException(
            node.describe()
                + ": weight '"
                + b.name()
                + "' has shape "
                + b.shape()
                + (transB ? " (transB=1)" : "")
                + ", so it takes "
                + k
                + " features, but"
                + " the value it multiplies has "
                + width
                + "; the weight has the wrong shape");
      }
      if (b.values().length != (long) k * n) {
        throw new InterchangeException(
            node.describe()
                + ": weight '"
                + b.name()
                + "' has shape "
                + b.shape()
                + " but "
                + b.values().length
                + " values; the file is damaged, export it"
                + " again");
      }
      double[][] w = new double[n][k];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < k; j++) {
          w[i][j] = transB ? b.values()[i * k + j] : b.values()[j * n + i];
        }
      }
      width = n;
      return w;
    }

    private void addBias(OnnxModel.Node node, double[] bias, OnnxModel.Tensor c, double beta) {
      checkType(node, c);
      int size = c.values().length;
      boolean rowShaped = c.dims().length <= 1 || (c.dims().length == 2 && c.dims()[0] == 1);
      if (!rowShaped || (size != bias.length && size != 1)) {
        throw new InterchangeException(
            node.describe()
                + ": bias '"
                + c.name()
                + "' has shape "
                + c.shape()
                + "; the layer has "
                + bias.length
                + " units, so the bias must have "
                + bias.length
                + " values (or 1); the weight or bias has the wrong shape");
      }
      for (int i = 0; i < bias.length; i++) {
        bias[i] += beta * c.values()[size == 1 ? 0 : i];
      }
    }

    private void startLayer(OnnxModel.Tensor weight, double[][] w, double[] bias) {
      finishPending();
      pending = new Draft(layerName(weight.name()), w, bias);
    }

    private void finishPending() {
      if (pending != null) {
        if (pending.activation == null) {
          pending.activation = Activation.LINEAR;
          pending.parameter = Double.NaN;
        }
        layers.add(pending);
        pending = null;
      }
    }

    private OnnxModel.Tensor constant(OnnxModel.Node node, int index, String what) {
      String name = node.inputs().size() > index ? node.inputs().get(index) : "";
      OnnxModel.Tensor t = constants.get(name);
      if (t == null) {
        throw new InterchangeException(
            node.describe()
                + ": its "
                + what
                + " '"
                + name
                + "' is not a constant (an initializer); netc imports layers with fixed weights only");
      }
      if (t.external()) {
        throw new InterchangeException(
            node.describe()
                + ": its "
                + what
                + " '"
                + name
                + "' is stored in an external file, which netc does not read; export the model"
                + " with the weights inside (a model under 2 GB)");
      }
      return t;
    }

    private void checkType(OnnxModel.Node node, OnnxModel.Tensor t) {
      Precision p = precisionOf(t.dataType(), node.describe() + ": tensor '" + t.name() + "'");
      if (p != precision) {
        throw new InterchangeException(
            node.describe()
                + ": tensor '"
                + t.name()
                + "' is "
                + t.typeName()
                + " but the graph input is "
                + (precision == Precision.FLOAT ? "float" : "double")
                + "; netc imports models of one precision");
      }
      if (t.values().length != t.elementCount()) {
        throw new InterchangeException(
            node.describe()
                + ": tensor '"
                + t.name()
                + "' has shape "
                + t.shape()
                + " but "
                + t.values().length
                + " values; the file is damaged, export"
                + " it again");
      }
    }

    private Precision precisionOf(int dataType, String what) {
      if (dataType == OnnxFields.DataType.FLOAT) {
        return Precision.FLOAT;
      } else if (dataType == OnnxFields.DataType.DOUBLE) {
        return Precision.DOUBLE;
      }
      throw new InterchangeException(
          what
              + " is "
              + OnnxModel.typeName(dataType)
              + "; netc"
              + " imports float32 and float64 models (convert it with model.float() or"
              + " model.double() before exporting)");
    }

    private InterchangeException unsupported(OnnxModel.Node node, String reason) {
      return new InterchangeException(
          node.describe()
              + ": netc cannot import this operator"
              + (reason == null ? "" : " (" + reason + ")")
              + "; it imports chains of "
              + String.join(", ", SUPPORTED)
              + " (opsets "
              + MIN_OPSET
              + " to "
              + MAX_OPSET
              + ")");
    }

    // ------------------------------------------------------------------ the network

    private Imported build(
        String name, Optional<String> packageName, String sourceName, int inputWidth) {
      List<String> names = new ArrayList<>();
      for (Draft d : layers) {
        names.add(d.name);
      }
      boolean useNames = new HashSet<>(names).size() == names.size() && !names.contains(null);
      List<DenseLayer> dense = new ArrayList<>();
      int below = inputWidth >= 0 ? inputWidth : layers.get(0).w[0].length;
      for (int l = 0; l < layers.size(); l++) {
        Draft d = layers.get(l);
        if (d.activation == Activation.SOFTMAX && l + 1 < layers.size()) {
          throw new InterchangeException(
              d.activationNode.describe()
                  + " is a Softmax before the"
                  + " last layer; netc allows softmax on the output layer only");
        }
        int units = d.w.length;
        double[] rowMajor = new double[units * below];
        for (int i = 0; i < units; i++) {
          System.arraycopy(d.w[i], 0, rowMajor, i * below, below);
        }
        dense.add(
            new DenseLayer(
                l + 1,
                useNames ? d.name : "layer" + (l + 1),
                units,
                below,
                d.activation,
                d.parameter,
                Optional.of(Matrix.of(units, below, rowMajor)),
                Optional.of(Vector.of(d.bias)),
                Span.NONE));
        below = units;
      }
      Activation last = layers.get(layers.size() - 1).activation;
      Loss natural =
          last == Activation.SOFTMAX
              ? Loss.CROSS_ENTROPY
              : last == Activation.SIGMOID ? Loss.BINARY_CROSS_ENTROPY : Loss.SQUARED_ERROR;
      Loss loss = natural;
      String recorded = model.metadata().get(META_LOSS);
      boolean fromMetadata = false;
      for (Loss l : Loss.values()) {
        if (l.dslName().equals(recorded) && compatible(l, last)) {
          loss = l;
          fromMetadata = true;
        }
      }
      Network network =
          new Network(
              name,
              packageName,
              sourceName,
              inputWidth >= 0 ? inputWidth : dense.get(0).inputs(),
              dense,
              loss,
              Init.DEFAULT,
              Optimizer.DEFAULT,
              Optional.empty(),
              Optional.empty(),
              precision,
              Span.NONE);
      List<String> comments = new ArrayList<>();
      comments.add(
          "Imported by netc from "
              + sourceName
              + " ("
              + producer()
              + ", opset "
              + opset
              + ", "
              + (precision == Precision.FLOAT ? "float32" : "float64")
              + ").");
      comments.add(
          "An ONNX model holds the forward pass only: the weights below are the trained"
              + " ones, and");
      if (fromMetadata) {
        comments.add(
            "the loss is the one netc export recorded in the model; the optimizer is the"
                + " default.");
      } else {
        comments.add(
            "the loss is the output's natural one (softmax: cross_entropy, sigmoid:"
                + " binary_cross_entropy,");
        comments.add(
            "otherwise squared_error) and the optimizer the default; change them"
                + " before training further.");
      }
      return new Imported(network, comments);
    }

    private String producer() {
      String p = model.producerName().isEmpty() ? "unknown producer" : model.producerName();
      return model.producerVersion().isEmpty() ? p : p + " " + model.producerVersion();
    }
  }

  private static boolean compatible(Loss loss, Activation output) {
    return switch (loss) {
      case CROSS_ENTROPY -> output == Activation.SOFTMAX;
      case BINARY_CROSS_ENTROPY -> output == Activation.SIGMOID;
      default -> true;
    };
  }

  /** {@code fc1.weight} gives {@code fc1}; null if no NAME of the language comes out of it. */
  private static String layerName(String initializer) {
    int dot = initializer.lastIndexOf('.');
    if (dot <= 0) {
      return null;
    }
    String name = initializer.substring(0, dot).replaceAll("[^A-Za-z0-9_]+", "_");
    if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || name.length() > 64) {
      return null;
    }
    return name;
  }

  private static long intAttribute(OnnxModel.Node node, String name, long fallback) {
    return node.attribute(name).map(OnnxModel.Attribute::i).orElse(fallback);
  }

  private static double floatAttribute(OnnxModel.Node node, String name, double fallback) {
    return node.attribute(name).map(a -> (double) a.f()).orElse(fallback);
  }

  /**
   * A float attribute as the number its writer meant: the shortest decimal of the float32 ({@code
   * 0.01f} gives 0.01, not 0.009999999776482582), so that a parameter survives export and import.
   */
  private static double floatAttributeAsWritten(OnnxModel.Node node, String name, double fallback) {
    Optional<OnnxModel.Attribute> a = node.attribute(name);
    return a.isEmpty() ? fallback : Double.parseDouble(Literals.nnNumber(a.get().f(), true));
  }

  /** A layer being assembled: a linear map, then perhaps a bias and an activation. */
  private static final class Draft {
    final String name;
    final double[][] w;
    final double[] bias;
    boolean biasAdded;
    Activation activation;
    double parameter = Double.NaN;
    OnnxModel.Node activationNode;

    Draft(String name, double[][] w, double[] bias) {
      this.name = name;
      this.w = w;
      this.bias = bias;
    }
  }
}
