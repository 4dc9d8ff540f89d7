package dev.netc.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.generator.plan.BatchPlan;
import dev.netc.generator.plan.Block;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.generator.plan.Segment;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The batch methods of a class whose layers all loop over the columns of W: {@code
 * predict(double[][], int, int, double[][])}, {@code evaluate} and {@code
 * accumulateGradient(double[][], double[][], int, int)}, with their scratch fields and private
 * passes. A block of rows is computed layer by layer: each sum {@code z = W x + b} and each weight
 * gradient {@code dW += delta x^T} over the block reads a column of W (or dW) once for all the
 * block's rows, where the per-row methods read all of W once per row. Every row's sums are taken in
 * the order of the per-row passes and every accumulator adds the rows' terms in row order, so the
 * results are those of the per-row methods, bit for bit. Activations, the loss, the output delta
 * and the delta of the layer below are computed row by row with the per-row code, through the
 * per-row scratch arrays.
 */
final class BatchBlocks {

  private final EmitContext context;
  private final Arith arith;
  private final ForwardBlocks forward;
  private final BackwardBlocks backward;
  private final int rows;
  private final LayerPlan output;

  BatchBlocks(EmitContext context, BatchPlan batch) {
    this.context = context;
    this.arith = context.arith;
    this.forward = new ForwardBlocks(context);
    this.backward = new BackwardBlocks(context);
    this.rows = batch.rows();
    this.output = context.plan.output();
  }

