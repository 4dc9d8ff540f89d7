package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.netc.generator.plan.ActivatedLayer;
import dev.netc.generator.plan.ConvPlan;
import dev.netc.generator.plan.FeaturePlan;
import dev.netc.generator.plan.PoolPlan;
import dev.netc.grammar.model.ActivationCall;
import dev.netc.grammar.model.Shape;
import dev.netc.grammar.model.Window;
import java.util.function.BiFunction;

/**
 * The passes of the convolution and pooling layers: {@code forward<l>}, {@code backward<l>} (which
 * accumulates the gradient and propagates the delta) and {@code step<l>} of the fused stochastic
 * step. Every array is flat in HWC order: element (y, x, c) of an H x W x C tensor is at {@code (y
 * * W + x) * C + c}, so the dense layer above reads a feature layer's output array as it is.
 *
 * <p>Each pass is one loop nest over the output positions (y, x) with constant bounds. Inside, the
 * window's positions (ky, kx) are written out when the plan unrolls them (constant offsets), else
 * looped over, with bounds that leave out the positions in the zero padding; the innermost loops
 * run over the filters (convolution) contiguously.
 */
final class FeatureBlocks {
  private final EmitContext context;
  private final Arith arith;

  FeatureBlocks(EmitContext context) {
    this.context = context;
    this.arith = context.arith;
  }

  /** {@code forward<l>}. */
  MethodSpec forward(FeaturePlan f) {
    MethodSpec.Builder m = EmitContext.internal("forward" + f.number());
    return m.addCode(f instanceof ConvPlan conv ? convForward(conv) : poolForward((PoolPlan) f))
        .build();
  }

  /** {@code backward<l>}. */
  MethodSpec backward(FeaturePlan f) {
    MethodSpec.Builder m = EmitContext.internal("backward" + f.number());
    return m.addCode(f instanceof ConvPlan conv ? convBackward(conv) : poolBackward((PoolPlan) f))
        .build();
  }

  /**
   * {@code step<l>} of the fused stochastic step. A convolution uses each weight at every output
   * position, so its gradient is a sum over the positions that must be complete before the weight
   * changes: the step accumulates it ({@code backward<l>}, which also propagates delta with the old
   * weights), then updates W and b from it and clears it ({@code update<l>}), which gives the same
   * numbers as the unfused path. A pooling layer has nothing to update.
   */
  MethodSpec step(FeaturePlan f) {
    MethodSpec.Builder m = EmitContext.internal("step" + f.number());
    if (f instanceof ConvPlan) {
      m.addComment(
          "W$L is used at every output position: its gradient (a sum over the positions) is",
          f.number());
      m.addComment(
          "complete before W$L changes; accumulate it, then update and clear it", f.number());
      m.addStatement("backward$L()", f.number());
      m.addStatement("update$L($L)", f.number(), arith.lit(1.0));
    } else {
      m.addComment("no parameters: only the delta of the layer below");
      m.addStatement("backward$L()", f.number());
    }
    return m.build();
  }

  // ------------------------------------------------------------------ convolution

