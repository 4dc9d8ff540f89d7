package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.generator.plan.NetworkPlan;
import dev.netc.grammar.model.Activation;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * e^x in float arithmetic, in two forms that give the same bits for every float: the static helper
 * {@code expFloat(x)} of a float class, for single values, and four loops over a layer's units that
 * C2 vectorizes, for the sigmoid and tanh of layers the plan marks ({@link LayerPlan#expLoops}).
 *
 * <p>Both: Cody and Waite's reduction {@code x = n ln 2 + r}, |r| <= ln 2 / 2, with ln 2 in two
 * parts (the first exact in 9 bits); e^r by the degree-7 polynomial of Cephes' {@code expf}; {@code
 * e^x = e^r 2^floor(n/2) 2^ceil(n/2)}, so that the result is rounded once and overflows to infinity
 * only above ln(Float.MAX_VALUE); 0 where n <= -126 (x below about -86.99: e^x < 2^-125.5, so no
 * subnormal results); x is clamped to [-89.5, 89.5] first (e^89.5 overflows, and n = -129 is
 * flushed). {@code n = round(x / ln 2)} is read from {@code x / ln 2 + 1.5 * 2^23}. {@code
 * expFloat} takes the two powers of two from the exponent bits; C2 does not vectorize a loop that
 * moves float bits to int and back, so the loops build them in float arithmetic: {@code a = (1 + q1
 * n + q2 n^2)^256} is 2^(n/2) within 9% for |n| <= 130, and {@code 0.9 a} and {@code 1.25 a}
 * rounded to one significant bit (Veltkamp's split, {@code c - (c - v)} with {@code c = v (2^23 +
 * 1)}) are exactly {@code 2^floor(n/2)} and {@code 2^ceil(n/2)} (checked for every n from -150 to
 * 150). The flush is {@code (|n + 126| - |n + 125| + 1) / 2}, 0 or 1 for an integer n. Within 1 ulp
 * of e^x for every float x from -86.98 to 88.72, and the two forms agree on every float (both
 * checked on all 2^32 floats when this was written; {@code FloatPrecisionTest} checks samples).
 */
final class ExpLoops {
  /** Scratch arrays between the loops: n, then r and the factor 1.25 a; e^r, then e^r 2^(n/2). */
  static final String N = "expN";

  static final String R = "expR";
  static final String P = "expP";

  private static final String CLAMP = "89.5f";
  private static final String LOG2E = "1.44269504f";
  private static final String ROUND = "12582912.0f";
  private static final String LN2_HIGH = "0.693359375f";
  private static final String LN2_LOW = "2.12194440e-4f";
  private static final String POLYNOMIAL =
      "((((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r"
          + " + 4.1665795894e-2f) * r + 1.6666665459e-1f) * r + 5.0000001201e-1f) * r * r + r)"
          + " + 1.0f";
  private static final String SPLIT = "8388609.0f";

  private ExpLoops() {}

