package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.generator.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A chunk's gradient in two halves, for a trainer that splits the weight gradient between its
 * threads: {@code chunkCapacity()}, {@code forwardChunk(inputs, targets, from, to)} (the block
 * forward pass, the loss and every row's deltas, kept in the {@code xk<l>} and {@code deltak<l>}
 * fields with a reference to the input rows) and {@code accumulateChunkGradient(part, parts)}
 * ({@code dW += delta x^T} and {@code db += delta} over the kept rows, for the columns and units of
 * part {@code part}, the entries of the other part methods). The deltas are those of the batch
 * methods ({@link BatchBlocks}'s passes, reused by name), and every accumulator adds the rows'
 * terms in row order, so the two halves give the accumulators of {@code accumulateGradient(inputs,
 * targets, from, to)} bit for bit. A pass over a column of dW takes {@value #ROWS} rows; the column
 * stays in L1 for all the chunk's rows, where the block method reads the whole of dW once per block
 * of rows.
 */
final class ChunkBlocks {

  /** Most examples a chunk keeps: twice the Trainer's default chunk of 16. */
  static final int CAPACITY = 32;

  /** Rows added to a column of dW per pass over it (a small loop body, which C2 vectorizes). */
  static final int ROWS = 4;

  private final EmitContext context;
  private final Arith arith;
  private final int blockRows;
  private final LayerPlan output;

  ChunkBlocks(EmitContext context, int blockRows) {
    this.context = context;
    this.arith = context.arith;
    this.blockRows = blockRows;
    this.output = context.plan.output();
  }

  /** The kept rows: {@code xk<l>[r]} of each hidden layer, {@code deltak<l>[r]} of every layer. */
  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    for (LayerPlan p : context.layers()) {
      if (p != output) {
        FieldSpec.Builder x = kept(p.name("xk"), p.units());
        if (p.number() == 1) {
          x.addJavadoc(
              "The chunk kept by forwardChunk: row r's x1 in xk1[r], its delta1 in deltak1[r],"
                  + " ...; its inputs\nare keptInputs[keptFrom + r], r < keptCount.\n");
        }
        fields.add(x.build());
      }
      fields.add(kept(p.name("deltak"), p.units()).build());
    }
    fields.add(FieldSpec.builder(EmitContext.DOUBLE_ROWS, "keptInputs", Modifier.PRIVATE).build());
    fields.add(FieldSpec.builder(TypeName.INT, "keptFrom", Modifier.PRIVATE).build());
    fields.add(FieldSpec.builder(TypeName.INT, "keptCount", Modifier.PRIVATE).build());
    return fields;
  }

  private FieldSpec.Builder kept(String name, int width) {
    return BatchBlocks.rowsField(context, name, CAPACITY, width);
  }

  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(
        EmitContext.override("chunkCapacity", TypeName.INT)
            .addStatement("return $L", CAPACITY)
            .build());
    methods.add(forwardChunk());
    methods.add(keepDeltas());
    methods.add(accumulateChunkGradient());
    return methods;
  }

  private MethodSpec forwardChunk() {
    int n = context.network.inputSize();
    MethodSpec.Builder m =
        EmitContext.override("forwardChunk", TypeName.DOUBLE)
            .addParameter(EmitContext.DOUBLE_ROWS, "inputs")
            .addParameter(EmitContext.DOUBLE_ROWS, "targets")
            .addParameter(TypeName.INT, "from")
            .addParameter(TypeName.INT, "to")
            .addStatement("$T.checkFromToIndex(from, to, inputs.length)", EmitContext.OBJECTS)
            .addStatement("$T.checkFromToIndex(from, to, targets.length)", EmitContext.OBJECTS)
            .beginControlFlow("if (to - from > $L)", CAPACITY)
            .addStatement(
                "throw new IllegalArgumentException($S + (to - from) + $S)",
                context.network.name() + ": a chunk of ",
                " examples; at most " + CAPACITY + " are kept")
            .endControlFlow()
            .addStatement("double e = 0.0")
            .addStatement("int k = from")
            .beginControlFlow("while (to - k >= 2)")
            .addStatement("final int count = Math.min($L, to - k)", blockRows)
            .addStatement("loadBlock(inputs, k, count)")
            .addStatement("forwardBlock(count)")
            .addComment("the loss and the deltas of each row, as accumulateGradient computes them")
            .beginControlFlow("for (int r = 0; r < count; r++)")
            .addStatement(
                "System.arraycopy($N, r * $L, $N, 0, $L)",
                output.name("zb"),
                output.units(),
                output.name("z"),
                output.units())
            .addStatement("activate$L()", output.number())
            .addStatement("loadTarget(targets[k + r])")
            .addStatement("e += lossValue()")
            .addStatement("outputDelta()");
    for (LayerPlan p : context.layers()) {
      if (p != output) {
        m.addStatement(
            "System.arraycopy($N[r], 0, $N, 0, $L)", p.name("xb"), p.name("x"), p.units());
        m.addStatement(
            "System.arraycopy($N, r * $L, $N, 0, $L)",
            p.name("zb"),
            p.units(),
            p.name("z"),
            p.units());
      }
    }
    m.addStatement("keepDeltas(k - from + r)")
        .endControlFlow()
        .addStatement("k += count")
        .endControlFlow()
        .addComment("a last single example, through the per-row forward pass")
        .beginControlFlow("if (k < to)")
        .addStatement("checkRow($S, k, inputs[k], $L)", "input", n)
        .addStatement("loadInput(inputs[k])")
        .addStatement("loadTarget(targets[k])")
        .addStatement("forward()")
        .addStatement("e += lossValue()")
        .addStatement("outputDelta()")
        .addStatement("keepDeltas(k - from)")
        .endControlFlow()
        .addStatement("keptInputs = inputs")
        .addStatement("keptFrom = from")
        .addStatement("keptCount = to - from");
    return m.addStatement("return e").build();
  }

  /**
   * Keeps row {@code r}'s x of each hidden layer and its deltas, from the per-row arrays (which
   * hold the row's forward pass and output delta): {@code propagate<l>} gives the delta of the
   * layer below, as the batch and per-row passes do.
   */
  private MethodSpec keepDeltas() {
    MethodSpec.Builder m =
        EmitContext.internal("keepDeltas")
            .addParameter(TypeName.INT, "r")
            .addComment("row r's deltas, from the output layer down, and the x each layer reads");
    for (int l = context.layers().size(); l >= 1; l--) {
      LayerPlan p = context.layers().get(l - 1);
      m.addStatement(
          "System.arraycopy($N, 0, $N[r], 0, $L)", p.name("delta"), p.name("deltak"), p.units());
      if (l > 1) {
        LayerPlan below = context.layers().get(l - 2);
        m.addStatement(
            "System.arraycopy($N, 0, $N[r], 0, $L)",
            below.name("x"),
            below.name("xk"),
            below.units());
        m.addStatement("propagate$L()", l);
      }
    }
    return m.build();
  }

  private MethodSpec accumulateChunkGradient() {
    MethodSpec.Builder m =
        EmitContext.override("accumulateChunkGradient", TypeName.VOID)
            .addParameter(TypeName.INT, "part")
            .addParameter(TypeName.INT, "parts")
            .addStatement("$T.checkIndex(part, parts)", EmitContext.OBJECTS)
            .addStatement("final int n = keptCount");
    for (LayerPlan p : context.layers()) {
      m.addCode(weightGradient(p)).addCode(biasGradient(p));
    }
    return m.addStatement("gradientPending = true").build();
  }

  /** Input {@code j} of kept row {@code row} of layer {@code p}. */
  private String input(LayerPlan p, String row) {
    if (p.number() == 1) {
      String value = "keptInputs[keptFrom + " + row + "][j]";
      return arith.isFloat() ? "(float) " + value : value;
    }
    return p.below("xk") + "[" + row + "][j]";
  }

  /**
   * {@code dW += delta[r] x[r]^T} over this part's columns, the kept rows in order, {@value #ROWS}
   * rows per pass over a column (or, with zero inputs skipped, one row at a time).
   */
  private CodeBlock weightGradient(LayerPlan p) {
    String delta = p.name("deltak");
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                EmitContext.comment(
                    "dW"
                        + p.number()
                        + " += "
                        + p.name("delta")
                        + "[r] "
                        + p.below("x")
                        + "[r]^T, r = 0 to n - 1 in order, over this part's columns"
                        + "   (dE/dW = delta x^T)"))
            .beginControlFlow("$L", UpdateBlocks.loop("j", p.inputs(), true))
            .addStatement("final $T dwj = $N[j]", context.elements, p.name("dw"));
    if (p.skipsZeroInputs()) {
      code.add(
              EmitContext.comment(
                  p.below("x")
                      + " comes from relu: skip the rows whose input is exactly 0, as the"
                      + " per-row pass does"))
          .beginControlFlow("for (int r = 0; r < n; r++)")
          .addStatement("final $T a = $L", context.element, input(p, "r"))
          .beginControlFlow("if (a != $L)", arith.lit(0.0))
          .addStatement("final $T d = $N[r]", context.elements, delta)
          .beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
          .addStatement("dwj[i] += d[i] * a")
          .endControlFlow()
          .endControlFlow()
          .endControlFlow();
      return code.endControlFlow().build();
    }
    code.addStatement("int r = 0")
        .add(EmitContext.comment(ROWS + " rows per pass: the column is loaded and stored once"))
        .beginControlFlow("for (; r + $L <= n; r += $L)", ROWS, ROWS);
    StringBuilder sum = new StringBuilder("dwj[i]");
    for (int q = 0; q < ROWS; q++) {
      String row = q == 0 ? "r" : "r + " + q;
      code.addStatement("final $T d$L = $N[$L]", context.elements, q, delta, row)
          .addStatement("final $T a$L = $L", context.element, q, input(p, row));
      sum.append(" + d").append(q).append("[i] * a").append(q);
    }
    code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
        .addStatement("dwj[i] = $L", sum)
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (; r < n; r++)")
        .addStatement("final $T d0 = $N[r]", context.elements, delta)
        .addStatement("final $T a0 = $L", context.element, input(p, "r"))
        .beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
        .addStatement("dwj[i] = dwj[i] + d0[i] * a0")
        .endControlFlow()
        .endControlFlow();
    return code.endControlFlow().build();
  }

  /** {@code db += delta[r]} over this part's units, the kept rows in order. */
  private CodeBlock biasGradient(LayerPlan p) {
    return CodeBlock.builder()
        .add(
            EmitContext.comment(
                p.name("db")
                    + " += "
                    + p.name("delta")
                    + "[r], r = 0 to n - 1 in order, over this part's units   (dE/db = delta)"))
        .beginControlFlow("$L", UpdateBlocks.loop("i", p.units(), true))
        .addStatement("$T s = $N[i]", context.element, p.name("db"))
        .beginControlFlow("for (int r = 0; r < n; r++)")
        .addStatement("s = s + $N[r][i]", p.name("deltak"))
        .endControlFlow()
        .addStatement("$N[i] = s", p.name("db"))
        .endControlFlow()
        .build();
  }
}
