package dev.netc.generator.emit;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.generator.plan.ParameterLayer;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The step's whole-gradient passes by parts, for a trainer that runs them on several threads:
 * {@code clearGradient(part, parts)}, {@code addGradientFrom(other, part, parts)}, {@code
 * beginGradientStep(scale)}, {@code stepReadsWholeGradient()} and {@code applyGradient(scale, part,
 * parts)}, with the private {@code update<l>Slice} methods and the {@code slice} helper. Part p of
 * every method covers the same entries of every tensor: the columns (or entries) {@code [n p /
 * parts, n (p + 1) / parts)} of each weight matrix and the same run of each bias. The passes are
 * elementwise, so the parts give the whole methods' numbers bit for bit; what is global to a step
 * (the step count, Adam's bias corrections, the norm of {@code clip norm}) is computed once by
 * {@code beginGradientStep}.
 */
final class PartEmitter {

  /** The field that holds {@code clip norm}'s factor of the step begun. */
  private static final String CLIP_FACTOR = "stepClipFactor";

  private final EmitContext context;
  private final Arith arith;
  private final UpdateBlocks update;

  PartEmitter(EmitContext context) {
    this.context = context;
    this.arith = context.arith;
    this.update =
        new UpdateBlocks(
            context, new GradientCode(context.network, context.arith, context.optimizer));
  }

  /** The field the parts share: {@code clip norm}'s factor of the step begun, if it clips so. */
  List<FieldSpec> fields() {
    if (!context.plan.clipsNorm()) {
      return List.of();
    }
    return List.of(
        FieldSpec.builder(context.element, CLIP_FACTOR, Modifier.PRIVATE)
            .addJavadoc(
                "clip norm's f = min(1, clip / |g|) of the step begun by beginGradientStep.")
            .build());
  }

  /** The public methods, then the slices of the update and the {@code slice} helper. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(clearGradient());
    methods.add(addGradientFrom(context, true).build());
    methods.add(beginGradientStep());
    methods.add(
        EmitContext.override("stepReadsWholeGradient", TypeName.BOOLEAN)
            .addStatement("return $L", context.plan.clipsNorm())
            .build());
    methods.add(applyGradient());
    for (ParameterLayer p : context.parameterLayers()) {
      methods.add(
          parts(EmitContext.internal(updateName(p)).addParameter(context.element, "s"), false)
              .addCode(update.update(p, context.plan.clipsNorm(), true))
              .build());
    }
    methods.add(
        EmitContext.internal("slice")
            .addModifiers(Modifier.STATIC)
            .returns(TypeName.INT)
            .addParameter(TypeName.INT, "n")
            .addParameter(TypeName.INT, "part")
            .addParameter(TypeName.INT, "parts")
            .addComment("the first of the n entries in part `part` of `parts`: n part / parts")
            .addStatement("return (int) ((long) n * part / parts)")
            .build());
    return methods;
  }

  private static String updateName(ParameterLayer p) {
    return "update" + p.number() + "Slice";
  }

  /**
   * Adds {@code f} (with {@code clip norm}, for the update slices) and the parameters {@code part}
   * and {@code parts}; with {@code check}, the statement that checks them.
   */
  private MethodSpec.Builder parts(MethodSpec.Builder m, boolean check) {
    if (!check && context.plan.clipsNorm()) {
      m.addParameter(context.element, "f");
    }
    m.addParameter(TypeName.INT, "part").addParameter(TypeName.INT, "parts");
    return check ? m.addStatement("$T.checkIndex(part, parts)", EmitContext.OBJECTS) : m;
  }

  private MethodSpec clearGradient() {
    MethodSpec.Builder m = parts(EmitContext.override("clearGradient", TypeName.VOID), true);
    for (ParameterLayer p : context.parameterLayers()) {
      m.addComment("$N = 0, $N = 0 in this part", p.name("dw"), p.name("db"));
      if (p.columns()) {
        m.beginControlFlow("$L", UpdateBlocks.loop("j", p.inputs(), true))
            .addStatement("$T.fill($N[j], $L)", EmitContext.ARRAYS, p.name("dw"), arith.lit(0.0))
            .endControlFlow();
      } else {
        m.addStatement(
            "$T.fill($N, slice($L, part, parts), slice($L, part + 1, parts), $L)",
            EmitContext.ARRAYS,
            p.name("dw"),
            p.weightCount(),
            p.weightCount(),
            arith.lit(0.0));
      }
      m.addStatement(
          "$T.fill($N, slice($L, part, parts), slice($L, part + 1, parts), $L)",
          EmitContext.ARRAYS,
          p.name("db"),
          p.units(),
          p.units(),
          arith.lit(0.0));
    }
    return m.build();
  }

  /**
   * {@code addGradientFrom(other)}, or with {@code sliced} {@code addGradientFrom(other, part,
   * parts)}: {@code dW += other's dW} and {@code db += other's db}, entry by entry.
   */
  static MethodSpec.Builder addGradientFrom(EmitContext context, boolean sliced) {
    MethodSpec.Builder m =
        EmitContext.override("addGradientFrom", TypeName.VOID)
            .addParameter(RuntimeTypes.COMPILED_NETWORK, "other");
    if (sliced) {
      m.addParameter(TypeName.INT, "part")
          .addParameter(TypeName.INT, "parts")
          .addStatement("$T.checkIndex(part, parts)", EmitContext.OBJECTS);
    }
    m.beginControlFlow("if (!(other instanceof $T o))", context.self)
        .addStatement(
            "throw new IllegalArgumentException($S + other.spec().qualifiedName())",
            "cannot add the gradient of a different network class: ")
        .endControlFlow();
    for (ParameterLayer p : context.parameterLayers()) {
      String dw = p.name("dw");
      if (sliced) {
        m.addComment("$1N += o.$1N, $2N += o.$2N in this part", dw, p.name("db"));
      }
      if (p.columns()) {
        m.beginControlFlow("$L", UpdateBlocks.loop("j", p.inputs(), sliced))
            .addStatement("final $T mine = $N[j]", context.elements, dw)
            .addStatement("final $T theirs = o.$N[j]", context.elements, dw)
            .beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
            .addStatement("mine[i] += theirs[i]")
            .endControlFlow()
            .endControlFlow();
      } else {
        m.beginControlFlow("$L", UpdateBlocks.loop("k", p.weightCount(), sliced))
            .addStatement("$1N[k] += o.$1N[k]", dw)
            .endControlFlow();
      }
      m.beginControlFlow("$L", UpdateBlocks.loop("k", p.units(), sliced))
          .addStatement("$1N[k] += o.$1N[k]", p.name("db"))
          .endControlFlow();
    }
    return m.addStatement("gradientPending = true");
  }

  private MethodSpec beginGradientStep() {
    MethodSpec.Builder m =
        EmitContext.override("beginGradientStep", TypeName.VOID)
            .addParameter(TypeName.DOUBLE, "scale")
            .addStatement("beginStep()");
    if (context.plan.clipsNorm()) {
      m.addComment("clip norm: f = min(1, clip / |g|), over the whole step's gradient")
          .addStatement("$N = clipFactor($L)", CLIP_FACTOR, arith.narrow("scale"));
    }
    return m.addStatement("gradientPending = false").build();
  }

  private MethodSpec applyGradient() {
    MethodSpec.Builder m =
        parts(
                EmitContext.override("applyGradient", TypeName.VOID)
                    .addParameter(TypeName.DOUBLE, "scale"),
                true)
            .addStatement("final $T s = $L", context.element, arith.narrow("scale"));
    for (ParameterLayer p : context.parameterLayers()) {
      if (context.plan.clipsNorm()) {
        m.addStatement("$N(s, $N, part, parts)", updateName(p), CLIP_FACTOR);
      } else {
        m.addStatement("$N(s, part, parts)", updateName(p));
      }
    }
    return m.build();
  }
}
