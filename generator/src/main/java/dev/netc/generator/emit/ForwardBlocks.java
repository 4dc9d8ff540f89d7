package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.generator.plan.Segment;
import dev.netc.grammar.model.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The blocks of a layer's forward pass: {@code z = W x + b}, then {@code x = f(z)}. */
final class ForwardBlocks {
  private final EmitContext context;
  private final Arith arith;

  ForwardBlocks(EmitContext context) {
    this.context = context;
    this.arith = context.arith;
  }

  /** {@code z = W x + b}, straight-line (the segment's units) or over the columns of W. */
  CodeBlock sum(LayerPlan p, Segment s) {
    String z = p.name("z");
    String w = p.name("w");
    String b = p.name("b");
    String x = p.below("x");
    CodeBlock.Builder code = CodeBlock.builder();
    String equation = z + " = W" + p.number() + " " + x + " + " + b;
    if (!p.columns()) {
      code.add(EmitContext.comment(Passes.equation(equation, s, z)));
      for (int i = s.from(); i < s.to(); i++) {
        List<String> terms = new ArrayList<>();
        for (int j = 0; j < p.inputs(); j++) {
          terms.add(w + "[" + p.weightIndex(i, j) + "] * " + x + "[" + j + "]");
        }
        terms.add(b + "[" + i + "]");
        code.add(Expressions.runningSum(z + "[" + i + "]", terms, null));
      }
      return code.build();
    }
    code.add(
        EmitContext.comment(
            equation
                + ", as axpy over the columns of W"
                + p.number()
                + " ("
                + w
                + "[j][i] = W"
                + p.number()
                + "[i][j])"));
    code.addStatement("System.arraycopy($N, 0, $N, 0, $L)", b, z, p.units());
    if (p.forwardColumns() > 1) {
      return code.add(columns(p, z, w, x)).build();
    }
    if (p.skipsZeroInputs()) {
      code.add(Passes.skipComment(x));
    }
    return code.add(context.overColumns(p, x, w, z + "[i] += " + w + "j[i] * a")).build();
  }

  /**
   * {@code z += W x} over the column arrays, {@code p.forwardColumns()} columns per pass, then one
   * column per pass for the last {@code inputs % columns}. The products of one pass are summed
   * before z, so results can differ from a column-by-column sum in the last bits.
   */
  private CodeBlock columns(LayerPlan p, String z, String w, String x) {
    int n = p.inputs();
    int columns = p.forwardColumns();
    int main = n - n % columns;
    CodeBlock.Builder code = CodeBlock.builder();
    if (main > 0) {
      code.add(
          EmitContext.comment(
              columns
                  + " columns of W per pass: z is loaded and stored once"
                  + " per "
                  + columns
                  + " multiply-adds"));
      if (columns > GROUP) {
        code.add(
            EmitContext.comment(
                "z = (z + g0) + g1 ...: each group of "
                    + GROUP
                    + " products added to z in turn, as "
                    + GROUP
                    + " columns per pass would"));
      }
      code.beginControlFlow("for (int j = 0; j < $L; j += $L)", main, columns);
      for (int c = 0; c < columns; c++) {
        code.addStatement(
            "final $T a$L = $N[$L]", context.element, c, x, c == 0 ? "j" : "j + " + c);
      }
      for (int c = 0; c < columns; c++) {
        code.addStatement(
            "final $T $Nj$L = $N[$L]", context.elements, w, c, w, c == 0 ? "j" : "j + " + c);
      }
      code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
          .addStatement(addColumns(z + "[i]", columns, c -> w + "j" + c + "[i] * a" + c))
          .endControlFlow()
          .endControlFlow();
    }
    if (main < n) {
      code.beginControlFlow("for (int j = $L; j < $L; j++)", main, n)
          .addStatement("final $T a = $N[j]", context.element, x)
          .addStatement("final $T $Nj = $N[j]", context.elements, w, w)
          .beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
          .addStatement("$N[i] += $Nj[i] * a", z, w)
          .endControlFlow()
          .endControlFlow();
    }
    return code.build();
  }