  private CodeBlock convForward(ConvPlan p) {
    String z = p.name("z");
    String x = p.name("x");
    String w = p.name("w");
    String b = p.name("b");
    String acc = p.name("acc");
    String in = below(p);
    Window win = p.window();
    int filters = p.filters();
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(
        EmitContext.comment(
            z
                + "[y][x][f] = "
                + b
                + "[f] + sum over ky, kx, c of w"
                + p.number()
                + "[f][ky][kx][c] * "
                + inputAt(p)));
    if (clipsRows(p) || clipsColumns(p)) {
      code.add(
          EmitContext.comment(
              "(zero padding: the terms outside "
                  + in
                  + " are 0; the bounds of ky and kx leave them out)"));
    }
    boolean declared = p.declared().isPresent();
    code.add(
        EmitContext.comment(
            x
                + " = "
                + p.declared().map(ActivationCall::name).orElse(p.activation().dslName())
                + "("
                + z
                + ")"
                + (declared ? ", after the positions' sums (as derived below)" : "")));
    openPositions(code, p, filters);
    code.addStatement("System.arraycopy($N, 0, $N, 0, $L)", b, acc, filters);
    code.add(
        window(
            p,
            (at, k) ->
                overChannels(
                    p,
                    at,
                    k,
                    (index, column) ->
                        CodeBlock.builder()
                            .addStatement("final $T a = $N[$L]", context.element, in, index)
                            .addStatement("final $T wj = $N[$L]", context.elements, w, column)
                            .beginControlFlow("for (int f = 0; f < $L; f++)", filters)
                            .addStatement("$N[f] += wj[f] * a", acc)
                            .endControlFlow()
                            .build())));
    if (declared) {
      code.addStatement("System.arraycopy($N, 0, $N, out, $L)", acc, z, filters);
    } else {
      code.beginControlFlow("for (int f = 0; f < $L; f++)", filters)
          .addStatement("final $T v = $N[f]", context.element, acc)
          .addStatement("$N[out + f] = v", z)
          .addStatement("$N[out + f] = $L", x, context.expressions.activation(p, "v"))
          .endControlFlow();
    }
    closePositions(code);
    if (declared) {
      code.add(context.declared.forward(p, 0, p.outputSize()));
    }
    return code.build();
  }

  private CodeBlock convBackward(ConvPlan p) {
    String delta = p.name("delta");
    String w = p.name("w");
    String dw = p.name("dw");
    String db = p.name("db");
    String acc = p.name("acc");
    String in = below(p);
    int filters = p.filters();
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(EmitContext.comment(db + "[f] += sum over y, x of " + delta + "[y][x][f]"));
    code.add(
        EmitContext.comment(
            dw + "[f][ky][kx][c] += sum over y, x of " + delta + "[y][x][f] * " + inputAt(p)));
    boolean propagates = p.propagates();
    String target = "delta" + (p.number() - 1);
    if (propagates) {
      code.add(
          EmitContext.comment(
              target
                  + "[i][j][c] = "
                  + derivativeFactor(p)
                  + "sum of w"
                  + p.number()
                  + "[f][ky][kx][c] * "
                  + delta
                  + "[y][x][f] over f and the (y, x, ky, kx)"));
      String at = inputAt(p);
      code.add(
          EmitContext.comment(
              "where "
                  + at.substring(at.indexOf('[') + 1, at.indexOf(']'))
                  + " = i and "
                  + at.substring(at.indexOf("][") + 2, at.lastIndexOf("]["))
                  + " = j (W"
                  + p.number()
                  + " before it changes)"));
      code.addStatement("$T.fill($N, $L)", EmitContext.ARRAYS, target, arith.lit(0.0));
    }
    openPositions(code, p, filters);
    code.addStatement("System.arraycopy($N, out, $N, 0, $L)", delta, acc, filters);
    code.beginControlFlow("for (int f = 0; f < $L; f++)", filters)
        .addStatement("$N[f] += $N[f]", db, acc)
        .endControlFlow();
    code.add(
        window(
            p,
            (at, k) ->
                overChannels(
                    p,
                    at,
                    k,
                    (index, column) -> {
                      CodeBlock.Builder body =
                          CodeBlock.builder()
                              .addStatement("final $T a = $N[$L]", context.element, in, index)
                              .addStatement("final $T dwj = $N[$L]", context.elements, dw, column);
                      if (!propagates) {
                        return body.beginControlFlow("for (int f = 0; f < $L; f++)", filters)
                            .addStatement("dwj[f] += $N[f] * a", acc)
                            .endControlFlow()
                            .build();
                      }
                      return body.addStatement("final $T wj = $N[$L]", context.elements, w, column)
                          .addStatement("$T s = $L", context.element, arith.lit(0.0))
                          .beginControlFlow("for (int f = 0; f < $L; f++)", filters)
                          .addStatement("dwj[f] += $N[f] * a", acc)
                          .addStatement("s += wj[f] * $N[f]", acc)
                          .endControlFlow()
                          .addStatement("$N[$L] += s", target, index)
                          .build();
                    })));
    closePositions(code);
    if (propagates) {
      code.add(derivative(p));
    }
    return code.build();
  }

