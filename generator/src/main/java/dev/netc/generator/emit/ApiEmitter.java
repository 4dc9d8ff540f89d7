package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.generator.plan.ParameterLayer;
import dev.netc.grammar.model.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * The methods of the runtime's {@code CompiledNetwork} interface, in the interface's order: each
 * runs the passes (private methods) in order, or reads or writes the state.
 */
final class ApiEmitter {
  private final EmitContext context;
  private final Network network;
  private final Arith arith;

  ApiEmitter(EmitContext context) {
    this.context = context;
    this.network = context.network;
    this.arith = context.arith;
  }

  /** The methods before {@code initialize}, in order. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(
        EmitContext.override("spec", RuntimeTypes.NETWORK_SPEC)
            .addStatement("return SPEC")
            .build());
    methods.add(
        EmitContext.override("inputSize", TypeName.INT)
            .addStatement("return $L", network.inputSize())
            .build());
    methods.add(
        EmitContext.override("outputSize", TypeName.INT)
            .addStatement("return $L", network.outputSize())
            .build());
    methods.add(predict());
    methods.add(classify());
    methods.add(
        EmitContext.override("loss", TypeName.DOUBLE)
            .addParameter(EmitContext.DOUBLES, "input")
            .addParameter(EmitContext.DOUBLES, "target")
            .addStatement("loadInput(input)")
            .addStatement("loadTarget(target)")
            .addStatement("forward()")
            .addStatement("return lossValue()")
            .build());
    methods.add(accumulateGradient(false));
    methods.add(applyGradient());
    if (context.plan.fusedTrainStep()) {
      methods.add(trainStep(false));
    }
    methods.add(accumulateGradient(true));
    if (context.plan.fusedTrainStep()) {
      methods.add(trainStep(true));
    }
    methods.add(clearGradient());
    methods.add(addGradientFrom());
    methods.add(
        EmitContext.override("parameters", EmitContext.VIEWS)
            .addStatement("return parameterViews")
            .build());
    methods.add(
        EmitContext.override("gradients", EmitContext.VIEWS)
            .addStatement("return gradientViews")
            .build());
    methods.add(
        EmitContext.override("optimizerState", EmitContext.VIEWS)
            .addStatement("return stateViews")
            .build());
    methods.add(
        EmitContext.override("optimizerSteps", TypeName.LONG)
            .addStatement("return steps[0]")
            .build());
    methods.add(
        EmitContext.override("setOptimizerSteps", TypeName.VOID)
            .addParameter(TypeName.LONG, "count")
            .addStatement("steps[0] = count")
            .build());
    methods.add(
        EmitContext.override("hyperparameterNames", EmitContext.STRINGS)
            .addStatement("return HYPERPARAMETERS")
            .build());
    methods.addAll(hyperparameters());
    if (context.plan.hasDropout()) {
      methods.addAll(DropoutCode.keyMethods());
    }
    methods.add(
        EmitContext.override("copy", RuntimeTypes.COMPILED_NETWORK)
            .addStatement("return new $T(this)", context.self)
            .build());
    return methods;
  }

  private MethodSpec predict() {
    String out = context.plan.output().name("x");
    int outputs = network.outputSize();
    MethodSpec.Builder m =
        EmitContext.override("predict", TypeName.VOID)
            .addParameter(EmitContext.DOUBLES, "input")
            .addParameter(EmitContext.DOUBLES, "output")
            .addStatement("loadInput(input)")
            .addStatement("checkLength($S, output, $L)", "output", outputs)
            .addStatement("forward()");
    switch (context.plan.outputCopy()) {
      case ELEMENTS -> {
        for (int k = 0; k < outputs; k++) {
          m.addStatement("output[$L] = $N[$L]", k, out, k);
        }
      }
      case LOOP ->
          m.beginControlFlow("for (int k = 0; k < $L; k++)", outputs)
              .addStatement("output[k] = $N[k]", out)
              .endControlFlow();
      case ARRAYCOPY -> m.addStatement("System.arraycopy($N, 0, output, 0, $L)", out, outputs);
    }
    return m.build();
  }

  /**
   * {@code classify(input)}: the first largest output. With a softmax output, the first largest
   * logit when it is clear of every other ({@link #clearLogit}), else the softmax's first largest.
   */
  private MethodSpec classify() {
    MethodSpec.Builder m =
        EmitContext.override("classify", TypeName.INT)
            .addParameter(EmitContext.DOUBLES, "input")
            .addStatement("loadInput(input)");
    boolean softmax = context.plan.softmaxOutput();
    if (softmax) {
      m.addStatement("logits()").addCode(clearLogit()).addStatement("softmax()");
    } else {
      m.addStatement("forward()");
    }
    return m.addCode(firstLargest(context.plan.output().name("x"), !softmax))
        .addStatement("return best")
        .build();
  }

