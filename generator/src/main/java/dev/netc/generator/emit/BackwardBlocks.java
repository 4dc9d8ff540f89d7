package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.netc.generator.plan.ActivatedLayer;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.generator.plan.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks of a layer's backward pass, which accumulates the gradient: {@code dW += delta x^T},
 * {@code db += delta}, and the delta of the layer below.
 */
final class BackwardBlocks {
  private final EmitContext context;
  private final Arith arith;

  BackwardBlocks(EmitContext context) {
    this.context = context;
    this.arith = context.arith;
  }

  /** {@code dW += delta x^T}: the segment's weights, or a loop over the columns. */
  CodeBlock weightGradient(LayerPlan p, Segment s) {
    String dw = p.name("dw");
    String delta = p.name("delta");
    String x = p.below("x");
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(
        EmitContext.comment(
            Passes.equation(
                "dW" + p.number() + " += " + delta + " " + x + "^T   (dE/dW = delta x^T)", s, dw)));
    if (!p.columns()) {
      for (int k = s.from(); k < s.to(); k++) {
        int i = k / p.inputs();
        int j = k % p.inputs();
        code.addStatement("$N[$L] += $N[$L] * $N[$L]", dw, k, delta, i, x, j);
      }
      return code.build();
    }
    if (p.skipsZeroInputs()) {
      code.add(Passes.skipComment(x));
    }
    int from = 0;
    if (p.gradientColumns() > 1) {
      code.add(
          EmitContext.comment(
              p.gradientColumns()
                  + " columns of dW per pass: each "
                  + delta
                  + "[i] is loaded once for all of them"));
      from =
          context.overColumnGroups(
              p,
              x,
              List.of(dw),
              p.gradientColumns(),
              CodeBlock.of("final $T d = $N[i];\n", context.element, delta),
              c -> CodeBlock.of("$Nj$L[i] += d * a$L;\n", dw, c, c),
              code);
    }
    if (from == p.inputs()) {
      return code.build();
    }
    return code.add(context.overColumns(p, from, x, dw, dw + "j[i] += " + delta + "[i] * a"))
        .build();
  }

  /** {@code db += delta}. */
  CodeBlock biasGradient(LayerPlan p, Segment s) {
    String db = p.name("db");
    String delta = p.name("delta");
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(
        EmitContext.comment(Passes.equation(db + " += " + delta + "   (dE/db = delta)", s, db)));
    if (!p.columns()) {
      for (int i = s.from(); i < s.to(); i++) {
        code.addStatement("$N[$L] += $N[$L]", db, i, delta, i);
      }
      return code.build();
    }
    return code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
        .addStatement("$N[i] += $N[i]", db, delta)
        .endControlFlow()
        .build();
  }

  /**
   * {@code delta(l-1) = (W(l)^T delta(l)) * f'(z(l-1))}, straight-line (the segment's inputs) or
   * one dot product per column; {@code note} ends the equation's comment.
   */
  CodeBlock propagate(LayerPlan p, ActivatedLayer below, Segment s, String note) {
    String w = p.name("w");
    String delta = p.name("delta");
    String target = below.name("delta");
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(
        EmitContext.comment(
            Passes.equation(
                target
                    + " = (W"
                    + p.number()
                    + "^T "
                    + delta
                    + ") * f'("
                    + below.name("z")
                    + ")"
                    + note,
                s,
                target)));
    code.add(EmitContext.comment(Expressions.derivativeEquation(below)));
    if (!p.columns()) {
      for (int j = s.from(); j < s.to(); j++) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < p.units(); i++) {
          terms.add(w + "[" + p.weightIndex(i, j) + "] * " + delta + "[" + i + "]");
        }
        code.add(
            Expressions.runningSum(
                target + "[" + j + "]",
                terms,
                context.expressions.derivative(below, String.valueOf(j))));
      }
      return code.add(declaredFactor(below, s.from(), s.to())).build();
    }
    if (p.skipsZeroInputs()) {
      code.add(Passes.reluComment(below));
    }
    if (p.partialSums() > 1) {
      code.add(Passes.partialSumsComment(p));
    }
    code.beginControlFlow("for (int j = 0; j < $L; j++)", p.inputs());
    if (p.skipsZeroInputs()) {
      code.beginControlFlow("if ($N[j] == $L)", below.name("x"), arith.lit(0.0))
          .addStatement("$N[j] = $L", target, arith.lit(0.0))
          .addStatement("continue")
          .endControlFlow();
    }
    return code.addStatement("final $T $Nj = $N[j]", context.elements, w, w)
        .add(context.expressions.dot(p, w + "j", delta))
        .addStatement("$N[j] = $L", target, deltaBelow(p, below))
        .endControlFlow()
        .add(declaredFactor(below, 0, p.inputs()))
        .build();
  }

  /**
   * {@code delta *= f'(z)} of layer {@code below} for its units {@code from} to {@code to - 1} if
   * its activation is declared (its sums were stored without the factor), else nothing.
   */
  CodeBlock declaredFactor(ActivatedLayer below, int from, int to) {
    return below.declared().isPresent()
        ? context.declared.derivative(below, "j", from, to)
        : CodeBlock.of("");
  }

  /**
   * {@code s * f'(z[j])} in a loop over the columns of looped layer {@code p}; just {@code s} where
   * the layer skips the zero inputs of a relu layer, whose f' is 1 wherever its output is not 0
   * (with dropout on that layer, {@code s * g[j]}: the mask's scale).
   */
  String deltaBelow(LayerPlan p, ActivatedLayer below) {
    if (p.skipsZeroInputs() && !(below.hasDropout())) {
      return "s";
    }
    return Expressions.times("s", context.expressions.derivative(below, "j"));
  }
}