  // ------------------------------------------------------------------ pooling

  private CodeBlock poolForward(PoolPlan p) {
    String x = p.name("x");
    String in = below(p);
    Window win = p.window();
    int channels = p.input().channels();
    int n = win.height() * win.width();
    CodeBlock.Builder code = CodeBlock.builder();
    if (p.isMax()) {
      code.add(EmitContext.comment(x + "[y][x][c] = max over ky, kx of " + inputAt(p)));
      code.add(
          EmitContext.comment(
              p.name("arg")
                  + "[y][x][c] = the index in "
                  + in
                  + " of the first maximum (the backward pass routes delta there)"));
    } else {
      code.add(
          EmitContext.comment(x + "[y][x][c] = (sum over ky, kx of " + inputAt(p) + ") / " + n));
    }
    openPositions(code, p, channels);
    code.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
    if (p.isMax()) {
      code.addStatement("int best = in + c")
          .addStatement("$T m = $N[best]", context.element, in)
          .add(
              window(
                  p,
                  (at, k) -> {
                    if (at.equals("in")) {
                      return CodeBlock.of("");
                    }
                    return CodeBlock.builder()
                        .beginControlFlow("if ($N[$L + c] > m)", in, at)
                        .addStatement("m = $N[$L + c]", in, at)
                        .addStatement("best = $L + c", at)
                        .endControlFlow()
                        .build();
                  }))
          .addStatement("$N[out + c] = m", x)
          .addStatement("$N[out + c] = best", p.name("arg"));
    } else {
      code.addStatement("$T s = $L", context.element, arith.lit(0.0))
          .add(window(p, (at, k) -> CodeBlock.of("s += $N[$L + c];\n", in, at)))
          .addStatement("$N[out + c] = s / $L", x, arith.lit(n));
    }
    code.endControlFlow();
    closePositions(code);
    return code.build();
  }