  /**
   * Returns the first largest logit of a softmax output where it is the softmax's first largest
   * output for certain, without the exponentials; else falls through to the softmax.
   */
  private CodeBlock clearLogit() {
    String z = context.plan.output().name("z");
    String x = context.plan.output().name("x");
    int n = network.outputSize();
    boolean isFloat = arith.isFloat();
    String t = isFloat ? "2^-16 in float" : "2^-40 in double";
    String bound = isFloat ? "-0x1p-16f" : "-0x1p-40";
    String[] lines = {
      x + " = softmax(" + z + ") is " + x + "[k] = e_k / sum with e_k = exp(" + z + "[k] - max),",
      "e_max = exp(0) = 1 and sum >= 1. If max is finite and every other " + z + "[k] - max <= -T",
      "(T = " + t + "), then e_k <= exp(-T) ~ 1 - T, and e_k / sum is below 1 / sum by",
      "far more than the few ulps of exp and of the rounded quotients: the first largest " + x,
      "is the one largest " + z + ", found without the exponentials. Otherwise (a near tie, NaN,",
      "an infinity) the softmax, then its first largest " + x + ", as predict computes them."
    };
    CodeBlock.Builder code = CodeBlock.builder();
    for (String line : lines) {
      code.add(EmitContext.comment(line));
    }
    return code.add(firstLargest(z, true))
        .addStatement("final $T max = $N[best]", context.element, z)
        .addStatement("boolean clear = $T.isFinite(max)", context.element.box())
        .beginControlFlow("for (int k = 0; k < $L; k++)", n)
        .add(EmitContext.comment("NaN fails <="))
        .beginControlFlow("if (k != best && !($N[k] - max <= $L))", z, bound)
        .addStatement("clear = false")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("if (clear)")
        .addStatement("return best")
        .endControlFlow()
        .build();
  }

