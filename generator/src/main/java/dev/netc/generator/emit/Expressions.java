package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.netc.generator.plan.ActivatedLayer;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.generator.plan.Planner;
import dev.netc.grammar.model.ActivationCall;
import dev.netc.grammar.print.Literals;
import java.util.List;

/**
 * The expressions of the generated code that several passes share: activations and their
 * derivatives, running sums in straight-line code, and the dot product of a looped layer.
 */
final class Expressions {
  private final Arith arith;

  Expressions(Arith arith) {
    this.arith = arith;
  }

  /** f(z) of layer {@code p}'s elementwise activation, for the element {@code z}. */
  String activation(ActivatedLayer p, String z) {
    String zero = arith.lit(0.0);
    String a = Literals.doubleLiteral(p.activationParameter());
    return switch (p.activation()) {
      case SIGMOID -> arith.sigmoid(z);
      case TANH ->
          arith.floatExp()
              ? "1.0f - 2.0f / (expFloat(2.0f * " + z + ") + 1.0f)"
              : arith.narrowParen("1.0 - 2.0 / (Math.exp(2.0 * " + z + ") + 1.0)");
      case RELU -> z + " > " + zero + " ? " + z + " : " + zero;
      case LEAKY_RELU ->
          z + " > " + zero + " ? " + z + " : " + arith.lit(p.activationParameter()) + " * " + z;
      case ELU ->
          z + " > " + zero + " ? " + z + " : " + arith.narrowParen(a + " * Math.expm1(" + z + ")");
      case SOFTPLUS ->
          z
              + " > "
              + zero
              + " ? "
              + arith.narrowParen(z + " + Math.log1p(Math.exp(-" + z + "))")
              + " : "
              + arith.narrow("Math.log1p(Math.exp(" + z + "))");
      case LINEAR -> z;
      case SOFTMAX -> throw new IllegalStateException("softmax is not elementwise");
      case DECLARED -> throw new IllegalStateException("declared: see DeclaredBlocks.forward");
    };
  }

  /**
   * The factor of a hidden layer's delta at {@code index}: f'(z[index]), or null for linear (f' =
   * 1) and for a declared activation, whose factor is applied after the sums ({@link
   * DeclaredBlocks#derivative}); for a layer with dropout, {@code g[index]} = m * f'(z) (m alone
   * for a declared activation), which its mask method stored.
   */
  String derivative(ActivatedLayer p, String index) {
    if (p.hasDropout()) {
      return DropoutCode.factor(p.number()) + "[" + index + "]";
    }
    return activationDerivative(p, index);
  }

  /** f'(z[index]) of a hidden layer's activation, or null for linear (f' = 1) and declared ones. */
  String activationDerivative(ActivatedLayer p, String index) {
    String z = p.name("z") + "[" + index + "]";
    String x = p.name("x") + "[" + index + "]";
    String one = arith.lit(1.0);
    String zero = arith.lit(0.0);
    return switch (p.activation()) {
      case SIGMOID -> x + " * (" + one + " - " + x + ")";
      case TANH -> "(" + one + " - " + x + " * " + x + ")";
      case RELU -> "(" + z + " > " + zero + " ? " + one + " : " + zero + ")";
      case LEAKY_RELU ->
          "(" + z + " > " + zero + " ? " + one + " : " + arith.lit(p.activationParameter()) + ")";
      case ELU ->
          "("
              + z
              + " > "
              + zero
              + " ? "
              + one
              + " : "
              + x
              + " + "
              + arith.lit(p.activationParameter())
              + ")";
      case SOFTPLUS -> "(" + arith.sigmoid(z) + ")";
      case LINEAR, DECLARED -> null;
      case SOFTMAX -> throw new IllegalStateException("softmax only on the output layer");
    };
  }

