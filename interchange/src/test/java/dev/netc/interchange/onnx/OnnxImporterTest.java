package dev.netc.interchange.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Precision;
import dev.netc.interchange.InterchangeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The importer on graphs built in code, written to bytes and read back: what each supported form
 * becomes, and the error of each form netc cannot express.
 */
class OnnxImporterTest {
  private static final int FLOAT = OnnxFields.DataType.FLOAT;
  private static final int DOUBLE = OnnxFields.DataType.DOUBLE;

  /** A graph under construction. */
  private static final class Builder {
    final List<OnnxModel.Node> nodes = new ArrayList<>();
    final List<OnnxModel.Tensor> initializers = new ArrayList<>();
    final Map<String, String> metadata = new LinkedHashMap<>();
    List<OnnxModel.Dim> inputDims = List.of(new OnnxModel.Dim(-1, "N"), new OnnxModel.Dim(2, ""));
    int type = DOUBLE;
    long opset = 13;
    List<String> outputs = List.of("y");

    Builder node(String op, List<String> in, String out, OnnxModel.Attribute... attributes) {
      nodes.add(
          new OnnxModel.Node(op + nodes.size(), op, "", in, List.of(out), List.of(attributes)));
      return this;
    }

    Builder tensor(String name, int dataType, long[] dims, double... values) {
      initializers.add(new OnnxModel.Tensor(name, dims, dataType, values, false));
      return this;
    }

    OnnxModel model() {
      List<OnnxModel.ValueInfo> out =
          outputs.stream().map(o -> new OnnxModel.ValueInfo(o, type, List.of())).toList();
      return new OnnxModel(
          7,
          Map.of("", opset),
          "test",
          "1",
          "",
          new OnnxModel.Graph(
              "g",
              nodes,
              initializers,
              List.of(new OnnxModel.ValueInfo("x", type, inputDims)),
              out),
          metadata);
    }

    /** Written to bytes, read back and imported. */
    Network imported() {
      OnnxModel read = OnnxReader.read(OnnxWriter.write(model()));
      return OnnxImporter.toNetwork(read, "Net", Optional.empty(), "net.onnx").network();
    }

    String error() {
      return assertThrows(InterchangeException.class, this::imported).getMessage();
    }
  }

  /** x (2) -> Gemm(W 3x2, transB=1) -> [activation] -> y. */
  private static Builder gemm(String activation, OnnxModel.Attribute... attributes) {
    Builder b =
        new Builder()
            .tensor("fc.weight", DOUBLE, new long[] {3, 2}, 1, 2, 3, 4, 5, 6)
            .tensor("fc.bias", DOUBLE, new long[] {3}, 0.5, -0.5, 0.25)
            .node(
                "Gemm",
                List.of("x", "fc.weight", "fc.bias"),
                activation == null ? "y" : "z",
                OnnxModel.Attribute.ofInt("transB", 1));
    if (activation != null) {
      b.node(activation, List.of("z"), "y", attributes);
    }
    return b;
  }