  /**
   * {@code best} (declared here if {@code declare}) = the index of the first largest entry of
   * {@code array}; {@code >} never picks a NaN after index 0.
   */
  private CodeBlock firstLargest(String array, boolean declare) {
    return CodeBlock.builder()
        .addStatement(declare ? "int best = 0" : "best = 0")
        .beginControlFlow("for (int k = 1; k < $L; k++)", network.outputSize())
        .beginControlFlow("if ($1N[k] > $1N[best])", array)
        .addStatement("best = k")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * {@code accumulateGradient(input, target)}, or with {@code weighted} the gradient of {@code
   * weight * E}: the output delta scaled by the weight before the backward pass.
   */
  private MethodSpec accumulateGradient(boolean weighted) {
    MethodSpec.Builder m =
        parameters(EmitContext.override("accumulateGradient", TypeName.DOUBLE), weighted);
    toOutputDelta(m, weighted);
    for (int l = context.layers().size(); l >= 1; l--) {
      m.addStatement("$N()", context.layers().get(l - 1).backward().name());
    }
    for (int l = context.plan.features().size(); l >= 1; l--) {
      m.addStatement("backward$L()", context.plan.features().get(l - 1).number());
    }
    return m.addStatement("gradientPending = true")
        .addStatement(weighted ? "return weight * e" : "return e")
        .build();
  }

  /** The parameters {@code input} and {@code target}, and {@code weight} if {@code weighted}. */
  private static MethodSpec.Builder parameters(MethodSpec.Builder m, boolean weighted) {
    m.addParameter(EmitContext.DOUBLES, "input").addParameter(EmitContext.DOUBLES, "target");
    return weighted ? m.addParameter(TypeName.DOUBLE, "weight") : m;
  }

  /**
   * The passes up to the output delta: load, forward (with the dropout masks, if any), {@code e} =
   * the loss, the (weighted) delta.
   */
  private void toOutputDelta(MethodSpec.Builder m, boolean weighted) {
    m.addStatement("loadInput(input)")
        .addStatement("loadTarget(target)")
        .addStatement(context.plan.hasDropout() ? "trainingForward()" : "forward()")
        .addStatement("final double e = lossValue()")
        .addStatement("outputDelta()");
    if (weighted) {
      m.addStatement("weightDelta(weight)");
    }
  }

  private MethodSpec applyGradient() {
    MethodSpec.Builder m =
        EmitContext.override("applyGradient", TypeName.VOID)
            .addParameter(TypeName.DOUBLE, "scale")
            .addStatement("beginStep()")
            .addStatement("final $T s = $L", context.element, arith.narrow("scale"));
    if (context.plan.clipsNorm()) {
      m.addComment("clip norm: g *= f with f = min(1, clip / |g|), over the whole step's gradient")
          .addStatement("final $T f = clipFactor(s)", context.element);
    }
    for (ParameterLayer p : context.parameterLayers()) {
      m.addStatement(context.plan.clipsNorm() ? "update$L(s, f)" : "update$L(s)", p.number());
    }
    return m.addStatement("gradientPending = false").build();
  }

  private MethodSpec trainStep(boolean weighted) {
    MethodSpec.Builder m =
        parameters(EmitContext.override("trainStep", TypeName.DOUBLE), weighted)
            .addJavadoc(
                "One stochastic step with backward and update fused: each layer propagates"
                    + " delta with its\nold weights, then updates them, in one pass over W. The same"
                    + " numbers as\n{@code accumulateGradient} then {@code applyGradient(1.0)}.\n")
            .beginControlFlow("if (gradientPending)")
            .addStatement(
                "final double e = accumulateGradient($L)",
                weighted ? "input, target, weight" : "input, target")
            .addStatement("applyGradient(1.0)")
            .addStatement("return e")
            .endControlFlow();
    toOutputDelta(m, weighted);
    m.addStatement("beginStep()");
    for (int l = context.layers().size(); l >= 1; l--) {
      m.addStatement("$N()", context.layers().get(l - 1).step().orElseThrow().name());
    }
    for (int l = context.plan.features().size(); l >= 1; l--) {
      m.addStatement("step$L()", context.plan.features().get(l - 1).number());
    }
    return m.addStatement(weighted ? "return weight * e" : "return e").build();
  }

  private MethodSpec clearGradient() {
    MethodSpec.Builder m = EmitContext.override("clearGradient", TypeName.VOID);
    for (ParameterLayer p : context.parameterLayers()) {
      m.addCode(context.fillWeights(p, p.name("dw")));
      m.addStatement("$T.fill($N, $L)", EmitContext.ARRAYS, p.name("db"), arith.lit(0.0));
    }
    return m.addStatement("gradientPending = false").build();
  }

  private MethodSpec addGradientFrom() {
    return PartEmitter.addGradientFrom(context, false).build();
  }

  /** {@code hyperparameter(name)} and {@code setHyperparameter(name, value)}. */
  private List<MethodSpec> hyperparameters() {
    CodeBlock unknown =
        CodeBlock.of(
            "throw new IllegalArgumentException($S + name + $S" + " + HYPERPARAMETERS)",
            network.name() + " has no hyper-parameter '",
            "'; it has ");
    CodeBlock.Builder get = CodeBlock.builder().add("return switch (name) {\n$>");
    CodeBlock.Builder set = CodeBlock.builder().beginControlFlow("switch (name)");
    for (String h : context.hyperparameters().keySet()) {
      get.addStatement("case $S -> $N", h, h);
      set.addStatement("case $S -> $N = $L", h, h, arith.narrow("value"));
    }
    get.addStatement("default -> $L", unknown).add("$<};\n");
    set.addStatement("default -> $L", unknown).endControlFlow();
    return List.of(
        EmitContext.override("hyperparameter", TypeName.DOUBLE)
            .addParameter(String.class, "name")
            .addCode(get.build())
            .build(),
        EmitContext.override("setHyperparameter", TypeName.VOID)
            .addParameter(String.class, "name")
            .addParameter(TypeName.DOUBLE, "value")
            .addCode(set.build())
            .build());
  }
}
