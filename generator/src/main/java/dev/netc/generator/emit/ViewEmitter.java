package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.netc.generator.plan.ParameterLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * The methods that build the class's views of its arrays as {@code ParameterTensor}s, in the
 * runtime's parameter layout: layer by layer, the weights then the bias (the gradients in the same
 * order; the optimizer state by layer, weights then bias for each state array).
 */
final class ViewEmitter {
  static final String PARAMETERS = "newParameterViews";
  static final String GRADIENTS = "newGradientViews";
  static final String STATE = "newStateViews";

  private final EmitContext context;

  ViewEmitter(EmitContext context) {
    this.context = context;
  }

  /** The three view methods. */
  List<MethodSpec> methods() {
    List<CodeBlock> parameters = new ArrayList<>();
    List<CodeBlock> gradients = new ArrayList<>();
    List<CodeBlock> state = new ArrayList<>();
    for (ParameterLayer p : context.parameterLayers()) {
      String name = p.layerName();
      parameters.add(matrix(name + ".weights", p.name("w"), p));
      parameters.add(vector(name + ".bias", p.name("b"), p));
      gradients.add(matrix(name + ".weights.gradient", p.name("dw"), p));
      gradients.add(vector(name + ".bias.gradient", p.name("db"), p));
      for (OptimizerCode.State s : context.optimizer.states()) {
        state.add(matrix(name + ".weights." + s.suffix(), s.prefix() + p.name("w"), p));
        state.add(vector(name + ".bias." + s.suffix(), s.prefix() + p.name("b"), p));
      }
    }
    return List.of(
        method(PARAMETERS, parameters), method(GRADIENTS, gradients), method(STATE, state));
  }

  private static MethodSpec method(String name, List<CodeBlock> views) {
    return EmitContext.internal(name)
        .returns(EmitContext.VIEWS)
        .addStatement(
            "return $T.of($L)",
            EmitContext.LIST,
            views.isEmpty()
                ? CodeBlock.of("")
                : CodeBlock.builder().add("\n").add(CodeBlock.join(views, ",\n")).build())
        .build();
  }

  private static CodeBlock matrix(String name, String array, ParameterLayer p) {
    if (p.columns()) {
      return CodeBlock.of(
          "$T.columns($L, $N, $L, $L)",
          RuntimeTypes.TENSORS,
          Ascii.string(name),
          array,
          p.units(),
          p.inputs());
    }
    return CodeBlock.of(
        "$T.matrix($L, $N, 0, $L, $L, false)",
        RuntimeTypes.TENSORS,
        Ascii.string(name),
        array,
        p.units(),
        p.inputs());
  }

  private static CodeBlock vector(String name, String array, ParameterLayer p) {
    return CodeBlock.of(
        "$T.vector($L, $N, 0, $L)", RuntimeTypes.TENSORS, Ascii.string(name), array, p.units());
  }
}
