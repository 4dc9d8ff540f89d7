package dev.netc.generator.emit;

import dev.netc.generator.plan.CodeShape;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.generator.plan.Planner;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.print.Literals;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-layer methods of a generated class: forward, backward (accumulating the gradient), the
 * fused stochastic step and the update from the accumulated gradient. Straight-line code for
 * unrolled layers, constant-bound loops over transposed weights for looped ones.
 */
final class LayerEmitter {
  private final Network network;
  private final Arith arith;
  private final OptimizerCode optimizer;

  LayerEmitter(Network network, Arith arith, OptimizerCode optimizer) {
    this.network = network;
    this.arith = arith;
    this.optimizer = optimizer;
  }

  // ---------------------------------------------------------------- forward

  Body forward(LayerPlan p) {
    Body body = new Body();
    String z = p.name("z");
    String w = p.name("w");
    String b = p.name("b");
    String x = p.below("x");
    if (p.shape() == CodeShape.UNROLLED) {
      body.comment(z + " = W" + p.number() + " " + x + " + " + b);
      for (int i = 0; i < p.units(); i++) {
        List<String> terms = new ArrayList<>();
        for (int j = 0; j < p.inputs(); j++) {
          terms.add(w + "[" + p.weightIndex(i, j) + "] * " + x + "[" + j + "]");
        }
        terms.add(b + "[" + i + "]");
        runningSum(body, z + "[" + i + "]", terms, null);
      }
    } else {
      body.comment(
          z + " = W" + p.number() + " " + x + " + " + b + ", as axpy over the columns of W"
              + p.number() + " (" + w + "[j][i] = W" + p.number() + "[i][j])");
      body.stmt("System.arraycopy(" + b + ", 0, " + z + ", 0, " + p.units() + ")");
      if (skipsZeroInputs(p)) {
        skipComment(body, x);
        body.code(
            "for (int j = 0; j < " + p.inputs() + "; j++) {\n"
                + "  final " + arith.type() + " a = " + x + "[j];\n"
                + "  if (a == " + arith.lit(0.0) + ") {\n"
                + "    continue;\n"
                + "  }\n"
                + columns("  ", w)
                + "  for (int i = 0; i < " + p.units() + "; i++) {\n"
                + "    " + z + "[i] += " + w + "j[i] * a;\n"
                + "  }\n"
                + "}\n");
      } else {
        forwardColumns(body, p, z, w, x);
      }
    }
    activation(body, p);
    return body;
  }

  /**
   * True if looped layer {@code p} takes its inputs from a relu layer, about half of whose outputs
   * are exactly 0: its loops over the columns of W then skip those columns (ShapeExperiment,
   * W4's 1024 x 1024 layer with half of the inputs 0: forward 1.64x). Only relu: leaky_relu and elu
   * never give exact zeros.
   */
  private boolean skipsZeroInputs(LayerPlan p) {
    return p.shape() == CodeShape.LOOPED && p.number() > 1
        && network.layers().get(p.number() - 2).activation() == Activation.RELU;
  }

  private static void skipComment(Body body, String x) {
    body.comment(x + " comes from relu: a column whose input is exactly 0 adds only 0 * w, so it"
        + " is skipped");
    body.comment("(then 0 * Inf and 0 * NaN in W no longer propagate; the trainer's NaN guard"
        + " still catches");
    body.comment("a divergence through the loss)");
  }

  /** Columns of W per pass over z in the looped forward pass. */
  static final int FORWARD_COLUMNS = 4;

