package dev.netc.generator.emit;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Loss;

/** The loss of the example in progress, and the delta of the output layer that it starts. */
final class LossCode {
  private final EmitContext context;
  private final Arith arith;

  LossCode(EmitContext context) {
    this.context = context;
    this.arith = context.arith;
  }

  /** {@code lossValue()}: E of the example, from the output layer and t. */
  MethodSpec lossValue() {
    LayerPlan out = context.plan.output();
    String x = out.name("x");
    String z = out.name("z");
    int n = out.units();
    Loss loss = context.network.loss();
    MethodSpec.Builder m =
        EmitContext.internal("lossValue").returns(TypeName.DOUBLE).addStatement("double e = 0.0");
    switch (loss) {
      case SQUARED_ERROR, MEAN_SQUARED_ERROR -> {
        m.addComment(
            loss == Loss.SQUARED_ERROR
                ? "E = 1/2 sum_k (" + x + "[k] - t[k])^2"
                : "E = 1/" + n + " sum_k (" + x + "[k] - t[k])^2");
        m.beginControlFlow("for (int k = 0; k < $L; k++)", n)
            .addStatement("final double d = $N[k] - t[k]", x)
            .addStatement("e += d * d")
            .endControlFlow();
        m.addStatement("return $L", loss == Loss.SQUARED_ERROR ? "0.5 * e" : "e / " + n + ".0");
      }
      case CROSS_ENTROPY ->
          m.addComment("E = -sum_k t[k] ln $L[k]", x)
              .addComment("ln $L[k] = $L[k] - logSum, which is never ln 0", x, z)
              .addComment(
                  "(the log is taken here, not in forward, so that predict does not pay for it)")
              .addStatement("final double logSum = softmaxMax + Math.log(softmaxSum)")
              .beginControlFlow("for (int k = 0; k < $L; k++)", n)
              .addStatement("e -= t[k] * ($N[k] - logSum)", z)
              .endControlFlow()
              .addStatement("return e");
      case BINARY_CROSS_ENTROPY ->
          m.addComment("E = -sum_k [t ln y + (1 - t) ln(1 - y)]")
              .addComment("-ln y = softplus(-z)")
              .addComment("-ln(1 - y) = softplus(z)")
              .beginControlFlow("for (int k = 0; k < $L; k++)", n)
              .addStatement("e += t[k] * softplus(-$1N[k]) + (1.0 - t[k]) * softplus($1N[k])", z)
              .endControlFlow()
              .addStatement("return e");
    }
    return m.build();
  }

  /** {@code outputDelta()}: delta of the output layer, dE/dz. */
  MethodSpec outputDelta() {
    LayerPlan out = context.plan.output();
    String x = out.name("x");
    String delta = out.name("delta");
    int n = out.units();
    Activation f = out.layer().activation();
    Loss loss = context.network.loss();
    String dEdy =
        loss == Loss.MEAN_SQUARED_ERROR
            ? arith.lit(2.0 / n) + " * (" + x + "[k] - t[k])"
            : x + "[k] - t[k]";
    String dEdyText =
        loss == Loss.MEAN_SQUARED_ERROR ? "2/" + n + " (" + x + " - t)" : "(" + x + " - t)";
    MethodSpec.Builder m = EmitContext.internal("outputDelta");
    if (loss == Loss.CROSS_ENTROPY) {
      m.addComment(
          "$L = $L sum(t) - t: softmax and cross-entropy fused (y - t for one-hot t)", delta, x);
      m.addStatement("$L sumT = $L", arith.type(), arith.lit(0.0))
          .beginControlFlow("for (int k = 0; k < $L; k++)", n)
          .addStatement("sumT += t[k]")
          .endControlFlow()
          .beginControlFlow("for (int k = 0; k < $L; k++)", n)
          .addStatement("$N[k] = $N[k] * sumT - t[k]", delta, x)
          .endControlFlow();
    } else if (loss == Loss.BINARY_CROSS_ENTROPY) {
      m.addComment("$L = $L - t: sigmoid and binary cross-entropy fused", delta, x);
      m.beginControlFlow("for (int k = 0; k < $L; k++)", n)
          .addStatement("$N[k] = $N[k] - t[k]", delta, x)
          .endControlFlow();
    } else if (f == Activation.SOFTMAX) {
      m.addComment(
          "$L = J^T g with g = dE/dy = $L and the softmax Jacobian J = diag(y) - y y^T:",
          delta,
          dEdyText);
      m.addComment("$L[k] = y[k] (g[k] - sum_i y[i] g[i])", delta);
      m.addStatement("$L dot = $L", arith.type(), arith.lit(0.0))
          .beginControlFlow("for (int k = 0; k < $L; k++)", n)
          .addStatement("$N[k] = $L", delta, dEdy)
          .addStatement("dot += $N[k] * $N[k]", x, delta)
          .endControlFlow()
          .beginControlFlow("for (int k = 0; k < $L; k++)", n)
          .addStatement("$1N[k] = $2N[k] * ($1N[k] - dot)", delta, x)
          .endControlFlow();
    } else {
      String factor = context.expressions.derivative(out, "k");
      m.addComment("$L = $L * f'($L), elementwise", delta, dEdyText, out.name("z"));
      m.addComment("$L", Expressions.derivativeEquation(out));
      m.beginControlFlow("for (int k = 0; k < $L; k++)", n)
          .addStatement("$N[k] = $L", delta, factor == null ? dEdy : "(" + dEdy + ") * " + factor)
          .endControlFlow();
      if (f == Activation.DECLARED) {
        m.addCode(context.declared.derivative(out, "k", 0, n));
      }
    }
    return m.build();
  }

  /**
   * {@code weightDelta(weight)}: the output delta of the weighted loss {@code weight * E} (a class
   * weight, say): {@code weight * dE/dz}, from which the backward pass gives {@code weight} times
   * every gradient. Multiplying by 1 changes no bit.
   */
  MethodSpec weightDelta() {
    LayerPlan out = context.plan.output();
    String delta = out.name("delta");
    return EmitContext.internal("weightDelta")
        .addParameter(TypeName.DOUBLE, "weight")
        .addComment("$L = weight * $L: the delta of weight * E", delta, delta)
        .beginControlFlow("for (int k = 0; k < $L; k++)", out.units())
        .addStatement("$N[k] *= $L", delta, arith.narrow("weight"))
        .endControlFlow()
        .build();
  }
}
