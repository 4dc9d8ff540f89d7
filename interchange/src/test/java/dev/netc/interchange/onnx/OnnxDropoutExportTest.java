package dev.netc.interchange.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.grammar.FrontEndResult;
import dev.netc.grammar.NetcFrontEnd;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.source.SourceFile;
import org.junit.jupiter.api.Test;

/** Dropout is the identity at inference: the exported forward pass does not show it. */
class OnnxDropoutExportTest {
  /** A layer body with explicit weights (the exporter writes explicit parameters only). */
  private static String body(int units, int inputs) {
    StringBuilder text = new StringBuilder("{ weights = [");
    for (int i = 0; i < units; i++) {
      text.append(i == 0 ? "[" : ", [");
      for (int j = 0; j < inputs; j++) {
        text.append(j == 0 ? "" : ", ").append(((i * 7 + j) % 5) * 0.1 - 0.2);
      }
      text.append(']');
    }
    return text.append("]; bias = 0.1; }").toString();
  }

  private static Network network(String dropout) {
    FrontEndResult result =
        NetcFrontEnd.check(
            new SourceFile(
                "d.nn",
                "network D {\n"
                    + "    input 4;\n"
                    + "    dense 8 relu "
                    + dropout
                    + " as hidden "
                    + body(8, 4)
                    + "\n    dense 6 tanh "
                    + dropout
                    + body(6, 8)
                    + "\n    dense 3 softmax "
                    + body(3, 6)
                    + "\n    loss cross_entropy;\n"
                    + "}\n"));
    return result
        .model()
        .orElseThrow(() -> new AssertionError(result.diagnostics()))
        .networks()
        .get(0);
  }

  @Test
  void aNetworkWithDropoutExportsAsTheSameNetworkWithout() {
    Network with = network("dropout(0.5)");
    assertEquals(0.5, with.layers().get(0).dropout());
    assertArrayEquals(
        OnnxWriter.write(OnnxExporter.toModel(network(""), "test")),
        OnnxWriter.write(OnnxExporter.toModel(with, "test")));
  }
}