  /**
   * {@code z += W x} over the column arrays, {@link #FORWARD_COLUMNS} columns per pass: {@code z[i]
   * += w0[i] * a0 + w1[i] * a1 + w2[i] * a2 + w3[i] * a3} loads and stores z once per four
   * multiply-adds instead of once per multiply-add (ShapeExperiment, W3's first layer: 1.27x in
   * double, 1.65x in float); a loop of one column per pass takes the last {@code inputs % 4}
   * columns. Four products are summed before z, so results can differ from a column-by-column sum
   * in the last bits.
   */
  private void forwardColumns(Body body, LayerPlan p, String z, String w, String x) {
    int n = p.inputs();
    int main = n - n % FORWARD_COLUMNS;
    String type = arith.type();
    if (main > 0) {
      StringBuilder loop = new StringBuilder();
      StringBuilder sum = new StringBuilder();
      loop.append("for (int j = 0; j < ").append(main).append("; j += ").append(FORWARD_COLUMNS)
          .append(") {\n");
      for (int c = 0; c < FORWARD_COLUMNS; c++) {
        String at = c == 0 ? "j" : "j + " + c;
        loop.append("  final ").append(type).append(" a").append(c).append(" = ").append(x)
            .append("[").append(at).append("];\n");
      }
      for (int c = 0; c < FORWARD_COLUMNS; c++) {
        String at = c == 0 ? "j" : "j + " + c;
        loop.append("  final ").append(arith.arrayType()).append(' ').append(w).append("j")
            .append(c).append(" = ").append(w).append("[").append(at).append("];\n");
        sum.append(c == 0 ? "" : " + ").append(w).append("j").append(c).append("[i] * a")
            .append(c);
      }
      loop.append("  for (int i = 0; i < ").append(p.units()).append("; i++) {\n");
      loop.append("    ").append(z).append("[i] += ").append(sum).append(";\n");
      loop.append("  }\n}\n");
      body.code(loop.toString());
    }
    if (main < n) {
      body.code(
          "for (int j = " + main + "; j < " + n + "; j++) {\n"
              + "  final " + type + " a = " + x + "[j];\n"
              + columns("  ", w)
              + "  for (int i = 0; i < " + p.units() + "; i++) {\n"
              + "    " + z + "[i] += " + w + "j[i] * a;\n"
              + "  }\n"
              + "}\n");
    }
  }

  private void activation(Body body, LayerPlan p) {
    Activation f = p.layer().activation();
    String z = p.name("z");
    String x = p.name("x");
    if (f == Activation.SOFTMAX) {
      softmax(body, p);
      return;
    }
    body.comment(x + " = " + f.dslName() + "(" + z + "), elementwise");
    if (f == Activation.TANH) {
      body.comment("tanh z = 1 - 2 / (e^2z + 1): Math.exp is a HotSpot intrinsic, about 3x faster"
          + " than Math.tanh");
      body.comment("on JDK 17 (13 ns against 42 ns here); absolute error below 5e-16, exact limits"
          + " +-1");
    }
    elementwise(body, p.shape(), p.units(), x + "[#] = " + activationExpr(p, z + "[#]"));
  }

  private String activationExpr(LayerPlan p, String z) {
    String zero = arith.lit(0.0);
    String a = Literals.doubleLiteral(p.layer().activationParameter());
    return switch (p.layer().activation()) {
      case SIGMOID -> arith.narrowParen("1.0 / (1.0 + Math.exp(-" + z + "))");
      case TANH -> arith.narrowParen("1.0 - 2.0 / (Math.exp(2.0 * " + z + ") + 1.0)");
      case RELU -> z + " > " + zero + " ? " + z + " : " + zero;
      case LEAKY_RELU -> z + " > " + zero + " ? " + z + " : " + arith.lit(p.layer().activationParameter())
          + " * " + z;
      case ELU -> z + " > " + zero + " ? " + z + " : " + arith.narrowParen(a + " * Math.expm1(" + z + ")");
      case SOFTPLUS -> z + " > " + zero + " ? " + arith.narrowParen(z + " + Math.log1p(Math.exp(-" + z + "))")
          + " : " + arith.narrow("Math.log1p(Math.exp(" + z + "))");
      case LINEAR -> z;
      case SOFTMAX -> throw new IllegalStateException("softmax is not elementwise");
    };
  }

