package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;

import dev.netc.grammar.diag.DiagnosticFormat;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Convolution and pooling layers pass the front end, but this generator cannot write them yet: a
 * located error, and no class for any network of the file, never a crash.
 */
class NotGeneratedTest {

  @Test
  void convolutionIsALocatedErrorAndTheFileGeneratesNothing() {
    String text =
        "network LeNet {\n"
            + "    input 28 x 28 x 1;\n"
            + "    conv 6 5x5 relu;\n"
            + "    maxpool 2x2;\n"
            + "    dense 10 softmax;\n"
            + "    loss cross_entropy;\n"
            + "}\n"
            + "network Dense {\n    input 4;\n    dense 3 softmax;\n    loss cross_entropy;\n}\n";
    CompileResult result =
        NetcCompiler.compile(
            List.of(new CompileInput(new SourceFile("lenet.nn", text), Optional.empty())));
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.classes()).isEmpty();
    assertThat(result.diagnostics()).hasSize(1);
    assertThat(result.diagnostics().get(0).kind()).isEqualTo(DiagnosticKind.LAYER_NOT_GENERATED);
    assertThat(DiagnosticFormat.terminal(result.diagnostics()))
        .isEqualTo(
            "lenet.nn:3:5: error: layer 'layer1' (conv 6 5x5 relu) is checked but not yet"
                + " supported by the generator: this version of netc cannot generate code for"
                + " convolution and pooling layers; remove them to compile network 'LeNet' (its"
                + " shapes: 28 x 28 x 1 -> conv 6 5x5 relu 24 x 24 x 6 -> maxpool 2x2"
                + " 12 x 12 x 6 -> 10 softmax)\n"
                + "    conv 6 5x5 relu;\n"
                + "    ^\n");
  }
}