  /** The scratch arrays of the loops, if a layer has them. */
  static List<FieldSpec> fields(NetworkPlan plan) {
    List<FieldSpec> fields = new ArrayList<>();
    int length = plan.expScratch();
    if (length > 0) {
      for (String name : List.of(N, R, P)) {
        fields.add(
            FieldSpec.builder(float[].class, name, Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new float[$L]", length)
                .build());
      }
    }
    return fields;
  }

  /**
   * {@code x = f(z)} of layer {@code p} (sigmoid or tanh) over its units: e^u with {@code u = -z}
   * or {@code 2z} in four loops, the activation in the last; each loop body is small enough for C2
   * to unroll and vectorize.
   */
  static CodeBlock activation(LayerPlan p) {
    String z = p.name("z");
    String x = p.name("x");
    int n = p.units();
    boolean sigmoid = p.activation() == Activation.SIGMOID;
    String u = sigmoid ? "-" + z + "[i]" : "2.0f * " + z + "[i]";
    String e = sigmoid ? "e^-" + z : "e^2" + z;
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(
        EmitContext.comment(
            e + " in four loops C2 vectorizes: expFloat's arithmetic and bits, 2^n in float"));
    code.add(
        EmitContext.comment(
            "(1) u = "
                + (sigmoid ? "-" + z : "2 " + z)
                + " in [-89.5, 89.5]; n = round(u / ln2); r = u - n ln2 (ln2 in two parts)"));
    code.beginControlFlow("for (int i = 0; i < $L; i++)", n)
        .addStatement("final float u = Math.max(Math.min($L, $L), -$L)", u, CLAMP, CLAMP)
        .addStatement("final float n = (u * $L + $L) - $L", LOG2E, ROUND, ROUND)
        .addStatement("$N[i] = n", N)
        .addStatement("$N[i] = (u - n * $L) + n * $L", R, LN2_HIGH, LN2_LOW)
        .endControlFlow();
    code.add(
        EmitContext.comment("(2) e^r: Cephes expf polynomial, 1 + r + r^2 (1/2 + r (1/6 + ...))"));
    code.beginControlFlow("for (int i = 0; i < $L; i++)", n)
        .addStatement("final float r = $N[i]", R)
        .addStatement("$N[i] = $L", P, POLYNOMIAL)
        .endControlFlow();
    code.add(
        EmitContext.comment(
            "(3) a = (1 + q1 n + q2 n^2)^256 ~ 2^(n/2); 0.9 a to one bit = 2^floor(n/2)"));
    code.beginControlFlow("for (int i = 0; i < $L; i++)", n)
        .addStatement("final float n = $N[i]", N)
        .addStatement("float a = (9.1845067e-7f * n + 1.3598903e-3f) * n + 1.0f");
    for (int k = 0; k < 8; k++) {
      code.addStatement("a = a * a");
    }
    code.addStatement("final float v = a * 0.9f")
        .addStatement("final float c = v * $L", SPLIT)
        .addStatement("$N[i] = $N[i] * (c - (c - v))", P, P)
        .addStatement("$N[i] = a * 1.25f", R)
        .endControlFlow();
    code.add(
        EmitContext.comment(
            "(4) 1.25 a to one bit = 2^ceil(n/2); e^u = e^r 2^floor(n/2) 2^ceil(n/2), 0 if n <= -126"));
    code.add(
        EmitContext.comment(
            sigmoid
                ? x + " = 1 / (1 + " + e + ")"
                : x + " = tanh " + z + " = 1 - 2 / (" + e + " + 1); exact limits +-1"));
    code.beginControlFlow("for (int i = 0; i < $L; i++)", n)
        .addStatement("final float v = $N[i]", R)
        .addStatement("final float c = v * $L", SPLIT)
        .addStatement("final float n = $N[i]", N)
        .addStatement(
            "final float e = $N[i] * (c - (c - v))"
                + " * ((Math.abs(n + 126.0f) - Math.abs(n + 125.0f) + 1.0f) * 0.5f)",
            P)
        .addStatement("$N[i] = $L", x, sigmoid ? "1.0f / (1.0f + e)" : "1.0f - 2.0f / (e + 1.0f)")
        .endControlFlow();
    return code.build();
  }

  /**
   * {@code expFloat(x)}: e^x in float arithmetic (see the class comment), within 1 ulp of the exact
   * value for -86.98 <= x <= 88.72; 0 below (no subnormal results), +infinity above, NaN for NaN.
   */
  static MethodSpec scalar() {
    return MethodSpec.methodBuilder("expFloat")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeName.FLOAT)
        .addParameter(TypeName.FLOAT, "x")
        .addComment("e^x = 2^n e^r, x = n ln2 + r, |r| <= ln2 / 2 (Cody-Waite, ln2 in two parts)")
        .addComment("x in [-89.5, 89.5] (NaN stays NaN): e^89.5 overflows, n = -129 is flushed")
        .addStatement("final float u = x < -$L ? -$L : x > $L ? $L : x", CLAMP, CLAMP, CLAMP, CLAMP)
        .addComment("t = u / ln2 + 1.5 * 2^23 rounds u / ln2 to the integer n in its low bits")
        .addStatement("final float t = u * $L + $L", LOG2E, ROUND)
        .addStatement("final float n = t - $L", ROUND)
        .addStatement("final float r = (u - n * $L) + n * $L", LN2_HIGH, LN2_LOW)
        .addComment("e^r: Cephes expf polynomial, 1 + r + r^2 (1/2 + r (1/6 + ...))")
        .addStatement("final float p = $L", POLYNOMIAL)
        .addComment("2^n = 2^floor(n/2) 2^ceil(n/2) in the exponent bits: e^x rounds once")
        .addStatement("final int k = Float.floatToRawIntBits(t) - 0x4B400000")
        .addStatement("final float low = Float.intBitsToFloat(((k >> 1) + 127) << 23)")
        .addStatement("final float high = Float.intBitsToFloat(((k - (k >> 1)) + 127) << 23)")
        .addComment("0 if n <= -126: e^x < 2^-125.5, never a subnormal number (NaN stays NaN)")
        .addStatement("return n <= -126.0f ? 0.0f : p * low * high")
        .build();
  }
}
