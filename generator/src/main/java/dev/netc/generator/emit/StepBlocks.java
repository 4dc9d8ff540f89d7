package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.netc.generator.plan.ActivatedLayer;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.generator.plan.Segment;
import java.util.List;

/**
 * The blocks of a layer's fused stochastic step: W and b are updated with {@code g = delta x^T} and
 * {@code g = delta} directly, in one pass over W (no gradient array is written). Three shapes, as
 * the plan says: straight-line statements, a pair of loops over a flat W, or loops over the columns
 * of W that also propagate delta with the old weights.
 */
final class StepBlocks {
  private final EmitContext context;
  private final Arith arith;
  private final OptimizerCode optimizer;
  private final GradientCode gradient;
  private final BackwardBlocks backward;

  StepBlocks(EmitContext context, GradientCode gradient, BackwardBlocks backward) {
    this.context = context;
    this.arith = context.arith;
    this.optimizer = context.optimizer;
    this.gradient = gradient;
    this.backward = backward;
  }

  /** The update of W. */
  CodeBlock weights(LayerPlan p, ActivatedLayer below, Segment s) {
    if (p.columns()) {
      return columns(p, below);
    }
    String w = p.name("w");
    String delta = p.name("delta");
    String x = p.below("x");
    CodeBlock.Builder code = CodeBlock.builder();
    if (s.isWhole()) {
      code.add(gradient.comment(w, true, delta + " " + x + "^T"));
    } else {
      code.add(EmitContext.comment(Passes.equation("g = " + delta + " " + x + "^T", s, w)));
    }
    if (!p.straightLineStep()) {
      return code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
          .addStatement("final $T d = $N[i]", context.element, delta)
          .beginControlFlow("for (int j = 0; j < $L; j++)", p.inputs())
          .addStatement("final int k = i * $L + j", p.inputs())
          .add(gradient.update("d * " + x + "[j]", w, "k", true, false))
          .endControlFlow()
          .endControlFlow()
          .build();
    }
    for (int k = s.from(); k < s.to(); k++) {
      String g = "(" + delta + "[" + (k / p.inputs()) + "] * " + x + "[" + (k % p.inputs()) + "])";
      for (String line : optimizer.update(w, String.valueOf(k), g)) {
        code.addStatement("$L", line);
      }
    }
    return code.build();
  }

  /** The update of b. */
  CodeBlock bias(LayerPlan p, Segment s) {
    String b = p.name("b");
    String delta = p.name("delta");
    CodeBlock.Builder code = CodeBlock.builder();
    if (s.isWhole()) {
      code.add(gradient.comment(b, false, delta));
    } else {
      code.add(EmitContext.comment(Passes.equation("g = " + delta, s, b)));
    }
    if (!p.straightLineStep()) {
      return code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
          .add(gradient.update(delta + "[i]", b, "i", false, false))
          .endControlFlow()
          .build();
    }
    for (int i = s.from(); i < s.to(); i++) {
      for (String line : optimizer.update(b, String.valueOf(i), delta + "[" + i + "]")) {
        code.addStatement("$L", line);
      }
    }
    return code.build();
  }

  /**
   * One pass over the columns of W: for column j, the delta below (a dot product with the old
   * column), then the column's update. Over relu inputs, a column whose input is 0 gives a delta
   * below of 0 and, if the plan says so, is not updated at all.
   */
  private CodeBlock columns(LayerPlan p, ActivatedLayer below) {
    String w = p.name("w");
    String delta = p.name("delta");
    String x = p.below("x");
    String zero = arith.lit(0.0);
    CodeBlock.Builder code = CodeBlock.builder();
    if (below != null) {
      code.add(
          EmitContext.comment(
              below.name("delta")
                  + " = (W"
                  + p.number()
                  + "^T "
                  + delta
                  + ") * f'("
                  + below.name("z")
                  + "), before W"
                  + p.number()
                  + " changes"));
      code.add(EmitContext.comment(Expressions.derivativeEquation(below)));
    }
    code.add(gradient.comment(w, true, delta + " " + x + "^T"));
    if (p.skipsZeroInputs()) {
      code.add(Passes.skipComment(x));
    }
    if (below != null && p.partialSums() > 1) {
      code.add(Passes.partialSumsComment(p));
    }
    int from = 0;
    if (below == null && p.stepColumns() > 1) {
      code.add(
          EmitContext.comment(
              p.stepColumns()
                  + " columns of W per pass: each "
                  + delta
                  + "[i] is loaded once for all of them"));
      // plain SGD only (LayerPlan.stepColumns): no optimizer state to load beside W
      List<String> arrays = List.of(w);
      from =
          context.overColumnGroups(
              p,
              x,
              arrays,
              p.stepColumns(),
              CodeBlock.of("final $T d = $N[i];\n", context.element, delta),
              c ->
                  CodeBlock.builder()
                      .add("{\n$>")
                      .add(gradient.update("d * a" + c, w + "j" + c, "i", true, false))
                      .add("$<}\n")
                      .build(),
              code);
      if (from == p.inputs()) {
        return code.build();
      }
    }
    code.beginControlFlow("for (int j = $L; j < $L; j++)", from, p.inputs());
    CodeBlock propagate =
        below == null
            ? CodeBlock.of("")
            : CodeBlock.builder()
                .add(context.expressions.dot(p, w + "j", delta))
                .addStatement("$N[j] = $L", below.name("delta"), backward.deltaBelow(p, below))
                .build();
    if (p.skipsZeroInputs() && p.skipsZeroColumnUpdates()) {
      code.addStatement("final $T a = $N[j]", context.element, x)
          .beginControlFlow("if (a == $L)", zero)
          .addStatement("$N[j] = $L", below.name("delta"), zero)
          .addStatement("continue")
          .endControlFlow()
          .add(columnArrays(w))
          .add(propagate);
    } else if (p.skipsZeroInputs()) {
      code.addStatement("final $T a = $N[j]", context.element, x)
          .add(columnArrays(w))
          .beginControlFlow("if (a == $L)", zero)
          .addStatement("$N[j] = $L", below.name("delta"), zero)
          .nextControlFlow("else")
          .add(propagate)
          .endControlFlow();
    } else {
      code.add(columnArrays(w))
          .add(propagate)
          .addStatement("final $T a = $N[j]", context.element, x);
    }
    code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
        .add(gradient.update(delta + "[i] * a", w + "j", "i", true, false))
        .endControlFlow()
        .endControlFlow();
    if (below != null) {
      code.add(backward.declaredFactor(below, 0, p.inputs()));
    }
    return code.build();
  }

  /** {@code final double[] w1j = w1[j];} and the same for each optimizer state of W. */
  private CodeBlock columnArrays(String w) {
    CodeBlock.Builder code = CodeBlock.builder();
    code.addStatement("final $T $Nj = $N[j]", context.elements, w, w);
    for (OptimizerCode.State state : optimizer.states()) {
      String array = state.prefix() + w;
      code.addStatement("final $T $Nj = $N[j]", context.elements, array, array);
    }
    return code.build();
  }
}
