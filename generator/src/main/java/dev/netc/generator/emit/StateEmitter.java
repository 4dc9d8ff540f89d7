package dev.netc.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.generator.plan.ConvPlan;
import dev.netc.generator.plan.FeaturePlan;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.generator.plan.ParameterLayer;
import dev.netc.generator.plan.PoolPlan;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.ActivationCall;
import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.print.Literals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The state of a generated class: its fields (the spec; parameters, gradients, optimizer state;
 * hyper-parameters; the scratch arrays of the example in progress; the views) and the two
 * constructors that allocate or share them.
 */
final class StateEmitter {
  private final EmitContext context;
  private final Network network;
  private final Arith arith;
  private final OptimizerCode optimizer;

  StateEmitter(EmitContext context) {
    this.context = context;
    this.network = context.network;
    this.arith = context.arith;
    this.optimizer = context.optimizer;
  }

  /** Every field, in order. */
  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(
        FieldSpec.builder(
                RuntimeTypes.NETWORK_SPEC,
                "SPEC",
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$L", specInitializer())
            .build());
    List<String> names = new ArrayList<>(context.hyperparameters().keySet());
    fields.add(
        FieldSpec.builder(
                EmitContext.STRINGS,
                "HYPERPARAMETERS",
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer(
                "$T.of($L)",
                EmitContext.LIST,
                String.join(", ", names.stream().map(Ascii::string).toList()))
            .build());
    for (ParameterLayer p : context.parameterLayers()) {
      fields.add(
          FieldSpec.builder(context.weights(p), p.name("w"), Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(
                  "$L",
                  "W" + p.number() + ", " + p.units() + " x " + p.inputs() + ", " + layout(p) + ".")
              .build());
      fields.add(
          FieldSpec.builder(context.elements, p.name("b"), Modifier.PRIVATE, Modifier.FINAL)
              .build());
    }
    for (ParameterLayer p : context.parameterLayers()) {
      fields.add(
          FieldSpec.builder(context.weights(p), p.name("dw"), Modifier.PRIVATE, Modifier.FINAL)
              .initializer("new $L", context.allocation(p))
              .addJavadoc(
                  "$L",
                  "dE/dW"
                      + p.number()
                      + ", accumulated over the step's examples, same layout as "
                      + p.name("w")
                      + ".")
              .build());
      fields.add(array(p.name("db"), p.units(), null));
    }
    for (ParameterLayer p : context.parameterLayers()) {
      for (OptimizerCode.State s : optimizer.states()) {
        fields.add(
            FieldSpec.builder(
                    context.weights(p), s.prefix() + p.name("w"), Modifier.PRIVATE, Modifier.FINAL)
                .build());
        fields.add(
            FieldSpec.builder(
                    context.elements, s.prefix() + p.name("b"), Modifier.PRIVATE, Modifier.FINAL)
                .build());
      }
    }
    fields.add(
        FieldSpec.builder(
                ArrayTypeName.of(TypeName.LONG), "steps", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc(
                "Optimizer steps taken (Adam's t), in a one-element array shared by copies.")
            .build());
    for (Map.Entry<String, Double> h : context.hyperparameters().entrySet()) {
      fields.add(
          FieldSpec.builder(context.element, h.getKey(), Modifier.PRIVATE)
              .initializer("$L", arith.lit(h.getValue()))
              .build());
    }
    if (optimizer.isAdam()) {
      fields.add(
          FieldSpec.builder(context.element, "c1", Modifier.PRIVATE)
              .addJavadoc("Adam's bias corrections of this step: 1 - beta1^t and 1 - beta2^t.")
              .build());
      fields.add(FieldSpec.builder(context.element, "c2", Modifier.PRIVATE).build());
    }
    fields.add(array("x0", network.inputSize(), "The input of the example in progress."));
    for (FeaturePlan f : context.plan.features()) {
      fields.addAll(featureScratch(f));
    }
    for (LayerPlan p : context.layers()) {
      fields.add(array(p.name("z"), p.units(), null));
      fields.add(array(p.name("x"), p.units(), null));
      if (p.hasDropout()) {
        fields.add(
            array(
                DropoutCode.factor(p.number()),
                p.units(),
                "m" + p.number() + " * f'(" + p.name("z") + "): the dropout mask times f'."));
      }
      fields.add(array(p.name("delta"), p.units(), null));
      for (String kept : DeclaredBlocks.keptArrays(p)) {
        fields.add(array(kept, p.units(), null));
      }
    }
    fields.add(array("t", network.outputSize(), "The target of the example in progress."));
    if (context.plan.output().layer().activation() == Activation.SOFTMAX) {
      fields.add(
          FieldSpec.builder(TypeName.DOUBLE, "softmaxMax", Modifier.PRIVATE)
              .addJavadoc(
                  "max_k z_k and sum_k e^(z_k - max) of the output layer, for a loss that"
                      + " never takes ln 0.")
              .build());
      fields.add(FieldSpec.builder(TypeName.DOUBLE, "softmaxSum", Modifier.PRIVATE).build());
    }
    if (context.plan.hasDropout()) {
      fields.add(DropoutCode.keyField());
    }
    fields.add(
        FieldSpec.builder(TypeName.BOOLEAN, "gradientPending", Modifier.PRIVATE)
            .addJavadoc(
                "True while the accumulators may be non-zero (the fused step needs them zero).")
            .build());
    for (String views : List.of("parameterViews", "gradientViews", "stateViews")) {
      fields.add(
          FieldSpec.builder(EmitContext.VIEWS, views, Modifier.PRIVATE, Modifier.FINAL).build());
    }
    return fields;
  }

  /** How W of layer {@code p} is stored, for the reader. */
  static String layout(ParameterLayer p) {
    String w = p.name("w");
    if (p instanceof ConvPlan conv) {
      return "one array per (ky, kx, c) column: "
          + w
          + "[(ky * "
          + conv.window().width()
          + " + kx) * "
          + conv.input().channels()
          + " + c][f] = W"
          + p.number()
          + "[f][ky][kx][c]";
    }
    String matrix = "W" + p.number() + "[i][j]";
    return p.columns()
        ? "one array per column: " + w + "[j][i] = " + matrix
        : "row-major: " + w + "[i * " + p.inputs() + " + j] = " + matrix;
  }

  /**
   * The scratch arrays of a feature layer: a convolution's z, x, delta (dE/dz) and the sums of one
   * output position; a pooling layer's x, delta (dE/dx) and, for max pooling, the argmax indices.
   */
  private List<FieldSpec> featureScratch(FeaturePlan f) {
    List<FieldSpec> fields = new ArrayList<>();
    int n = f.outputSize();
    String shape = f.output().toString() + " (HWC)";
    if (f instanceof ConvPlan conv) {
      fields.add(array(f.name("z"), n, "Layer " + f.number() + ", " + shape + "."));
      fields.add(array(f.name("x"), n, null));
      if (conv.hasDropout()) {
        fields.add(
            array(
                DropoutCode.factor(f.number()),
                n,
                "m" + f.number() + " * f'(" + f.name("z") + "): the dropout mask times f'."));
      }
      fields.add(array(f.name("delta"), n, null));
      for (String kept : DeclaredBlocks.keptArrays(conv)) {
        fields.add(array(kept, n, null));
      }
      fields.add(
          array(
              f.name("acc"),
              conv.filters(),
              "The sums (or deltas) of the output position in progress, one per filter."));
    } else {
      PoolPlan pool = (PoolPlan) f;
      fields.add(array(f.name("x"), n, "Layer " + f.number() + ", " + shape + "."));
      fields.add(array(f.name("delta"), n, null));
      if (pool.isMax()) {
        fields.add(
            FieldSpec.builder(
                    ArrayTypeName.of(TypeName.INT), f.name("arg"), Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new int[$L]", n)
                .addJavadoc(
                    "$L",
                    "The index in x"
                        + (f.number() - 1)
                        + " of each output's first maximum (forward), for the backward pass.")
                .build());
      }
    }
    return fields;
  }

  private FieldSpec array(String name, int size, String doc) {
    FieldSpec.Builder field =
        FieldSpec.builder(context.elements, name, Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T[$L]", context.element, size);
    if (doc != null) {
      field.addJavadoc("$L", doc);
    }
    return field.build();
  }

  private CodeBlock specInitializer() {
    List<CodeBlock> layers = new ArrayList<>();
    for (DenseLayer l : network.layers()) {
      layers.add(
          CodeBlock.of(
              "new $T($L, $L, $L, $L)",
              RuntimeTypes.LAYER_SPEC,
              Ascii.string(l.name()),
              l.units(),
              Ascii.string(l.declared().map(ActivationCall::text).orElse(l.activationName())),
              Literals.doubleLiteral(l.activationParameter())));
    }
    CodeBlock.Builder spec =
        CodeBlock.builder()
            .add("new $T(\n$>$>", RuntimeTypes.NETWORK_SPEC)
            .add(
                "$L,\n$L,\n$L,\n$L,\n",
                Ascii.string(network.name()),
                Ascii.string(context.plan.qualifiedName()),
                Ascii.string(network.sourceName()),
                network.inputSize());
    if (!network.features().isEmpty()) {
      List<CodeBlock> features = new ArrayList<>();
      for (FeatureLayer f : network.features()) {
        ConvLayer conv = f instanceof ConvLayer c ? c : null;
        features.add(
            CodeBlock.of(
                "new $T($L, $L, $L, $L, $L, $L, $L, $L)",
                RuntimeTypes.FEATURE_SPEC,
                Ascii.string(f.name()),
                Ascii.string(f.describe()),
                conv == null ? 0 : conv.filters(),
                conv == null ? 0 : conv.fanIn(),
                conv == null ? 0 : conv.fanOut(),
                f.output().size(),
                Ascii.string(conv == null ? "" : conv.activation().dslName()),
                Literals.doubleLiteral(conv == null ? Double.NaN : conv.activationParameter())));
      }
      spec.add("$T.of(\n$>$>$L),\n$<$<", EmitContext.LIST, CodeBlock.join(features, ",\n"));
    }
    return spec.add("$T.of(\n$>$>$L)", EmitContext.LIST, CodeBlock.join(layers, ",\n"))
        .add(
            ",\n$<$<$L,\n$L,\n$L,\n$L)$<$<",
            Ascii.string(network.loss().dslName()),
            Ascii.string(network.precision().dslName()),
            Ascii.string(optimizer.callText()),
            Ascii.string(network.fingerprint()))
        .build();
  }

  /** The public constructor: allocates the parameters and state, then initializes them. */
  MethodSpec constructor() {
    MethodSpec.Builder m =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("A network with the initial parameters of the file.");
    for (ParameterLayer p : context.parameterLayers()) {
      m.addStatement("this.$N = new $L", p.name("w"), context.allocation(p));
      m.addStatement("this.$N = new $T[$L]", p.name("b"), context.element, p.units());
    }
    for (ParameterLayer p : context.parameterLayers()) {
      for (OptimizerCode.State s : optimizer.states()) {
        m.addStatement("this.$N = new $L", s.prefix() + p.name("w"), context.allocation(p));
        m.addStatement(
            "this.$N = new $T[$L]", s.prefix() + p.name("b"), context.element, p.units());
      }
    }
    m.addStatement("this.steps = new long[1]");
    m.addCode(views());
    return m.addStatement("initialize()").build();
  }

  /** The copy constructor: shares parameters, optimizer state and hyper-parameters. */
  MethodSpec copyConstructor() {
    MethodSpec.Builder m =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(context.self, "source")
            .addJavadoc("A copy sharing {@code source}'s parameters and optimizer state.");
    List<String> shared = new ArrayList<>();
    for (ParameterLayer p : context.parameterLayers()) {
      shared.add(p.name("w"));
      shared.add(p.name("b"));
    }
    for (ParameterLayer p : context.parameterLayers()) {
      for (OptimizerCode.State s : optimizer.states()) {
        shared.add(s.prefix() + p.name("w"));
        shared.add(s.prefix() + p.name("b"));
      }
    }
    shared.add("steps");
    shared.addAll(context.hyperparameters().keySet());
    for (String field : shared) {
      m.addStatement("this.$1N = source.$1N", field);
    }
    return m.addCode(views()).build();
  }

  private static CodeBlock views() {
    return CodeBlock.builder()
        .addStatement("this.parameterViews = $N()", ViewEmitter.PARAMETERS)
        .addStatement("this.gradientViews = $N()", ViewEmitter.GRADIENTS)
        .addStatement("this.stateViews = $N()", ViewEmitter.STATE)
        .build();
  }
}