  private void softmax(Body body, LayerPlan p) {
    String z = p.name("z");
    String x = p.name("x");
    int n = p.units();
    body.comment(
        x + " = softmax(" + z + "), stable: exp(z - max) cannot overflow, and the sum is >= 1");
    body.comment("softmaxMax and softmaxSum are kept for the loss: ln " + x + "[k] = " + z
        + "[k] - max - ln(sum)");
    body.code(
        "double max = " + z + "[0];\n"
            + "for (int i = 1; i < " + n + "; i++) {\n"
            + "  max = Math.max(max, " + z + "[i]);\n"
            + "}\n"
            + "double sum = 0.0;\n"
            + "for (int i = 0; i < " + n + "; i++) {\n"
            + "  final double e = Math.exp(" + z + "[i] - max);\n"
            + "  " + x + "[i] = " + arith.narrow("e") + ";\n"
            + "  sum += e;\n"
            + "}\n"
            + "for (int i = 0; i < " + n + "; i++) {\n"
            + "  " + x + "[i] = " + arith.narrowParen(x + "[i] / sum") + ";\n"
            + "}\n"
            + "softmaxMax = max;\n"
            + "softmaxSum = sum;\n");
  }

  // ---------------------------------------------------------------- backward

  /** {@code backward<l>}: accumulate dW, db, and propagate delta to the layer below. */
  Body backward(LayerPlan p, LayerPlan below) {
    Body body = new Body();
    String w = p.name("w");
    String dw = p.name("dw");
    String db = p.name("db");
    String delta = p.name("delta");
    String x = p.below("x");
    body.comment(
        "d" + "W" + p.number() + " += " + delta + " " + x + "^T;  " + db + " += " + delta
            + "   (dE/dW = delta x^T, dE/db = delta)");
    if (p.shape() == CodeShape.UNROLLED) {
      for (int i = 0; i < p.units(); i++) {
        for (int j = 0; j < p.inputs(); j++) {
          body.stmt(dw + "[" + p.weightIndex(i, j) + "] += " + delta + "[" + i + "] * " + x + "["
              + j + "]");
        }
      }
      for (int i = 0; i < p.units(); i++) {
        body.stmt(db + "[" + i + "] += " + delta + "[" + i + "]");
      }
    } else {
      boolean skip = skipsZeroInputs(p);
      if (skip) {
        skipComment(body, x);
      }
      body.code(
          "for (int j = 0; j < " + p.inputs() + "; j++) {\n"
              + "  final " + arith.type() + " a = " + x + "[j];\n"
              + (skip ? "  if (a == " + arith.lit(0.0) + ") {\n    continue;\n  }\n" : "")
              + columns("  ", dw)
              + "  for (int i = 0; i < " + p.units() + "; i++) {\n"
              + "    " + dw + "j[i] += " + delta + "[i] * a;\n"
              + "  }\n"
              + "}\n");
      body.code(
          "for (int i = 0; i < " + p.units() + "; i++) {\n"
              + "  " + db + "[i] += " + delta + "[i];\n"
              + "}\n");
    }
    if (below != null) {
      propagate(body, p, below, w);
    }
    return body;
  }