  private CodeBlock poolBackward(PoolPlan p) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (!p.propagates()) {
      return code.add(
              EmitContext.comment("no parameters, and the layer below is the input: nothing to do"))
          .build();
    }
    String delta = p.name("delta");
    String target = "delta" + (p.number() - 1);
    Window win = p.window();
    int n = win.height() * win.width();
    if (p.isMax()) {
      code.add(
          EmitContext.comment(
              target
                  + " = "
                  + derivativeFactor(p)
                  + "the sum of the "
                  + delta
                  + " routed to it (each output's to its window's first maximum)"));
      code.addStatement("$T.fill($N, $L)", EmitContext.ARRAYS, target, arith.lit(0.0))
          .beginControlFlow("for (int k = 0; k < $L; k++)", p.outputSize())
          .addStatement("$N[$N[k]] += $N[k]", target, p.name("arg"), delta)
          .endControlFlow();
    } else {
      code.add(
          EmitContext.comment(
              target
                  + " = "
                  + derivativeFactor(p)
                  + "the sum of "
                  + delta
                  + " / "
                  + n
                  + " over the windows that hold the position"));
      code.addStatement("$T.fill($N, $L)", EmitContext.ARRAYS, target, arith.lit(0.0));
      int channels = p.input().channels();
      openPositions(code, p, channels);
      code.beginControlFlow("for (int c = 0; c < $L; c++)", channels)
          .addStatement("final $T d = $N[out + c] / $L", context.element, delta, arith.lit(n))
          .add(window(p, (at, k) -> CodeBlock.of("$N[$L + c] += d;\n", target, at)))
          .endControlFlow();
      closePositions(code);
    }
    return code.add(derivative(p)).build();
  }

  // ------------------------------------------------------------------ shared loops

  /** {@code x0[y*2+ky-1][x*2+kx-1][c]}: the input value that window position (ky, kx) reads. */
  private static String inputAt(FeaturePlan p) {
    Window win = p.window();
    return below(p)
        + "["
        + axis("y", win.strideY(), win.padTop(p.input().height()), "ky")
        + "]["
        + axis("x", win.strideX(), win.padLeft(p.input().width()), "kx")
        + "][c]";
  }

  private static String axis(String position, int stride, int pad, String offset) {
    return position + (stride > 1 ? "*" + stride : "") + "+" + offset + (pad > 0 ? "-" + pad : "");
  }

  /** Name of the input array of feature layer {@code p}. */
  private static String below(FeaturePlan p) {
    return "x" + (p.number() - 1);
  }

  /** {@code f'(z2) * } in a comment, or nothing if the layer below is pooling (f' = 1). */
  private String derivativeFactor(FeaturePlan p) {
    ActivatedLayer below = context.plan.below(p);
    return below instanceof PoolPlan ? "" : "f'(" + below.name("z") + ") * ";
  }

  /**
   * {@code delta(l-1) *= f'(z(l-1))} after the sums, if the layer below has an activation (a
   * convolution that is not linear); nothing below a pooling layer or the input.
   */
  private CodeBlock derivative(FeaturePlan p) {
    ActivatedLayer below = context.plan.below(p);
    if (below == null) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder code = CodeBlock.builder();
    String factor = context.expressions.derivative(below, "i");
    if (factor != null) {
      code.add(EmitContext.comment(Expressions.derivativeEquation(below)))
          .beginControlFlow("for (int i = 0; i < $L; i++)", below.outputSize())
          .addStatement("$N[i] *= $L", below.name("delta"), factor)
          .endControlFlow();
    }
    if (below.declared().isPresent()) {
      code.add(context.declared.derivative(below, "i", 0, below.outputSize()));
    }
    return code.build();
  }

  /**
   * Opens the loops over the output positions: {@code oy}, {@code ox}, then {@code out}, the index
   * of the position's first value in the output, and {@code in}, the index in the input of the
   * window's corner (ky = kx = 0; outside the input where the padding is).
   */
  private void openPositions(CodeBlock.Builder code, FeaturePlan p, int outChannels) {
    Shape input = p.input();
    Shape output = p.output();
    Window win = p.window();
    int top = win.padTop(input.height());
    int left = win.padLeft(input.width());
    code.beginControlFlow("for (int oy = 0; oy < $L; oy++)", output.height());
    if (win.padTop(input.height()) > 0) {
      code.addStatement("final int ky0 = Math.max(0, $L - $L)", top, times("oy", win.strideY()));
    }
    if (win.padBottom(input.height()) > 0) {
      code.addStatement(
          "final int ky1 = Math.min($L, $L - $L)",
          win.height(),
          input.height() + top,
          times("oy", win.strideY()));
    }
    code.beginControlFlow("for (int ox = 0; ox < $L; ox++)", output.width());
    if (win.padLeft(input.width()) > 0) {
      code.addStatement("final int kx0 = Math.max(0, $L - $L)", left, times("ox", win.strideX()));
    }
    if (win.padRight(input.width()) > 0) {
      code.addStatement(
          "final int kx1 = Math.min($L, $L - $L)",
          win.width(),
          input.width() + left,
          times("ox", win.strideX()));
    }
    code.addStatement(
        "final int out = $L", times("(oy * " + output.width() + " + ox)", outChannels));
    String row = times("oy", win.strideY()) + (top > 0 ? " - " + top : "");
    String col = times("ox", win.strideX()) + (left > 0 ? " - " + left : "");
    String rowTimesWidth =
        input.width() == 1 ? row : (top > 0 ? "(" + row + ")" : row) + " * " + input.width();
    code.addStatement(
        "final int in = $L", times("(" + rowTimesWidth + " + " + col + ")", input.channels()));
  }

  private static void closePositions(CodeBlock.Builder code) {
    code.endControlFlow().endControlFlow();
  }

  /**
   * The window's positions around {@code body}, which gets the input index of the position's first
   * channel ({@code at}) and the index of its first column of W ({@code k}): written out with
   * constant offsets if the plan unrolls the window, else loops over ky and kx (with the bounds of
   * {@link #openPositions} where padding clips the window).
   */
  private CodeBlock window(FeaturePlan p, BiFunction<String, String, CodeBlock> body) {
    Window win = p.window();
    Shape input = p.input();
    CodeBlock.Builder code = CodeBlock.builder();
    if (p.unrolled()) {
      for (int ky = 0; ky < win.height(); ky++) {
        for (int kx = 0; kx < win.width(); kx++) {
          int offset = (ky * input.width() + kx) * input.channels();
          int column = (ky * win.width() + kx) * input.channels();
          CodeBlock position =
              body.apply(offset == 0 ? "in" : "in + " + offset, String.valueOf(column));
          if (!position.isEmpty()) {
            code.add(EmitContext.comment("ky = " + ky + ", kx = " + kx)).add(position);
          }
        }
      }
      return code.build();
    }
    int h = input.height();
    int w = input.width();
    String ky0 = win.padTop(h) > 0 ? "ky0" : "0";
    String ky1 = win.padBottom(h) > 0 ? "ky1" : String.valueOf(win.height());
    String kx0 = win.padLeft(w) > 0 ? "kx0" : "0";
    String kx1 = win.padRight(w) > 0 ? "kx1" : String.valueOf(win.width());
    code.beginControlFlow("for (int ky = $L; ky < $L; ky++)", ky0, ky1)
        .beginControlFlow("for (int kx = $L; kx < $L; kx++)", kx0, kx1)
        .addStatement(
            "final int at = in + $L",
            times("(" + times("ky", input.width()) + " + kx)", input.channels()))
        .addStatement(
            "final int k = $L", times("(" + times("ky", win.width()) + " + kx)", input.channels()))
        .add(body.apply("at", "k"))
        .endControlFlow()
        .endControlFlow();
    return code.build();
  }

  /**
   * The loop over the input channels of one window position of a convolution: {@code body} gets the
   * input value's index and the column of W; one channel needs no loop.
   */
  private CodeBlock overChannels(
      ConvPlan p, String at, String k, BiFunction<String, String, CodeBlock> body) {
    if (p.input().channels() == 1) {
      if (!p.unrolled()) {
        return body.apply(at, k);
      }
      // one block per written-out position, so that its locals do not clash with the next's
      return CodeBlock.builder().add("{\n$>").add(body.apply(at, k)).add("$<}\n").build();
    }
    return CodeBlock.builder()
        .beginControlFlow("for (int c = 0; c < $L; c++)", p.input().channels())
        .add(body.apply(at + " + c", k.equals("0") ? "c" : k + " + c"))
        .endControlFlow()
        .build();
  }

  /** True if zero padding can clip the window's rows (same padding with rows of padding). */
  private static boolean clipsRows(FeaturePlan p) {
    Window win = p.window();
    int h = p.input().height();
    return win.padTop(h) > 0 || win.padBottom(h) > 0;
  }

  /** True if zero padding can clip the window's columns. */
  private static boolean clipsColumns(FeaturePlan p) {
    Window win = p.window();
    int w = p.input().width();
    return win.padLeft(w) > 0 || win.padRight(w) > 0;
  }

  /** {@code term * factor}, or {@code term} for a factor of 1. */
  private static String times(String term, int factor) {
    return factor == 1 ? stripParens(term) : term + " * " + factor;
  }

  /** {@code term} without the parentheses around all of it, if it has them. */
  private static String stripParens(String term) {
    if (!term.startsWith("(") || !term.endsWith(")")) {
      return term;
    }
    int depth = 0;
    for (int k = 0; k < term.length() - 1; k++) {
      depth += term.charAt(k) == '(' ? 1 : term.charAt(k) == ')' ? -1 : 0;
      if (depth == 0) {
        return term;
      }
    }
    return term.substring(1, term.length() - 1);
  }
}