  /** The scratch arrays of a block: row r of the block in {@code xb0[r]}, {@code zb1[r]}, ... */
  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(
        block("xb0", context.network.inputSize())
            .addJavadoc(
                "The block of up to $L rows in progress (batch methods): row r's input in xb0[r],"
                    + " its z1 in\nzb1[r * units + i] (one array: C2 then sees that the rows'"
                    + " sums do not overlap and\nvectorizes the loop that updates them"
                    + " together), its x1 in xb1[r], ...\n",
                rows)
            .build());
    for (LayerPlan p : context.layers()) {
      fields.add(
          FieldSpec.builder(context.elements, p.name("zb"), Modifier.PRIVATE, Modifier.FINAL)
              .initializer("new $T[$L]", context.element, rows * p.units())
              .build());
      if (p != output) {
        fields.add(block(p.name("xb"), p.units()).build());
      }
      fields.add(block(p.name("deltab"), p.units()).build());
    }
    return fields;
  }

  private FieldSpec.Builder block(String name, int width) {
    return rowsField(context, name, rows, width);
  }

  /** {@code private final <element>[][] <name> = new <element>[rows][width]}. */
  static FieldSpec.Builder rowsField(EmitContext context, String name, int rows, int width) {
    return FieldSpec.builder(
            ArrayTypeName.of(context.elements), name, Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T[$L][$L]", context.element, rows, width);
  }

  /** The public batch methods, then the private passes over a block. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(predict());
    methods.add(evaluate());
    methods.add(accumulateGradient());
    methods.add(loadBlock());
    MethodSpec.Builder all =
        EmitContext.internal("forwardBlock").addParameter(TypeName.INT, "count");
    for (LayerPlan p : context.layers()) {
      all.addCode(bySize("sumBlock" + p.number()));
      if (p != output) {
        all.addCode(activateRows(p));
      }
    }
    methods.add(all.build());
    for (LayerPlan p : context.layers()) {
      for (int size = rows; size >= 2; size--) {
        methods.add(
            EmitContext.internal("sumBlock" + p.number() + "x" + size)
                .addCode(sum(p, size))
                .build());
      }
      methods.add(
          EmitContext.internal("activate" + p.number())
              .addCode(forward.activation(p, Segment.whole(Block.ACTIVATION, p.units())))
              .build());
    }
    MethodSpec.Builder back =
        EmitContext.internal("backwardBlock").addParameter(TypeName.INT, "count");
    for (int l = context.layers().size(); l >= 1; l--) {
      LayerPlan p = context.layers().get(l - 1);
      back.addCode(bySize("gradientBlock" + l));
      if (l > 1) {
        back.addCode(propagateRows(p, (LayerPlan) context.plan.below(p)));
      }
    }
    methods.add(back.build());
    for (LayerPlan p : context.layers()) {
      for (int size = rows; size >= 2; size--) {
        methods.add(
            EmitContext.internal("gradientBlock" + p.number() + "x" + size)
                .addCode(gradient(p, size))
                .build());
      }
      // no feature layers here (Planner.batch): the layer below is dense
      LayerPlan below = (LayerPlan) context.plan.below(p);
      if (below != null) {
        methods.add(
            EmitContext.internal("propagate" + p.number())
                .addCode(
                    backward.propagate(
                        p, below, Segment.whole(Block.PROPAGATE, p.inputs()), ", one row"))
                .build());
      }
    }
    methods.add(checkRow());
    return methods;
  }

  /** Calls {@code <name>x<count>}, the kernel of the block's size (2 to {@code rows}). */
  private CodeBlock bySize(String name) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int size = rows; size > 2; size--) {
      code.add(size == rows ? "if (count == $L) {\n$>" : "} else if (count == $L) {\n$>", size);
      code.addStatement("$Lx$L()", name, size).add("$<");
    }
    if (rows > 2) {
      code.add("} else {\n$>");
    }
    code.addStatement("$Lx2()", name);
    if (rows > 2) {
      code.add("$<}\n");
    }
    return code.build();
  }

  /**
   * {@code for (k = from; to - k >= 2; k += count)} with {@code count} the rows of the next block:
   * blocks of {@code rows} rows, the last block of the call smaller, and a single last row left to
   * the per-row methods.
   */
  private void blocks(MethodSpec.Builder m) {
    m.addStatement("int k = from")
        .beginControlFlow("while (to - k >= 2)")
        .addStatement("final int count = Math.min($L, to - k)", rows)
        .addStatement("loadBlock(inputs, k, count)")
        .addStatement("forwardBlock(count)");
  }

  // ------------------------------------------------------------------ public methods

  private MethodSpec predict() {
    MethodSpec.Builder m =
        EmitContext.override("predict", TypeName.VOID)
            .addParameter(EmitContext.DOUBLE_ROWS, "inputs")
            .addParameter(TypeName.INT, "from")
            .addParameter(TypeName.INT, "to")
            .addParameter(EmitContext.DOUBLE_ROWS, "outputs")
            .addStatement("$T.checkFromToIndex(from, to, inputs.length)", EmitContext.OBJECTS);
    return outputs(m, CodeBlock.of(""), CodeBlock.of("")).build();
  }

  private MethodSpec evaluate() {
    MethodSpec.Builder m =
        EmitContext.override("evaluate", TypeName.VOID)
            .addParameter(EmitContext.DOUBLE_ROWS, "inputs")
            .addParameter(EmitContext.DOUBLE_ROWS, "targets")
            .addParameter(TypeName.INT, "from")
            .addParameter(TypeName.INT, "to")
            .addParameter(EmitContext.DOUBLE_ROWS, "outputs")
            .addParameter(EmitContext.DOUBLES, "losses")
            .addStatement("$T.checkFromToIndex(from, to, inputs.length)", EmitContext.OBJECTS)
            .addStatement("$T.checkFromToIndex(from, to, targets.length)", EmitContext.OBJECTS)
            .addStatement("$T.checkFromToIndex(0, to - from, losses.length)", EmitContext.OBJECTS);
    return outputs(
            m,
            CodeBlock.builder()
                .addStatement("loadTarget(targets[k + r])")
                .addStatement("losses[k + r - from] = lossValue()")
                .build(),
            CodeBlock.builder()
                .addStatement("loadTarget(targets[k])")
                .addStatement("losses[k - from] = lossValue()")
                .build())
        .build();
  }

  /**
   * The body of {@code predict} and {@code evaluate}: blocks of rows, each row's output into {@code
   * outputs[k + r - from]} followed by {@code blockRow}, then the rows that do not fill a block
   * through the per-row {@code predict}, each followed by {@code lastRow}.
   */
  private MethodSpec.Builder outputs(MethodSpec.Builder m, CodeBlock blockRow, CodeBlock lastRow) {
    m.addStatement("$T.checkFromToIndex(0, to - from, outputs.length)", EmitContext.OBJECTS);
    blocks(m);
    return m.beginControlFlow("for (int r = 0; r < count; r++)")
        .addCode(outputRow())
        .addCode(blockRow)
        .endControlFlow()
        .addStatement("k += count")
        .endControlFlow()
        .addComment("a last single row")
        .beginControlFlow("if (k < to)")
        .addStatement("checkRow($S, k, inputs[k], $L)", "input", context.network.inputSize())
        .addStatement("checkRow($S, k, outputs[k - from], $L)", "output", output.units())
        .addStatement("predict(inputs[k], outputs[k - from])")
        .addCode(lastRow)
        .endControlFlow();
  }

  /**
   * The output layer's activation of block row {@code r} into the per-row arrays, then copied into
   * {@code outputs[k + r - from]}.
   */
  private CodeBlock outputRow() {
    int n = output.units();
    String x = output.name("x");
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(rowIn(output, "z", "r"))
            .addStatement("activate$L()", output.number())
            .addStatement("final double[] out = outputs[k + r - from]")
            .addStatement("checkRow($S, k + r, out, $L)", "output", n);
    if (arith.isFloat()) {
      return code.beginControlFlow("for (int i = 0; i < $L; i++)", n)
          .addStatement("out[i] = $N[i]", x)
          .endControlFlow()
          .build();
    }
    return code.addStatement("System.arraycopy($N, 0, out, 0, $L)", x, n).build();
  }

  private MethodSpec accumulateGradient() {
    String delta = output.name("delta");
    MethodSpec.Builder m =
        EmitContext.override("accumulateGradient", TypeName.DOUBLE)
            .addParameter(EmitContext.DOUBLE_ROWS, "inputs")
            .addParameter(EmitContext.DOUBLE_ROWS, "targets")
            .addParameter(TypeName.INT, "from")
            .addParameter(TypeName.INT, "to")
            .addStatement("$T.checkFromToIndex(from, to, inputs.length)", EmitContext.OBJECTS)
            .addStatement("$T.checkFromToIndex(from, to, targets.length)", EmitContext.OBJECTS)
            .addStatement("double e = 0.0");
    blocks(m);
    return m.addComment("the loss and the output delta of each row, as accumulateGradient computes")
        .beginControlFlow("for (int r = 0; r < count; r++)")
        .addCode(rowIn(output, "z", "r"))
        .addStatement("activate$L()", output.number())
        .addStatement("loadTarget(targets[k + r])")
        .addStatement("e += lossValue()")
        .addStatement("outputDelta()")
        .addStatement(
            "System.arraycopy($N, 0, $N[r], 0, $L)", delta, output.name("deltab"), output.units())
        .endControlFlow()
        .addStatement("backwardBlock(count)")
        .addStatement("gradientPending = true")
        .addStatement("k += count")
        .endControlFlow()
        .addComment("a last single example")
        .beginControlFlow("if (k < to)")
        .addStatement("checkRow($S, k, inputs[k], $L)", "input", context.network.inputSize())
        .addStatement("e += accumulateGradient(inputs[k], targets[k])")
        .endControlFlow()
        .addStatement("return e")
        .build();
  }

  // ------------------------------------------------------------------ passes over a block

  /** Copies (and in float converts) rows {@code k} to {@code k + count - 1} into {@code xb0}. */
  private MethodSpec loadBlock() {
    int n = context.network.inputSize();
    MethodSpec.Builder m =
        EmitContext.internal("loadBlock")
            .addParameter(EmitContext.DOUBLE_ROWS, "inputs")
            .addParameter(TypeName.INT, "k")
            .addParameter(TypeName.INT, "count")
            .beginControlFlow("for (int r = 0; r < count; r++)")
            .addStatement("final double[] row = inputs[k + r]")
            .addStatement("checkRow($S, k + r, row, $L)", "input", n);
    if (arith.isFloat()) {
      m.addStatement("final float[] to = xb0[r]")
          .beginControlFlow("for (int j = 0; j < $L; j++)", n)
          .addStatement("to[j] = (float) row[j]")
          .endControlFlow();
    } else {
      m.addStatement("System.arraycopy(row, 0, xb0[r], 0, $L)", n);
    }
    return m.endControlFlow().build();
  }

  /** {@code x = f(z)} of hidden layer {@code p}, row by row through the per-row arrays. */
  private CodeBlock activateRows(LayerPlan p) {
    return CodeBlock.builder()
        .beginControlFlow("for (int r = 0; r < count; r++)")
        .add(rowIn(p, "z", "r"))
        .addStatement("activate$L()", p.number())
        .add(rowOut(p, "x", "r"))
        .endControlFlow()
        .build();
  }

  /**
   * The delta of the layer below {@code p}, row by row through the per-row arrays: {@code
   * propagate<l>} reads delta, and x and z of the layer below for f'.
   */
  private CodeBlock propagateRows(LayerPlan p, LayerPlan below) {
    return CodeBlock.builder()
        .beginControlFlow("for (int r = 0; r < count; r++)")
        .add(rowIn(p, "delta", "r"))
        .add(rowIn(below, "x", "r"))
        .add(rowIn(below, "z", "r"))
        .addStatement("propagate$L()", p.number())
        .add(rowOut(below, "delta", "r"))
        .endControlFlow()
        .build();
  }

  /** {@code <prefix><l> = <prefix>b<l>[r]} by copy. */
  private CodeBlock rowIn(LayerPlan p, String prefix, String r) {
    if (prefix.equals("z")) {
      return CodeBlock.of(
          "System.arraycopy($N, $L * $L, $N, 0, $L);\n",
          p.name("zb"),
          r,
          p.units(),
          p.name("z"),
          p.units());
    }
    return CodeBlock.of(
        "System.arraycopy($N[$L], 0, $N, 0, $L);\n",
        p.name(prefix + "b"),
        r,
        p.name(prefix),
        p.units());
  }

  /** {@code <prefix>b<l>[r] = <prefix><l>} by copy. */
  private CodeBlock rowOut(LayerPlan p, String prefix, String r) {
    return CodeBlock.of(
        "System.arraycopy($N, 0, $N[$L], 0, $L);\n",
        p.name(prefix),
        p.name(prefix + "b"),
        r,
        p.units());
  }

  /**
   * {@code z[r] = W x[r] + b} for the block's rows, as axpy over the columns of W: each group of
   * columns ({@link ForwardBlocks#GROUP}) is loaded once for all rows and added to each row's sum
   * as {@code forward<l>} adds it (a pass of 8 columns there adds two groups in turn), so each
   * row's sum is the per-row one bit for bit.
   */
  private CodeBlock sum(LayerPlan p, int size) {
    int n = p.inputs();
    String w = p.name("w");
    String xb = p.below("xb");
    String zb = p.name("zb");
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(
        EmitContext.comment(
            "z"
                + p.number()
                + "[r] = W"
                + p.number()
                + " "
                + p.below("x")
                + "[r] + "
                + p.name("b")
                + " for the "
                + size
                + " rows r of the block, as axpy over the columns of W"
                + p.number()));
    code.add(
        EmitContext.comment(
            "each column is loaded once for the block; each row's sum in the order of forward"
                + p.number()));
    for (int r = 0; r < size; r++) {
      code.addStatement("final $T xr$L = $N[$L]", context.elements, r, xb, r);
      code.addStatement(
          "System.arraycopy($N, 0, $N, $L, $L)", p.name("b"), zb, r * p.units(), p.units());
    }
    if (p.skipsZeroInputs()) {
      code.add(Passes.skipComment(p.below("x")));
      return code.add(oneColumn(p, size, 0, n, true)).build();
    }
    // the per-row pass's columns, a group at a time (forward<l> adds the groups to z in turn), and
    // the per-row pass's last columns one at a time
    int columns = Math.min(p.forwardColumns(), ForwardBlocks.GROUP);
    int main = n - n % p.forwardColumns();
    if (main > 0) {
      code.beginControlFlow("for (int j = 0; j < $L; j += $L)", main, columns);
      for (int c = 0; c < columns; c++) {
        code.addStatement(
            "final $T col$L = $N[$L]", context.elements, c, w, c == 0 ? "j" : "j + " + c);
      }
      for (int r = 0; r < size; r++) {
        for (int c = 0; c < columns; c++) {
          code.addStatement(
              "final $T a$L$L = xr$L[$L]", context.element, r, c, r, c == 0 ? "j" : "j + " + c);
        }
      }
      code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units());
      for (int c = 0; c < columns; c++) {
        code.addStatement("final $T v$L = col$L[i]", context.element, c, c);
      }
      for (int r = 0; r < size; r++) {
        int row = r;
        code.addStatement(
            ForwardBlocks.addColumns(
                zb + "[" + at(p, r) + "]", columns, c -> "v" + c + " * a" + row + c));
      }
      code.endControlFlow().endControlFlow();
    }
    if (main < n) {
      code.add(oneColumn(p, size, main, n, false));
    }
    return code.build();
  }

  /**
   * Columns {@code from} to {@code to - 1} of W one at a time, each loaded once for the block's
   * rows: {@code zb[r * units + i] += wj[i] * a<r>}, skipping the rows whose input is 0 if {@code
   * skip}.
   */
  private CodeBlock oneColumn(LayerPlan p, int size, int from, int to, boolean skip) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .beginControlFlow("for (int j = $L; j < $L; j++)", from, to)
            .addStatement("final $T wj = $N[j]", context.elements, p.name("w"));
    for (int r = 0; r < size; r++) {
      code.addStatement("final $T a$L = xr$L[j]", context.element, r, r);
      if (skip) {
        code.beginControlFlow("if (a$L != $L)", r, arith.lit(0.0));
      }
      code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
          .addStatement("$N[$L] += wj[i] * a$L", p.name("zb"), at(p, r), r)
          .endControlFlow();
      if (skip) {
        code.endControlFlow();
      }
    }
    return code.endControlFlow().build();
  }

  /** {@code i + r * units}: entry i of row r in the flat array {@code zb} of layer {@code p}. */
  private static String at(LayerPlan p, int r) {
    return r == 0 ? "i" : "i + " + r * p.units();
  }

  /**
   * {@code dW += delta[r] x[r]^T} and {@code db += delta[r]} for the block's rows r in order: each
   * column of dW is loaded and stored once for the block, and each entry adds the rows' terms in
   * row order, as one {@code backward<l>} per row does.
   */
  private CodeBlock gradient(LayerPlan p, int size) {
    String dw = p.name("dw");
    String db = p.name("db");
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(
        EmitContext.comment(
            "dW"
                + p.number()
                + " += "
                + p.name("delta")
                + "[r] "
                + p.below("x")
                + "[r]^T and "
                + db
                + " += "
                + p.name("delta")
                + "[r], r = 0 to "
                + (size - 1)
                + " in order   (dE/dW = delta x^T)"));
    code.add(
        EmitContext.comment(
            "each entry adds the rows' terms in row order, as one backward"
                + p.number()
                + " per row"));
    for (int r = 0; r < size; r++) {
      code.addStatement("final $T xr$L = $N[$L]", context.elements, r, p.below("xb"), r);
      code.addStatement("final $T dr$L = $N[$L]", context.elements, r, p.name("deltab"), r);
    }
    code.beginControlFlow("for (int j = 0; j < $L; j++)", p.inputs())
        .addStatement("final $T dwj = $N[j]", context.elements, dw);
    for (int r = 0; r < size; r++) {
      code.addStatement("final $T a$L = xr$L[j]", context.element, r, r);
    }
    if (p.skipsZeroInputs()) {
      code.add(Passes.skipComment(p.below("x")));
      for (int r = 0; r < size; r++) {
        code.beginControlFlow("if (a$L != $L)", r, arith.lit(0.0))
            .beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
            .addStatement("dwj[i] += dr$L[i] * a$L", r, r)
            .endControlFlow()
            .endControlFlow();
      }
    } else {
      StringBuilder sum = new StringBuilder("dwj[i]");
      for (int r = 0; r < size; r++) {
        sum.append(" + dr").append(r).append("[i] * a").append(r);
      }
      code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
          .addStatement("dwj[i] = $L", sum)
          .endControlFlow();
    }
    code.endControlFlow();
    StringBuilder bias = new StringBuilder(db + "[i]");
    for (int r = 0; r < size; r++) {
      bias.append(" + dr").append(r).append("[i]");
    }
    return code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
        .addStatement("$N[i] = $L", db, bias)
        .endControlFlow()
        .build();
  }

  private MethodSpec checkRow() {
    return MethodSpec.methodBuilder("checkRow")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(String.class, "what")
        .addParameter(TypeName.INT, "row")
        .addParameter(EmitContext.DOUBLES, "values")
        .addParameter(TypeName.INT, "expected")
        .beginControlFlow("if (values.length != expected)")
        .addStatement(
            "throw new IllegalArgumentException($S + what + $S + row + $S + values.length"
                + " + $S + expected)",
            context.network.name() + ": ",
            " row ",
            " has ",
            " values, expected ")
        .endControlFlow()
        .build();
  }
}