  /** delta(l-1) = (W(l)^T delta(l)) * f'(z(l-1)). */
  private void propagate(Body body, LayerPlan p, LayerPlan below, String w) {
    String delta = p.name("delta");
    String target = below.name("delta");
    body.comment(target + " = (W" + p.number() + "^T " + delta + ") * f'(" + below.name("z")
        + "), f' = " + derivativeText(below));
    if (p.shape() == CodeShape.UNROLLED) {
      for (int j = 0; j < p.inputs(); j++) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < p.units(); i++) {
          terms.add(w + "[" + p.weightIndex(i, j) + "] * " + delta + "[" + i + "]");
        }
        String factor = derivative(below, String.valueOf(j));
        runningSum(body, target + "[" + j + "]", terms, factor);
      }
    } else {
      String skip = "";
      if (skipsZeroInputs(p)) {
        body.comment("relu: " + target + "[j] = 0 where " + below.name("x") + "[j] = 0 (f' = 0),"
            + " without the dot product");
        skip = "  if (" + below.name("x") + "[j] == " + arith.lit(0.0) + ") {\n"
            + "    " + target + "[j] = " + arith.lit(0.0) + ";\n"
            + "    continue;\n"
            + "  }\n";
      }
      body.code(
          "for (int j = 0; j < " + p.inputs() + "; j++) {\n"
              + skip
              + columns("  ", w)
              + dotLoop(p, w, delta, "  ")
              + "  " + target + "[j] = " + times("s", derivative(below, "j")) + ";\n"
              + "}\n");
    }
  }

  /**
   * {@code s = sum_i w[row + i] * delta[i]}. A single running sum is bound by the latency of one
   * floating-point add per element (C2 does not vectorize the reduction, whose order it must keep),
   * so wide layers use four independent partial sums, which keep the adder busy.
   */
  private String dotLoop(LayerPlan p, String w, String delta, String indent) {
    String zero = arith.lit(0.0);
    int n = p.units();
    if (n < 8) {
      return indent + arith.type() + " s = " + zero + ";\n"
          + indent + "for (int i = 0; i < " + n + "; i++) {\n"
          + indent + "  s += " + w + "j[i] * " + delta + "[i];\n"
          + indent + "}\n";
    }
    int main = n - n % 4;
    StringBuilder text = new StringBuilder();
    text.append(indent).append(arith.type()).append(" s0 = ").append(zero).append(", s1 = ")
        .append(zero).append(", s2 = ").append(zero).append(", s3 = ").append(zero).append(";\n");
    text.append(indent).append("for (int i = 0; i < ").append(main).append("; i += 4) {\n");
    for (int u = 0; u < 4; u++) {
      String at = u == 0 ? "i" : "i + " + u;
      text.append(indent).append("  s").append(u).append(" += ").append(w).append("j[")
          .append(at).append("] * ").append(delta).append("[").append(at).append("];\n");
    }
    text.append(indent).append("}\n");
    if (main < n) {
      text.append(indent).append("for (int i = ").append(main).append("; i < ").append(n)
          .append("; i++) {\n");
      text.append(indent).append("  s0 += ").append(w).append("j[i] * ").append(delta)
          .append("[i];\n");
      text.append(indent).append("}\n");
    }
    text.append(indent).append("final ").append(arith.type()).append(" s = (s0 + s1) + (s2 + s3);\n");
    return text.toString();
  }

  private static String times(String value, String factor) {
    return factor == null ? value : value + " * " + factor;
  }

  /** The factor f'(z[index]) of a hidden layer, or null for linear (f' = 1). */
  String derivative(LayerPlan p, String index) {
    String z = p.name("z") + "[" + index + "]";
    String x = p.name("x") + "[" + index + "]";
    String one = arith.lit(1.0);
    String zero = arith.lit(0.0);
    return switch (p.layer().activation()) {
      case SIGMOID -> x + " * (" + one + " - " + x + ")";
      case TANH -> "(" + one + " - " + x + " * " + x + ")";
      case RELU -> "(" + z + " > " + zero + " ? " + one + " : " + zero + ")";
      case LEAKY_RELU -> "(" + z + " > " + zero + " ? " + one + " : "
          + arith.lit(p.layer().activationParameter()) + ")";
      case ELU -> "(" + z + " > " + zero + " ? " + one + " : " + x + " + "
          + arith.lit(p.layer().activationParameter()) + ")";
      case SOFTPLUS -> "(" + arith.narrowParen("1.0 / (1.0 + Math.exp(-" + z + "))") + ")";
      case LINEAR -> null;
      case SOFTMAX -> throw new IllegalStateException("softmax only on the output layer");
    };
  }

  static String derivativeText(LayerPlan p) {
    String x = p.name("x");
    String z = p.name("z");
    return switch (p.layer().activation()) {
      case SIGMOID -> x + " (1 - " + x + ") (sigmoid)";
      case TANH -> "1 - " + x + "^2 (tanh)";
      case RELU -> "1 if " + z + " > 0 else 0 (relu)";
      case LEAKY_RELU -> "1 if " + z + " > 0 else a (leaky_relu)";
      case ELU -> "1 if " + z + " > 0 else " + x + " + a (elu)";
      case SOFTPLUS -> "sigmoid(" + z + ") (softplus)";
      case LINEAR -> "1 (linear)";
      case SOFTMAX -> "full Jacobian (softmax)";
    };
  }

  // ---------------------------------------------------------------- update and fused step

  /** The gradient of one weight: {@code base} plus the l2 term, then clipped. */
  private List<String> gradient(String base, String param, String k, boolean weight, boolean norm) {
    List<String> lines = new ArrayList<>();
    String g = base;
    if (weight && network.regularizer().isPresent()) {
      g += " + lambda * " + param + "[" + k + "]";
    }
    lines.add(arith.type() + " g = " + g);
    if (norm) {
      lines.add("g *= f");
    }
    if (network.clip().isPresent() && network.clip().get() instanceof Clip.Value) {
      lines.add("g = Math.max(-clip, Math.min(clip, g))");
    }
    return lines;
  }

  private String gradientComment(String p, boolean weight, String base) {
    String g = "g = " + base;
    if (weight && network.regularizer().isPresent()) {
      g += " + lambda " + p;
    }
    if (network.clip().isPresent()) {
      g += network.clip().get() instanceof Clip.Value ? ", clamped to [-clip, clip]" : ", times f";
    }
    return g;
  }

  /** {@code update<l>}: one optimizer step from the accumulated gradient, then clears it. */
  Body update(LayerPlan p, boolean norm) {
    Body body = new Body();
    for (String param : List.of(p.name("w"), p.name("b"))) {
      boolean weight = param.startsWith("w");
      String d = "d" + param;
      body.comment(gradientComment(param, weight, "s " + d) + ";  " + optimizer.equation(param)
          + ";  " + d + " = 0");
      boolean columns = weight && p.transposed();
      String at = columns ? "i" : "k";
      String pv = columns ? param + "j" : param;
      String dv = columns ? d + "j" : d;
      StringBuilder loop = new StringBuilder();
      String indent = "  ";
      if (columns) {
        loop.append("for (int j = 0; j < ").append(p.inputs()).append("; j++) {\n");
        loop.append(columns("  ", param, d));
        loop.append(columns("  ", stateNames(param)));
        loop.append("  for (int i = 0; i < ").append(p.units()).append("; i++) {\n");
        indent = "    ";
      } else {
        int n = weight ? p.weightCount() : p.units();
        loop.append("for (int k = 0; k < ").append(n).append("; k++) {\n");
      }
      for (String line : gradient("s * " + dv + "[" + at + "]", pv, at, weight, norm)) {
        loop.append(indent).append(line).append(";\n");
      }
      for (String line : optimizer.update(pv, at, "g")) {
        loop.append(indent).append(line).append(";\n");
      }
      loop.append(indent).append(dv).append("[").append(at).append("] = ")
          .append(arith.lit(0.0)).append(";\n");
      loop.append(columns ? "  }\n}\n" : "}\n");
      body.code(loop.toString());
    }
    return body;
  }

  /** Squared norm of the step gradient of one layer, the same g as {@link #update}. */
  Body normSquared(LayerPlan p) {
    Body body = new Body();
    for (String param : List.of(p.name("w"), p.name("b"))) {
      boolean weight = param.startsWith("w");
      boolean columns = weight && p.transposed();
      String at = columns ? "i" : "k";
      String pv = columns ? param + "j" : param;
      String g = "s * d" + pv + "[" + at + "]";
      if (weight && network.regularizer().isPresent()) {
        g += " + lambda * " + pv + "[" + at + "]";
      }
      String inner = "final " + arith.type() + " g = " + g + ";\n";
      if (columns) {
        body.code(
            "for (int j = 0; j < " + p.inputs() + "; j++) {\n"
                + columns("  ", param, "d" + param)
                + "  for (int i = 0; i < " + p.units() + "; i++) {\n"
                + "    " + inner
                + "    sum += g * g;\n"
                + "  }\n"
                + "}\n");
      } else {
        int n = weight ? p.weightCount() : p.units();
        body.code(
            "for (int k = 0; k < " + n + "; k++) {\n"
                + "  " + inner
                + "  sum += g * g;\n"
                + "}\n");
      }
    }
    return body;
  }

  /** The optimizer's state arrays of parameter {@code param}: {@code vw1}, {@code mw1}, ... */
  private String[] stateNames(String param) {
    return optimizer.states().stream().map(st -> st.prefix() + param).toArray(String[]::new);
  }

  /**
   * {@code final double[] w1j = w1[j];} for each array of columns: the inner loops then index a
   * whole array from 0, which C2 vectorizes.
   */
  private String columns(String indent, String... arrays) {
    StringBuilder text = new StringBuilder();
    for (String array : arrays) {
      text.append(indent).append("final ").append(arith.arrayType()).append(' ').append(array)
          .append("j = ").append(array).append("[j];\n");
    }
    return text.toString();
  }

  private String columns(String indent, String array, String[] more) {
    String[] all = new String[more.length + 1];
    all[0] = array;
    System.arraycopy(more, 0, all, 1, more.length);
    return columns(indent, all);
  }

  /**
   * {@code step<l>}: the fused stochastic step: propagates delta with the old weights, then updates
   * W and b with g = delta x^T directly, one pass over W (no gradient array is written).
   */
  Body step(LayerPlan p, LayerPlan below) {
    Body body = new Body();
    String w = p.name("w");
    String b = p.name("b");
    String delta = p.name("delta");
    String x = p.below("x");
    if (p.shape() == CodeShape.UNROLLED && straightLineStep()) {
      if (below != null) {
        propagate(body, p, below, w);
      }
      body.comment(gradientComment(w, true, delta + " " + x + "^T") + ";  " + optimizer.equation(w));
      for (int i = 0; i < p.units(); i++) {
        for (int j = 0; j < p.inputs(); j++) {
          String g = "(" + delta + "[" + i + "] * " + x + "[" + j + "])";
          for (String line : optimizer.update(w, String.valueOf(p.weightIndex(i, j)), g)) {
            body.stmt(line);
          }
        }
      }
      body.comment(gradientComment(b, false, delta) + ";  " + optimizer.equation(b));
      for (int i = 0; i < p.units(); i++) {
        for (String line : optimizer.update(b, String.valueOf(i), delta + "[" + i + "]")) {
          body.stmt(line);
        }
      }
      return body;
    }
    if (p.shape() == CodeShape.UNROLLED) {
      if (below != null) {
        propagate(body, p, below, w);
      }
      body.comment(gradientComment(w, true, delta + " " + x + "^T") + ";  " + optimizer.equation(w));
      StringBuilder loop = new StringBuilder();
      loop.append("for (int i = 0; i < ").append(p.units()).append("; i++) {\n");
      loop.append("  final ").append(arith.type()).append(" d = ").append(delta).append("[i];\n");
      loop.append("  for (int j = 0; j < ").append(p.inputs()).append("; j++) {\n");
      loop.append("    final int k = i * ").append(p.inputs()).append(" + j;\n");
      for (String line : gradient("d * " + x + "[j]", w, "k", true, false)) {
        loop.append("    ").append(line).append(";\n");
      }
      for (String line : optimizer.update(w, "k", "g")) {
        loop.append("    ").append(line).append(";\n");
      }
      loop.append("  }\n}\n");
      body.code(loop.toString());
    } else {
      String comment = gradientComment(w, true, delta + " " + x + "^T") + ";  "
          + optimizer.equation(w);
      StringBuilder loop = new StringBuilder();
      if (below != null) {
        body.comment(below.name("delta") + " = (W" + p.number() + "^T " + delta + ") * f'("
            + below.name("z") + "), f' = " + derivativeText(below) + ", before W" + p.number()
            + " changes");
      }
      body.comment(comment);
      loop.append("for (int j = 0; j < ").append(p.inputs()).append("; j++) {\n");
      if (skipsZeroInputs(p)) {
        // below is relu: x[j] == 0 gives delta(l-1)[j] = s * 0; with plain SGD and no l2 the
        // gradient of the column is 0 too, and so is its update
        boolean skipUpdate = optimizer.isPlainSgd() && network.regularizer().isEmpty();
        String zero = arith.lit(0.0);
        skipComment(body, x);
        String deltaBelow = below.name("delta") + "[j] = ";
        loop.append("  final ").append(arith.type()).append(" a = ").append(x).append("[j];\n");
        if (skipUpdate) {
          loop.append("  if (a == ").append(zero).append(") {\n")
              .append("    ").append(deltaBelow).append(zero).append(";\n")
              .append("    continue;\n  }\n");
          loop.append(columns("  ", w, stateNames(w)));
          loop.append(dotLoop(p, w, delta, "  "));
          loop.append("  ").append(deltaBelow).append(times("s", derivative(below, "j")))
              .append(";\n");
        } else {
          loop.append(columns("  ", w, stateNames(w)));
          loop.append("  if (a == ").append(zero).append(") {\n")
              .append("    ").append(deltaBelow).append(zero).append(";\n")
              .append("  } else {\n");
          loop.append(dotLoop(p, w, delta, "    "));
          loop.append("    ").append(deltaBelow).append(times("s", derivative(below, "j")))
              .append(";\n  }\n");
        }
      } else {
        loop.append(columns("  ", w, stateNames(w)));
        if (below != null) {
          loop.append(dotLoop(p, w, delta, "  "));
          loop.append("  ").append(below.name("delta")).append("[j] = ")
              .append(times("s", derivative(below, "j"))).append(";\n");
        }
        loop.append("  final ").append(arith.type()).append(" a = ").append(x).append("[j];\n");
      }
      loop.append("  for (int i = 0; i < ").append(p.units()).append("; i++) {\n");
      for (String line : gradient(delta + "[i] * a", w + "j", "i", true, false)) {
        loop.append("    ").append(line).append(";\n");
      }
      for (String line : optimizer.update(w + "j", "i", "g")) {
        loop.append("    ").append(line).append(";\n");
      }
      loop.append("  }\n}\n");
      body.code(loop.toString());
    }
    body.comment(gradientComment(b, false, delta) + ";  " + optimizer.equation(b));
    StringBuilder loop = new StringBuilder();
    loop.append("for (int i = 0; i < ").append(p.units()).append("; i++) {\n");
    for (String line : gradient(delta + "[i]", b, "i", false, false)) {
      loop.append("  ").append(line).append(";\n");
    }
    for (String line : optimizer.update(b, "i", "g")) {
      loop.append("  ").append(line).append(";\n");
    }
    loop.append("}\n");
    body.code(loop.toString());
    return body;
  }

  /**
   * True if the fused step of an unrolled layer is written as straight-line code: when the gradient
   * of a weight is the bare product delta x (no l2 term, no clip) and the update is SGD's one or two
   * statements. Otherwise it is a pair of constant-bound loops, which C2 unrolls itself.
   */
  private boolean straightLineStep() {
    return network.regularizer().isEmpty() && network.clip().isEmpty()
        && optimizer.isSgd();
  }

  // ---------------------------------------------------------------- helpers

  /**
   * {@code target = t0 + t1 + ...}, stored in parts of at most {@link Planner#PARTIAL_SUM_TERMS}
   * terms, times {@code factor} if given.
   */
  void runningSum(Body body, String target, List<String> terms, String factor) {
    int parts = (terms.size() + Planner.PARTIAL_SUM_TERMS - 1) / Planner.PARTIAL_SUM_TERMS;
    if (parts == 1) {
      String sum = join(terms);
      body.stmt(target + " = " + (factor == null ? sum : "(" + sum + ") * " + factor));
      return;
    }
    for (int part = 0; part < parts; part++) {
      List<String> chunk = terms.subList(part * Planner.PARTIAL_SUM_TERMS,
          Math.min(terms.size(), (part + 1) * Planner.PARTIAL_SUM_TERMS));
      body.stmt(target + (part == 0 ? " = " : " += ") + join(chunk));
    }
    if (factor != null) {
      body.stmt(target + " *= " + factor);
    }
  }

  /** Terms joined with {@code +}, four to a line. */
  static String join(List<String> terms) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < terms.size(); k++) {
      if (k > 0) {
        text.append(k % 4 == 0 ? "\n    + " : " + ");
      }
      text.append(terms.get(k));
    }
    return text.toString();
  }

  /** {@code template} with {@code #} as the index, unrolled or in a loop over {@code n}. */
  void elementwise(Body body, CodeShape shape, int n, String template) {
    if (shape == CodeShape.UNROLLED) {
      for (int i = 0; i < n; i++) {
        body.stmt(template.replace("#", String.valueOf(i)));
      }
    } else {
      body.code("for (int i = 0; i < " + n + "; i++) {\n  " + template.replace("#", "i")
          + ";\n}\n");
    }
  }
}
