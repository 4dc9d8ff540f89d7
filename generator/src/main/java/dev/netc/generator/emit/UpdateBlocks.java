package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.netc.generator.plan.ParameterLayer;
import java.util.List;

/**
 * The update of a layer from its accumulated gradient ({@code update<l>}, which then clears the
 * gradient), and the squared norm of that update's gradient for {@code clip norm}.
 */
final class UpdateBlocks {
  private final EmitContext context;
  private final GradientCode gradient;

  UpdateBlocks(EmitContext context, GradientCode gradient) {
    this.context = context;
    this.gradient = gradient;
  }

  /** One optimizer step of W and b from {@code g = s dW}, then {@code dW = 0}. */
  CodeBlock update(ParameterLayer p, boolean norm) {
    return update(p, norm, false);
  }

  /**
   * As {@link #update(ParameterLayer, boolean)}, with {@code sliced} only over slice {@code part}
   * of {@code parts} of W's columns (or entries) and of b ({@link #loop}).
   */
  CodeBlock update(ParameterLayer p, boolean norm, boolean sliced) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (String param : List.of(p.name("w"), p.name("b"))) {
      boolean weight = param.startsWith("w");
      String d = "d" + param;
      code.add(gradient.comment(param, weight, "s " + d));
      code.add(EmitContext.comment(d + " = 0"));
      String zero = context.arith.lit(0.0);
      if (weight && p.columns()) {
        code.beginControlFlow("$L", loop("j", p.inputs(), sliced));
        for (String array : arrays(param, d)) {
          code.addStatement("final $T $Nj = $N[j]", context.elements, array, array);
        }
        code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
            .add(gradient.update("s * " + d + "j[i]", param + "j", "i", weight, norm))
            .addStatement("$Nj[i] = $L", d, zero)
            .endControlFlow()
            .endControlFlow();
        continue;
      }
      code.beginControlFlow("$L", loop("k", weight ? p.weightCount() : p.units(), sliced))
          .add(gradient.update("s * " + d + "[k]", param, "k", weight, norm))
          .addStatement("$N[k] = $L", d, zero)
          .endControlFlow();
    }
    return code.build();
  }

  /**
   * The header of a loop of {@code index} over {@code n} entries: all of them, or with {@code
   * sliced} the run {@code [slice(n, part, parts), slice(n, part + 1, parts))} (the class's helper
   * {@code slice}: {@code n * part / parts}), so that the slices of parts 0 to parts - 1 cover the
   * n entries once, in order.
   */
  static CodeBlock loop(String index, int n, boolean sliced) {
    return sliced
        ? CodeBlock.of(
            "for (int $1N = slice($2L, part, parts), end = slice($2L, part + 1, parts); $1N < end;"
                + " $1N++)",
            index,
            n)
        : CodeBlock.of("for (int $1N = 0; $1N < $2L; $1N++)", index, n);
  }

  /** {@code sum += g * g} over W and b, with the same g as {@link #update}. */
  CodeBlock normSquared(ParameterLayer p) {
    CodeBlock.Builder code = CodeBlock.builder();
    boolean l2 = context.network.regularizer().isPresent();
    for (String param : List.of(p.name("w"), p.name("b"))) {
      boolean weight = param.startsWith("w");
      String d = "d" + param;
      boolean columns = weight && p.columns();
      String at = columns ? "i" : "k";
      String pv = columns ? param + "j" : param;
      String g = "s * d" + pv + "[" + at + "]";
      if (weight && l2) {
        g += " + lambda * " + pv + "[" + at + "]";
      }
      if (columns) {
        code.beginControlFlow("for (int j = 0; j < $L; j++)", p.inputs());
        for (String array : l2 ? List.of(param, d) : List.of(d)) {
          code.addStatement("final $T $Nj = $N[j]", context.elements, array, array);
        }
        code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units());
      } else {
        code.beginControlFlow("for (int k = 0; k < $L; k++)", weight ? p.weightCount() : p.units());
      }
      code.addStatement("final $L g = $L", context.arith.type(), g).addStatement("sum += g * g");
      if (columns) {
        code.endControlFlow();
      }
      code.endControlFlow();
    }
    return code.build();
  }

  /** W's column arrays in an update: W, its gradient, then each optimizer state. */
  private List<String> arrays(String param, String d) {
    List<String> arrays = new java.util.ArrayList<>(List.of(param, d));
    for (OptimizerCode.State state : context.optimizer.states()) {
      arrays.add(state.prefix() + param);
    }
    return arrays;
  }
}