  @Test
  void writtenModelReadsBack() {
    OnnxModel model = gemm("LeakyRelu", OnnxModel.Attribute.ofFloat("alpha", 0.2f)).model();
    OnnxModel read = OnnxReader.read(OnnxWriter.write(model));
    assertEquals(7, read.irVersion());
    assertEquals(Map.of("", 13L), read.opsets());
    assertEquals("test", read.producerName());
    assertEquals(model.graph().nodes(), read.graph().nodes());
    assertEquals(model.graph().inputs(), read.graph().inputs());
    OnnxModel.Tensor w = read.graph().initializers().get(0);
    assertEquals("fc.weight", w.name());
    assertArrayEquals(new long[] {3, 2}, w.dims());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, w.values());
  }

  @Test
  void gemmWithActivationIsOneLayer() {
    Network net = gemm("LeakyRelu", OnnxModel.Attribute.ofFloat("alpha", 0.2f)).imported();
    DenseLayer layer = net.layers().get(0);
    assertEquals("2 -> 3 leaky_relu", net.topology());
    assertEquals("fc", layer.name());
    assertEquals(0.2, layer.activationParameter(), "the float 0.2f as written, 0.2");
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, layer.weights().get().toArray());
    assertArrayEquals(new double[] {0.5, -0.5, 0.25}, layer.bias().get().toArray());
    assertEquals(Loss.SQUARED_ERROR, net.loss());
    assertEquals(Precision.DOUBLE, net.precision());
  }

  @Test
  void gemmAlphaBetaAndTransBZeroAreFoldedIntoTheWeights() {
    Builder b =
        new Builder()
            .tensor("w", DOUBLE, new long[] {2, 3}, 1, 2, 3, 4, 5, 6)
            .tensor("c", DOUBLE, new long[] {1, 3}, 1, 2, 3)
            .node(
                "Gemm",
                List.of("x", "w", "c"),
                "y",
                OnnxModel.Attribute.ofFloat("alpha", 2),
                OnnxModel.Attribute.ofFloat("beta", 0.5f));
    DenseLayer layer = b.imported().layers().get(0);
    assertArrayEquals(new double[] {2, 8, 4, 10, 6, 12}, layer.weights().get().toArray());
    assertArrayEquals(new double[] {0.5, 1, 1.5}, layer.bias().get().toArray());
    assertEquals(Activation.LINEAR, layer.activation());
    assertEquals("layer1", layer.name(), "no layer name in 'w'");
  }

  @Test
  void matMulWithAndWithoutAddAndFlattenOfImages() {
    Builder b =
        new Builder()
            .tensor("m1", FLOAT, new long[] {24, 2}, new double[48])
            .tensor("m2", FLOAT, new long[] {2, 1}, 1, 2)
            .tensor("c2", FLOAT, new long[] {1}, 7)
            .node("Flatten", List.of("x"), "f")
            .node("MatMul", List.of("f", "m1"), "h")
            .node("Sigmoid", List.of("h"), "s")
            .node("MatMul", List.of("s", "m2"), "z")
            .node("Add", List.of("c2", "z"), "y");
    b.type = FLOAT;
    b.inputDims =
        List.of(
            new OnnxModel.Dim(-1, "N"),
            new OnnxModel.Dim(2, ""),
            new OnnxModel.Dim(3, ""),
            new OnnxModel.Dim(4, ""));
    Network net = b.imported();
    assertEquals("24 -> 2 sigmoid -> 1 linear", net.topology());
    assertEquals(Precision.FLOAT, net.precision());
    assertArrayEquals(new double[] {0, 0}, net.layers().get(0).bias().get().toArray());
    assertArrayEquals(new double[] {7}, net.layers().get(1).bias().get().toArray());
  }

  @Test
  void lossFollowsTheOutputOrTheRecordedOne() {
    assertEquals(Loss.CROSS_ENTROPY, gemm("Softmax").imported().loss());
    assertEquals(Loss.BINARY_CROSS_ENTROPY, gemm("Sigmoid").imported().loss());
    Builder recorded = gemm("Tanh");
    recorded.metadata.put("netc.loss", "mean_squared_error");
    assertEquals(Loss.MEAN_SQUARED_ERROR, recorded.imported().loss());
    Builder wrong = gemm("Tanh");
    wrong.metadata.put("netc.loss", "cross_entropy");
    assertEquals(Loss.SQUARED_ERROR, wrong.imported().loss(), "cross_entropy needs softmax");
  }

  @Test
  void errorsNameTheNodeAndWhatIsWrong() {
    Builder old = gemm("Relu");
    old.opset = 8;
    assertEquals(
        "the model uses opset 8 of ai.onnx; netc imports opsets 9 to 18"
            + " (torch.onnx.export(..., opset_version=13) writes one)",
        old.error());
    Builder conv = gemm("Conv");
    assertTrue(
        conv.error()
            .startsWith(
                "node 'Conv1' (Conv): netc cannot import this operator;"
                    + " it imports chains of Gemm, MatMul, Add, Relu,"),
        conv.error());
    Builder softmaxFirst = gemm("Softmax").tensor("w2", DOUBLE, new long[] {3, 1}, 1, 2, 3);
    softmaxFirst.nodes.set(
        1, new OnnxModel.Node("sm", "Softmax", "", List.of("z"), List.of("s"), List.of()));
    softmaxFirst.node("MatMul", List.of("s", "w2"), "y");
    assertEquals(
        "node 'sm' (Softmax) is a Softmax before the last layer; netc allows softmax"
            + " on the output layer only",
        softmaxFirst.error());
    Builder reluFirst = new Builder().node("Relu", List.of("x"), "y");
    assertTrue(
        reluFirst
            .error()
            .startsWith(
                "node 'Relu0' (Relu) applies an activation that"
                    + " does not follow a Gemm or MatMul"),
        reluFirst.error());
    Builder transA =
        new Builder()
            .tensor("w", DOUBLE, new long[] {2, 2}, 1, 2, 3, 4)
            .node("Gemm", List.of("x", "w"), "y", OnnxModel.Attribute.ofInt("transA", 1));
    assertTrue(transA.error().startsWith("node 'Gemm0' (Gemm) has transA=1"), transA.error());
    Builder mixed =
        new Builder()
            .tensor("w", FLOAT, new long[] {2, 2}, 1, 2, 3, 4)
            .node("MatMul", List.of("x", "w"), "y");
    assertEquals(
        "node 'MatMul0' (MatMul): tensor 'w' is float but the graph input is double;"
            + " netc imports models of one precision",
        mixed.error());
    Builder ints = gemm(null);
    ints.type = OnnxFields.DataType.INT64;
    assertTrue(
        ints.error()
            .startsWith(
                "the graph input 'x' is int64; netc imports float32 and" + " float64 models"),
        ints.error());
    Builder twoOutputs = gemm("Tanh");
    twoOutputs.outputs = List.of("y", "z");
    assertTrue(twoOutputs.error().startsWith("the graph has 2 outputs (y, z)"), twoOutputs.error());
    Builder addAfterActivation = gemm("Tanh").tensor("k", DOUBLE, new long[] {3}, 1, 1, 1);
    addAfterActivation.nodes.set(
        1, new OnnxModel.Node("t", "Tanh", "", List.of("z"), List.of("t"), List.of()));
    addAfterActivation.node("Add", List.of("t", "k"), "y");
    assertTrue(
        addAfterActivation
            .error()
            .startsWith(
                "node 'Add2' (Add) adds a constant that does"
                    + " not follow a Gemm or MatMul directly"),
        addAfterActivation.error());
    Builder badBias =
        new Builder()
            .tensor("w", DOUBLE, new long[] {2, 3}, new double[6])
            .tensor("b", DOUBLE, new long[] {2}, 1, 2)
            .node("Gemm", List.of("x", "w", "b"), "y");
    assertEquals(
        "node 'Gemm0' (Gemm): bias 'b' has shape 2; the layer has 3 units, so the bias"
            + " must have 3 values (or 1); the weight or bias has the wrong shape",
        badBias.error());
    Builder reshape =
        new Builder()
            .tensor("shape", OnnxFields.DataType.INT64, new long[] {3}, -1, 1, 2)
            .node("Reshape", List.of("x", "shape"), "y");
    assertEquals(
        "node 'Reshape0' (Reshape) reshapes to [-1, 1, 2]; netc imports Reshape to a"
            + " vector per example, [-1, 2], only",
        reshape.error());
    Builder nothing = new Builder().node("Identity", List.of("x"), "y");
    assertEquals("the graph has no Gemm or MatMul: there is no layer to import", nothing.error());
  }

  @Test
  void garbageIsNotAModel() {
    InterchangeException empty =
        assertThrows(InterchangeException.class, () -> OnnxReader.read(new byte[0]));
    assertTrue(
        empty.getMessage().startsWith("not an ONNX model: it has no IR version"),
        empty.getMessage());
    byte[] bytes = OnnxWriter.write(gemm("Tanh").model());
    for (int cut : new int[] {1, bytes.length / 3, bytes.length - 1}) {
      byte[] truncated = java.util.Arrays.copyOf(bytes, cut);
      InterchangeException e =
          assertThrows(InterchangeException.class, () -> OnnxReader.read(truncated));
      assertTrue(e.getMessage().startsWith("not a"), cut + ": " + e.getMessage());
    }
  }

  @Test
  void namesFromFiles() {
    OnnxModel model = gemm(null).model();
    assertEquals("MlpRelu", OnnxImporter.suggestedName(model, "mlp_relu.onnx"));
    assertEquals("Imported2layer", OnnxImporter.suggestedName(model, "2layer.onnx"));
  }
}
