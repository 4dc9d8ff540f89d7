package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;

import dev.netc.grammar.diag.DiagnosticFormat;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code dropout(r)} on a convolution layer passes the front end, but this generator cannot write
 * its masks yet: a located error, and no class for any network of the file, never a crash. The same
 * network without dropout compiles.
 */
class ConvDropoutTest {

  private static final String LENET =
      "network LeNet {\n"
          + "    input 28 x 28 x 1;\n"
          + "    conv 6 5x5 relu%s;\n"
          + "    maxpool 2x2;\n"
          + "    dense 10 softmax;\n"
          + "    loss cross_entropy;\n"
          + "}\n"
          + "network Dense {\n    input 4;\n    dense 3 softmax;\n    loss cross_entropy;\n}\n";

  private static CompileResult compile(String text) {
    return NetcCompiler.compile(
        List.of(new CompileInput(new SourceFile("lenet.nn", text), Optional.empty())));
  }

  @Test
  void dropoutOnConvolutionIsALocatedErrorAndTheFileGeneratesNothing() {
    CompileResult result = compile(String.format(LENET, " dropout(0.25)"));
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.classes()).isEmpty();
    assertThat(result.diagnostics()).hasSize(1);
    assertThat(result.diagnostics().get(0).kind())
        .isEqualTo(DiagnosticKind.CONV_DROPOUT_NOT_GENERATED);
    assertThat(DiagnosticFormat.terminal(result.diagnostics()))
        .isEqualTo(
            "lenet.nn:3:5: error: dropout(0.25) on layer 'layer1' (conv 6 5x5 relu) is checked"
                + " but its masks are not generated yet: this version of netc generates dropout"
                + " on dense layers only; remove dropout(...) from the conv statement to compile"
                + " network 'LeNet'\n"
                + "    conv 6 5x5 relu dropout(0.25);\n"
                + "    ^\n");
  }

  @Test
  void withoutDropoutTheConvolutionCompiles() {
    CompileResult result = compile(String.format(LENET, ""));
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.classes()).hasSize(2);
  }
}