  /**
   * The statement that adds the terms {@code term(0)} to {@code term(columns - 1)} of one pass over
   * several columns to {@code target}: {@code z[i] += t0 + ... + t3} for up to {@value #GROUP}
   * columns; more are summed in groups of {@value #GROUP}, each group added to z in turn, {@code
   * z[i] = z[i] + (t0 + ... + t3) + (t4 + ... + t7)}, which is {@code ((z + g0) + g1)}: one load
   * and one store of z for all the columns, and exactly the arithmetic of successive passes of
   * {@value #GROUP} columns. This is the one summation order of the forward pass: a block of rows
   * ({@link BatchBlocks}) takes {@value #GROUP} columns per pass and so gives each row the bits of
   * the per-row pass.
   */
  static String addColumns(String target, int columns, IntFunction<String> term) {
    StringBuilder sum = new StringBuilder();
    for (int g = 0; g < columns; g += GROUP) {
      StringBuilder group = new StringBuilder();
      for (int c = g; c < Math.min(columns, g + GROUP); c++) {
        group.append(c > g ? " + " : "").append(term.apply(c));
      }
      sum.append(columns > GROUP ? " + (" + group + ")" : group);
    }
    return columns > GROUP ? target + " = " + target + sum : target + " += " + sum;
  }

  /**
   * Columns per group of the forward pass's sum of products; a pass over more columns adds the
   * groups to z one after the other. A block of rows takes one group per pass.
   */
  static final int GROUP = 4;

  /** {@code x = f(z)}: elementwise (the segment's units), or softmax as a whole. */
  CodeBlock activation(LayerPlan p, Segment s) {
    Activation f = p.layer().activation();
    String z = p.name("z");
    String x = p.name("x");
    if (f == Activation.SOFTMAX) {
      return softmax(p);
    }
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(
        EmitContext.comment(
            Passes.equation(
                x + " = " + p.layer().activationName() + "(" + z + "), elementwise", s, x)));
    if (f == Activation.DECLARED) {
      return code.add(context.declared.forward(p, s.from(), s.to())).build();
    }
    if (p.expLoops()) {
      return code.add(ExpLoops.activation(p)).build();
    }
    if (f == Activation.TANH && s.from() == 0 && arith.floatExp()) {
      code.add(
          EmitContext.comment(
              "tanh z = 1 - 2 / (e^2z + 1), in float (expFloat); exact limits +-1"));
    } else if (f == Activation.TANH && s.from() == 0) {
      code.add(
          EmitContext.comment(
              "tanh z = 1 - 2 / (e^2z + 1): Math.exp is a HotSpot intrinsic,"
                  + " about 3x faster than Math.tanh"));
      code.add(
          EmitContext.comment(
              "on JDK 17 (13 ns against 42 ns here); absolute error below"
                  + " 5e-16, exact limits +-1"));
    }
    if (!p.columns()) {
      for (int i = s.from(); i < s.to(); i++) {
        code.addStatement(
            "$N[$L] = $L", x, i, context.expressions.activation(p, z + "[" + i + "]"));
      }
      return code.build();
    }
    return code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
        .addStatement("$N[i] = $L", x, context.expressions.activation(p, z + "[i]"))
        .endControlFlow()
        .build();
  }

  /**
   * {@code x = softmax(z)} of the output layer: the method {@code softmax()} of the forward pass
   * (after the layer's sum, {@code NetworkPlan#softmaxOutput}), and a block's per-row activation.
   */
  CodeBlock softmax(LayerPlan p) {
    String z = p.name("z");
    String x = p.name("x");
    int n = p.units();
    // a float class with expFloat sums in float: at most a few ulp from a double sum, which is >= 1
    boolean inFloat = arith.floatExp();
    String type = inFloat ? "float" : "double";
    return CodeBlock.builder()
        .add(
            EmitContext.comment(
                x
                    + " = softmax("
                    + z
                    + "), stable: exp(z - max) cannot overflow,"
                    + " and the sum is >= 1"))
        .add(
            EmitContext.comment(
                "softmaxMax and softmaxSum are kept for the loss: ln "
                    + x
                    + "[k] = "
                    + z
                    + "[k] - max - ln(sum)"))
        .addStatement("$L max = $N[0]", type, z)
        .beginControlFlow("for (int i = 1; i < $L; i++)", n)
        .addStatement("max = Math.max(max, $N[i])", z)
        .endControlFlow()
        .addStatement("$L sum = $L", type, inFloat ? "0.0f" : "0.0")
        .beginControlFlow("for (int i = 0; i < $L; i++)", n)
        .addStatement(
            "final $L e = $L",
            type,
            inFloat ? "expFloat(" + z + "[i] - max)" : "Math.exp(" + z + "[i] - max)")
        .addStatement("$N[i] = $L", x, inFloat ? "e" : arith.narrow("e"))
        .addStatement("sum += e")
        .endControlFlow()
        .beginControlFlow("for (int i = 0; i < $L; i++)", n)
        .addStatement(
            "$N[i] = $L", x, inFloat ? x + "[i] / sum" : arith.narrowParen(x + "[i] / sum"))
        .endControlFlow()
        .addStatement("softmaxMax = max")
        .addStatement("softmaxSum = sum")
        .build();
  }
}
