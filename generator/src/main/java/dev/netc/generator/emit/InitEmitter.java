package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.generator.plan.PackedConstant;
import dev.netc.generator.plan.ParameterLayer;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.print.Literals;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code initialize()} and the static methods that decode the file's explicit weights and biases
 * from packed string constants (each followed by its parts, if the plan splits it). The parameters
 * are reached through the runtime's named views ({@code weights(l)}, {@code bias(l)}).
 */
final class InitEmitter {
  private final EmitContext context;

  InitEmitter(EmitContext context) {
    this.context = context;
  }

  /** {@code initialize()}, then the decoding methods it calls. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    MethodSpec.Builder init = EmitContext.override("initialize", TypeName.VOID);
    Init rule = context.network.init();
    List<MethodSpec> decoders = new ArrayList<>();
    for (ParameterLayer p : context.parameterLayers()) {
      String w = "weights(" + p.number() + ")";
      String b = "bias(" + p.number() + ")";
      if (p.explicitWeights().isEmpty() || p.explicitBias().isEmpty()) {
        init.addComment("layer $L ($L): $L", p.number(), p.layerName(), initText(rule, p));
        init.addStatement("$L", initCall(rule, w, b, p));
      }
      if (p.explicitWeights().isPresent()) {
        init.addComment("layer $L ($L): explicit weights from the file", p.number(), p.layerName());
        init.addStatement("$L.setAll($N())", w, p.explicitWeights().get().method());
        decoders.addAll(decoder(p.explicitWeights().get()));
      }
      if (p.explicitBias().isPresent()) {
        init.addComment("layer $L ($L): explicit bias from the file", p.number(), p.layerName());
        init.addStatement("$L.setAll($N())", b, p.explicitBias().get().method());
        decoders.addAll(decoder(p.explicitBias().get()));
      }
    }
    for (ParameterLayer p : context.parameterLayers()) {
      for (OptimizerCode.State s : context.optimizer.states()) {
        init.addCode(context.fillWeights(p, s.prefix() + p.name("w")));
        init.addStatement(
            "$T.fill($N, $L)",
            EmitContext.ARRAYS,
            s.prefix() + p.name("b"),
            context.arith.lit(0.0));
      }
    }
    init.addStatement("steps[0] = 0L").addStatement("clearGradient()");
    methods.add(init.build());
    methods.addAll(decoders);
    return methods;
  }

  private static String initText(Init init, ParameterLayer p) {
    if (init instanceof Init.Constant c) {
      return "constant(weights = "
          + Literals.doubleLiteral(c.weights())
          + ", bias = "
          + Literals.doubleLiteral(c.bias())
          + ")";
    } else if (init instanceof Init.Uniform u) {
      return "uniform(low = "
          + Literals.doubleLiteral(u.low())
          + ", high = "
          + Literals.doubleLiteral(u.high())
          + ", seed = "
          + u.seed()
          + ")";
    } else if (init instanceof Init.Xavier x) {
      return "xavier(seed = "
          + x.seed()
          + "), from the layer's own stream"
          + p.fans()
              .map(f -> ", fan-in kh*kw*c = " + f[0] + ", fan-out kh*kw*filters = " + f[1])
              .orElse("");
    }
    return "he(seed = "
        + ((Init.He) init).seed()
        + "), from the layer's own stream"
        + p.fans().map(f -> ", fan-in kh*kw*c = " + f[0]).orElse("");
  }

  private static CodeBlock initCall(Init init, String w, String b, ParameterLayer p) {
    int layer = p.number();
    if (init instanceof Init.Constant c) {
      return CodeBlock.of(
          "$T.constant($L, $L, $L, $L)",
          RuntimeTypes.INITIALIZERS,
          w,
          b,
          Literals.doubleLiteral(c.weights()),
          Literals.doubleLiteral(c.bias()));
    } else if (init instanceof Init.Uniform u) {
      return CodeBlock.of(
          "$T.uniform($L, $L, $L, $L, $LL, $L)",
          RuntimeTypes.INITIALIZERS,
          w,
          b,
          Literals.doubleLiteral(u.low()),
          Literals.doubleLiteral(u.high()),
          u.seed(),
          layer);
    } else if (init instanceof Init.Xavier x) {
      if (p.fans().isPresent()) {
        int[] fans = p.fans().get();
        return CodeBlock.of(
            "$T.xavier($L, $L, $LL, $L, $L, $L)",
            RuntimeTypes.INITIALIZERS,
            w,
            b,
            x.seed(),
            layer,
            fans[0],
            fans[1]);
      }
      return CodeBlock.of(
          "$T.xavier($L, $L, $LL, $L)", RuntimeTypes.INITIALIZERS, w, b, x.seed(), layer);
    }
    return CodeBlock.of(
        "$T.he($L, $L, $LL, $L)", RuntimeTypes.INITIALIZERS, w, b, ((Init.He) init).seed(), layer);
  }

  /** The static method returning the constant's values, then its parts. */
  private List<MethodSpec> decoder(PackedConstant constant) {
    double[] values = constant.values();
    StringBuilder doc =
        new StringBuilder(
            values.length
                + " values from the file, row-major,"
                + " packed as Base64 of IEEE-754 bits");
    if (constant.listed()) {
      doc.append(":\n<pre>\n");
      for (int k = 0; k < values.length; k += constant.rowLength()) {
        List<String> row = new ArrayList<>();
        for (int j = k; j < Math.min(values.length, k + constant.rowLength()); j++) {
          row.add(Literals.doubleLiteral(values[j]));
        }
        doc.append('[').append(String.join(", ", row)).append("]\n");
      }
      doc.append("</pre>\n");
    } else {
      doc.append(".\n");
    }
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(constant.method())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(EmitContext.DOUBLES)
            .addJavadoc("$L", doc)
            .addStatement("final double[] values = new double[$L]", values.length);
    List<List<Integer>> parts = constant.parts();
    List<MethodSpec> methods = new ArrayList<>();
    if (parts.isEmpty()) {
      m.addCode(decodeCalls(constant, constant.chunkOffsets()));
    }
    for (int k = 0; k < parts.size(); k++) {
      m.addStatement("$N(values)", constant.partName(k));
      methods.add(
          MethodSpec.methodBuilder(constant.partName(k))
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addParameter(EmitContext.DOUBLES, "values")
              .addCode(decodeCalls(constant, parts.get(k)))
              .build());
    }
    methods.add(0, m.addStatement("return values").build());
    return methods;
  }

  private static CodeBlock decodeCalls(PackedConstant constant, List<Integer> offsets) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int offset : offsets) {
      code.addStatement(
          "$T.decode($S, values, $L)",
          RuntimeTypes.PACKED_VALUES,
          PackedValuesFormat.encode(constant.values(), offset, constant.count(offset)),
          offset);
    }
    return code.build();
  }
}
