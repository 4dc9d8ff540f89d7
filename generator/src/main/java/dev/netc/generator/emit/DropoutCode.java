package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.generator.plan.ConvPlan;
import dev.netc.generator.plan.FeaturePlan;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.grammar.print.Literals;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * Inverted dropout in the generated class: the key of the masks, the training forward pass that
 * applies them, and the mask of one layer. A layer with dropout keeps, besides its output x, the
 * array g = m * f'(z) of its mask m (0, or 1 / (1 - r) for a kept unit) times the activation's
 * derivative, computed before the mask changes x; the backward pass multiplies by g where a layer
 * without dropout multiplies by f'(z). The masks follow the runtime's {@code DropoutNetwork}: unit
 * i of layer l is kept if and only if {@code (mix(mix(key + l * G) + (i + 1) * G) >>> 11) >= T}
 * with {@code T = ceil(r * 2^53)}, that is {@code u >= r} for the uniform {@code u = (h >>> 11) *
 * 2^-53}.
 */
final class DropoutCode {
  /** The field with the key of the next training example's masks. */
  static final String KEY = "dropoutKey";

  /** SplitMix64's increment G, as a Java literal. */
  static final String GAMMA = "0x9E3779B97F4A7C15L";

  private final EmitContext context;

  DropoutCode(EmitContext context) {
    this.context = context;
  }

  /** The name of layer {@code layer}'s array g = m * f'(z): {@code g1}. */
  static String factor(int layer) {
    return "g" + layer;
  }

  /** The field {@code dropoutKey}. */
  static FieldSpec keyField() {
    return FieldSpec.builder(TypeName.LONG, KEY, Modifier.PRIVATE)
        .addJavadoc(
            "The key of the next training example's dropout masks; each training example adds 1.")
        .build();
  }

  /** {@code dropoutKey(long)} and {@code dropoutKey()} of {@code DropoutNetwork}. */
  static List<MethodSpec> keyMethods() {
    return List.of(
        EmitContext.override(KEY, TypeName.VOID)
            .addParameter(TypeName.LONG, "key")
            .addStatement("$N = key", KEY)
            .build(),
        EmitContext.override(KEY, TypeName.LONG).addStatement("return $N", KEY).build());
  }

  /**
   * {@code trainingForward()}: the forward pass of a training example, each layer with dropout
   * followed by its mask; then the key moves on to the next example's.
   */
  MethodSpec trainingForward() {
    MethodSpec.Builder m =
        EmitContext.internal("trainingForward")
            .addComment("the forward pass with the dropout masks of key $N", KEY);
    for (FeaturePlan f : context.plan.features()) {
      m.addStatement("forward$L()", f.number());
      if (f.hasDropout()) {
        m.addStatement("$N()", method(f.number()));
      }
    }
    for (LayerPlan p : context.layers()) {
      m.addStatement("$N()", p.forward().name());
      if (p.hasDropout()) {
        m.addStatement("$N()", method(p.number()));
      }
    }
    if (context.plan.softmaxOutput()) {
      m.addStatement("softmax()");
    }
    return m.addStatement("$N++", KEY).build();
  }

  /** The name of layer {@code layer}'s mask method: {@code dropout1}. */
  static String method(int layer) {
    return "dropout" + layer;
  }

  /** {@code dropout<l>()} of dense layer {@code p}: its mask applied to x, and g. */
  MethodSpec layerMethod(LayerPlan p) {
    return EmitContext.internal(method(p.number()))
        .addCode(
            mask(
                p.number(),
                p.units(),
                p.layer().dropout(),
                p.name("x"),
                factor(p.number()),
                i -> context.expressions.activationDerivative(p, i)))
        .build();
  }

  /**
   * {@code dropout<l>()} of convolution layer {@code p}: its mask applied to the H x W x F output
   * x, element (y, x, f) at {@code (y * W + x) * F + f} as unit i, and g.
   */
  MethodSpec layerMethod(ConvPlan p) {
    return EmitContext.internal(method(p.number()))
        .addCode(
            mask(
                p.number(),
                p.outputSize(),
                p.dropout(),
                p.name("x"),
                factor(p.number()),
                i -> context.expressions.activationDerivative(p, i)))
        .build();
  }

  /**
   * The loop that applies layer {@code layer}'s mask (rate {@code rate}) to the {@code units}
   * elements of the flat array {@code output}, element i as unit i: a kept element is scaled by 1 /
   * (1 - rate), a dropped one set to 0, and {@code factor[i]} gets the same multiplier times {@code
   * derivative(i)} (the activation's f' at element i, computed before {@code output} changes; null
   * for f' = 1). Any layer whose output is one flat array can use it, a conv layer's H x W x C
   * output included: the backward pass then multiplies by {@code factor[i]} instead of f'.
   */
  CodeBlock mask(
      int layer,
      int units,
      double rate,
      String output,
      String factor,
      UnaryOperator<String> derivative) {
    Arith arith = context.arith;
    double scale = 1.0 / (1.0 - rate);
    long threshold = (long) Math.ceil(rate * 0x1p53);
    String r = Literals.doubleLiteral(rate);
    String keep = arith.lit(scale);
    String f = derivative.apply("i");
    return CodeBlock.builder()
        .add(
            EmitContext.comment(
                "inverted dropout, rate "
                    + r
                    + ": m[i] = 1 / (1 - "
                    + r
                    + ") = "
                    + keep
                    + " if u[i] >= "
                    + r
                    + ", else 0; "
                    + output
                    + " = m * "
                    + output))
        .add(
            EmitContext.comment(
                "u[i] = (mix(s + (i + 1) G) >>> 11) 2^-53, s = mix(key + "
                    + layer
                    + " G): SplitMix64, G = "
                    + GAMMA))
        .add(
            EmitContext.comment(
                "u[i] >= " + r + " exactly when (mix(...) >>> 11) >= ceil(" + r + " 2^53)"))
        .add(
            EmitContext.comment(
                factor + " = m * f'(z) for the backward pass, before " + output + " changes"))
        .addStatement(
            "final long s = $T.mix($N + $L * $L)", RuntimeTypes.NETC_RANDOM, KEY, layer, GAMMA)
        .beginControlFlow("for (int i = 0; i < $L; i++)", units)
        .beginControlFlow(
            "if (($T.mix(s + (i + 1) * $L) >>> 11) >= $LL)",
            RuntimeTypes.NETC_RANDOM,
            GAMMA,
            threshold)
        .addStatement("$N[i] = $L", factor, f == null ? keep : keep + " * " + f)
        .addStatement("$N[i] *= $L", output, keep)
        .nextControlFlow("else")
        .addStatement("$N[i] = $L", factor, arith.lit(0.0))
        .addStatement("$N[i] = $L", output, arith.lit(0.0))
        .endControlFlow()
        .endControlFlow()
        .build();
  }
}