  /** The comment line {@code f'(z1) = 1 - x1^2 (tanh)}. */
  static String derivativeEquation(ActivatedLayer p) {
    String x = p.name("x");
    String z = p.name("z");
    String value =
        switch (p.activation()) {
          case SIGMOID -> x + " (1 - " + x + ") (sigmoid)";
          case TANH -> "1 - " + x + "^2 (tanh)";
          case RELU -> "1 if " + z + " > 0 else 0 (relu)";
          case LEAKY_RELU -> "1 if " + z + " > 0 else a (leaky_relu)";
          case ELU -> "1 if " + z + " > 0 else " + x + " + a (elu)";
          case SOFTPLUS -> "sigmoid(" + z + ") (softplus)";
          case LINEAR -> "1 (linear)";
          case SOFTMAX -> "full Jacobian (softmax)";
          case DECLARED ->
              "as derived below ("
                  + p.declared().map(ActivationCall::name).orElse("declared")
                  + ")";
        };
    String equation = "f'(" + z + ") = " + value;
    if (p.hasDropout()) {
      equation +=
          "; times the dropout mask m"
              + p.number()
              + ": "
              + DropoutCode.factor(p.number())
              + " = m"
              + p.number()
              + " f'("
              + z
              + ")";
    }
    return equation;
  }

  /**
   * {@code target = t0 + t1 + ...}, times {@code factor} if given; stored in parts of at most
   * {@link Planner#PARTIAL_SUM_TERMS} terms ({@code target = ...; target += ...;}).
   */
  static CodeBlock runningSum(String target, List<String> terms, String factor) {
    CodeBlock.Builder code = CodeBlock.builder();
    int parts = (terms.size() + Planner.PARTIAL_SUM_TERMS - 1) / Planner.PARTIAL_SUM_TERMS;
    if (parts == 1) {
      String sum = join(terms);
      return code.addStatement(
              "$L = $L", target, factor == null ? sum : "(" + sum + ") * " + factor)
          .build();
    }
    for (int part = 0; part < parts; part++) {
      List<String> chunk =
          terms.subList(
              part * Planner.PARTIAL_SUM_TERMS,
              Math.min(terms.size(), (part + 1) * Planner.PARTIAL_SUM_TERMS));
      code.addStatement("$L $L $L", target, part == 0 ? "=" : "+=", join(chunk));
    }
    if (factor != null) {
      code.addStatement("$L *= $L", target, factor);
    }
    return code.build();
  }

  /** Terms joined with {@code +}, four to a line. */
  static String join(List<String> terms) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < terms.size(); k++) {
      if (k > 0) {
        text.append(k % 4 == 0 ? "\n+ " : " + ");
      }
      text.append(terms.get(k));
    }
    return text.toString();
  }

  /**
   * {@code s = sum_i wj[i] * delta[i]} over the units of looped layer {@code p}, in {@code
   * p.partialSums()} independent sums combined pairwise at the end.
   */
  CodeBlock dot(LayerPlan p, String column, String delta) {
    CodeBlock.Builder code = CodeBlock.builder();
    String zero = arith.lit(0.0);
    int n = p.units();
    int sums = p.partialSums();
    if (sums == 1) {
      return code.addStatement("$L s = $L", arith.type(), zero)
          .beginControlFlow("for (int i = 0; i < $L; i++)", n)
          .addStatement("s += $N[i] * $N[i]", column, delta)
          .endControlFlow()
          .build();
    }
    int main = n - n % sums;
    StringBuilder declare = new StringBuilder();
    for (int u = 0; u < sums; u++) {
      declare.append(u == 0 ? "" : ", ").append('s').append(u).append(" = ").append(zero);
    }
    code.addStatement("$L $L", arith.type(), declare);
    code.beginControlFlow("for (int i = 0; i < $L; i += $L)", main, sums);
    for (int u = 0; u < sums; u++) {
      String at = u == 0 ? "i" : "i + " + u;
      code.addStatement("s$L += $N[$L] * $N[$L]", u, column, at, delta, at);
    }
    code.endControlFlow();
    if (main < n) {
      code.beginControlFlow("for (int i = $L; i < $L; i++)", main, n)
          .addStatement("s0 += $N[i] * $N[i]", column, delta)
          .endControlFlow();
    }
    return code.addStatement("final $L s = $L", arith.type(), pairwise(0, sums)).build();
  }

  /** {@code (s0 + s1) + (s2 + s3)}: sums {@code from} to {@code from + count - 1}, pairwise. */
  private static String pairwise(int from, int count) {
    if (count == 1) {
      return "s" + from;
    }
    String left = pairwise(from, count / 2);
    String right = pairwise(from + count / 2, count - count / 2);
    return (count / 2 > 1 ? "(" + left + ")" : left)
        + " + "
        + (count - count / 2 > 1 ? "(" + right + ")" : right);
  }

  /** {@code value * factor}, or {@code value} if the factor is null (f' = 1). */
  static String times(String value, String factor) {
    return factor == null ? value : value + " * " + factor;
  }
}
