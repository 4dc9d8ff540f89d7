package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.netc.generator.plan.ActivatedLayer;
import dev.netc.generator.plan.Block;
import dev.netc.generator.plan.ConvPlan;
import dev.netc.generator.plan.Copy;
import dev.netc.generator.plan.FeaturePlan;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.generator.plan.MethodPlan;
import dev.netc.generator.plan.ParameterLayer;
import dev.netc.generator.plan.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * The private methods of the passes, in the order a step runs them: loading the example, the
 * forward pass by layer (with dropout, then the training forward pass and the masks), the loss and
 * the output delta (and its weighting), the backward pass by layer, the update by layer, and the
 * fused stochastic step by layer. A layer method that the plan splits is followed by its parts.
 */
final class Passes {
  private final EmitContext context;
  private final Arith arith;
  private final ForwardBlocks forward;
  private final BackwardBlocks backward;
  private final StepBlocks step;
  private final UpdateBlocks update;
  private final LossCode loss;
  private final FeatureBlocks feature;

  Passes(EmitContext context) {
    this.context = context;
    this.arith = context.arith;
    GradientCode gradient = new GradientCode(context.network, arith, context.optimizer);
    this.forward = new ForwardBlocks(context);
    this.backward = new BackwardBlocks(context);
    this.step = new StepBlocks(context, gradient, backward);
    this.update = new UpdateBlocks(context, gradient);
    this.loss = new LossCode(context);
    this.feature = new FeatureBlocks(context);
  }

  /** Every pass method, in order. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(
        load("loadInput", "input", "x0", context.network.inputSize(), context.plan.inputCopy()));
    methods.add(
        load("loadTarget", "target", "t", context.network.outputSize(), context.plan.targetCopy()));
    boolean softmax = context.plan.softmaxOutput();
    // with a softmax output, forward() is logits() then softmax(): classify needs the logits alone
    MethodSpec.Builder all = EmitContext.internal(softmax ? "logits" : "forward");
    for (FeaturePlan f : context.plan.features()) {
      all.addStatement("forward$L()", f.number());
    }
    for (LayerPlan p : context.layers()) {
      all.addStatement("$N()", p.forward().name());
    }
    if (softmax) {
      methods.add(
          EmitContext.internal("forward")
              .addStatement("logits()")
              .addStatement("softmax()")
              .build());
    }
    methods.add(all.build());
    for (FeaturePlan f : context.plan.features()) {
      methods.add(feature.forward(f));
    }
    for (LayerPlan p : context.layers()) {
      methods.addAll(layerMethod(p, p.forward()));
    }
    if (softmax) {
      methods.add(
          EmitContext.internal("softmax").addCode(forward.softmax(context.plan.output())).build());
    }
    if (context.plan.hasDropout()) {
      DropoutCode dropout = new DropoutCode(context);
      methods.add(dropout.trainingForward());
      for (FeaturePlan f : context.plan.features()) {
        if (f instanceof ConvPlan conv && conv.hasDropout()) {
          methods.add(dropout.layerMethod(conv));
        }
      }
      for (LayerPlan p : context.layers()) {
        if (p.hasDropout()) {
          methods.add(dropout.layerMethod(p));
        }
      }
    }
    methods.add(loss.lossValue());
    methods.add(loss.outputDelta());
    methods.add(loss.weightDelta());
    for (LayerPlan p : reversed()) {
      methods.addAll(layerMethod(p, p.backward()));
    }
    for (FeaturePlan f : reversedFeatures()) {
      methods.add(feature.backward(f));
    }
    methods.add(beginStep());
    if (context.plan.clipsNorm()) {
      methods.add(clipFactor());
    }
    for (ParameterLayer p : context.parameterLayers()) {
      MethodSpec.Builder m =
          EmitContext.internal("update" + p.number()).addParameter(context.element, "s");
      if (context.plan.clipsNorm()) {
        m.addParameter(context.element, "f");
      }
      methods.add(m.addCode(update.update(p, context.plan.clipsNorm())).build());
    }
    if (context.plan.fusedTrainStep()) {
      for (LayerPlan p : reversed()) {
        methods.addAll(layerMethod(p, p.step().orElseThrow()));
      }
      for (FeaturePlan f : reversedFeatures()) {
        methods.add(feature.step(f));
      }
    }
    return methods;
  }

  /** Copies {@code from} into field {@code to} as the plan says, after checking its length. */
  private MethodSpec load(String name, String from, String to, int n, Copy copy) {
    MethodSpec.Builder m =
        EmitContext.internal(name)
            .addParameter(EmitContext.DOUBLES, from)
            .addStatement("checkLength($S, $N, $L)", from, from, n);
    switch (copy) {
      case ELEMENTS -> {
        for (int k = 0; k < n; k++) {
          m.addStatement("$N[$L] = $L$N[$L]", to, k, arith.isFloat() ? "(float) " : "", from, k);
        }
      }
      case LOOP ->
          m.beginControlFlow("for (int k = 0; k < $L; k++)", n)
              .addStatement("$N[k] = (float) $N[k]", to, from)
              .endControlFlow();
      case ARRAYCOPY -> m.addStatement("System.arraycopy($N, 0, $N, 0, $L)", from, to, n);
    }
    return m.build();
  }

  /**
   * The method of one layer's pass, then its parts if the plan splits it: each part is a run of
   * whole blocks, or of entries of one block too large for a method.
   */
  private List<MethodSpec> layerMethod(LayerPlan p, MethodPlan plan) {
    List<MethodSpec> methods = new ArrayList<>();
    MethodSpec.Builder m = EmitContext.internal(plan.name());
    if (!plan.isSplit()) {
      methods.add(m.addCode(segments(p, plan.parts().get(0))).build());
      return methods;
    }
    m.addComment(
        "$L parts: one method would exceed the budget of about $L bytes of bytecode",
        plan.parts().size(),
        context.plan.methodBudget());
    m.addComment("(HotSpot compiles no method over 8000 bytes)");
    for (int k = 0; k < plan.parts().size(); k++) {
      m.addStatement("$N()", plan.partName(k));
    }
    methods.add(m.build());
    for (int k = 0; k < plan.parts().size(); k++) {
      methods.add(
          EmitContext.internal(plan.partName(k)).addCode(segments(p, plan.parts().get(k))).build());
    }
    return methods;
  }

  private CodeBlock segments(LayerPlan p, List<Segment> segments) {
    CodeBlock.Builder code = CodeBlock.builder();
    ActivatedLayer below = context.plan.below(p);
    boolean fused = segments.stream().anyMatch(s -> s.block() == Block.WEIGHT_STEP);
    for (Segment s : segments) {
      code.add(
          switch (s.block()) {
            case FORWARD_SUM -> forward.sum(p, s);
            case ACTIVATION -> forward.activation(p, s);
            case WEIGHT_GRADIENT -> backward.weightGradient(p, s);
            case BIAS_GRADIENT -> backward.biasGradient(p, s);
            case PROPAGATE ->
                backward.propagate(
                    p, below, s, fused ? ", before W" + p.number() + " changes" : "");
            case WEIGHT_STEP -> step.weights(p, below, s);
            case BIAS_STEP -> step.bias(p, s);
          });
    }
    return code.build();
  }

  private MethodSpec beginStep() {
    MethodSpec.Builder begin = EmitContext.internal("beginStep").addStatement("steps[0]++");
    if (context.optimizer.isAdam()) {
      begin
          .addComment("Adam's bias corrections (Kingma and Ba, Algorithm 1): c = 1 - beta^t")
          .addComment(
              "Math.pow, not StrictMath.pow, which on JDK 17 allocates three small arrays"
                  + " per call")
          .addComment("until C2 compiles it")
          .addStatement("c1 = $L", arith.narrowParen("1.0 - Math.pow(beta1, steps[0])"))
          .addStatement("c2 = $L", arith.narrowParen("1.0 - Math.pow(beta2, steps[0])"));
    }
    return begin.build();
  }

  private MethodSpec clipFactor() {
    MethodSpec.Builder clip =
        EmitContext.internal("clipFactor")
            .returns(context.element)
            .addParameter(context.element, "s")
            .addComment("|g|^2 over every weight and bias of the step, g as update computes it")
            .addStatement("double sum = 0.0");
    for (ParameterLayer p : context.parameterLayers()) {
      clip.addCode(update.normSquared(p));
    }
    return clip.addStatement("final double norm = Math.sqrt(sum)")
        .addStatement(
            "return norm > clip ? $L : $L", arith.narrowParen("clip / norm"), arith.lit(1.0))
        .build();
  }

  // ------------------------------------------------------------------ shared comments

  /**
   * The comment line of a block's equation; for a part of a block, followed by the entries of
   * {@code target} that the part computes.
   */
  static String equation(String equation, Segment s, String target) {
    if (s.isWhole()) {
      return equation;
    }
    return equation
        + ", "
        + target
        + "["
        + s.from()
        + "] to "
        + target
        + "["
        + (s.to() - 1)
        + "] here";
  }

  /** Why a looped layer over relu inputs skips the columns whose input is 0. */
  static CodeBlock skipComment(String x) {
    return CodeBlock.builder()
        .add(
            EmitContext.comment(
                x
                    + " comes from relu: skip the columns whose input is exactly 0"
                    + " (they add only 0 * w)"))
        .add(
            EmitContext.comment(
                "(0 * Inf and 0 * NaN in W then no longer propagate; the"
                    + " NaN guard sees the loss)"))
        .build();
  }

  /** Why the delta below a relu layer needs no dot product where the unit's output is 0. */
  static CodeBlock reluComment(ActivatedLayer below) {
    return EmitContext.comment(
        "relu: where "
            + below.name("x")
            + "[j] = 0, f' = 0 and "
            + below.name("delta")
            + "[j] = 0 without the dot product; elsewhere f' = 1"
            + (below.hasDropout()
                ? " (x is also 0 where dropout dropped the unit; g holds the mask's scale)"
                : ""));
  }

  /** Why the dot products of a looped layer use partial sums. */
  static CodeBlock partialSumsComment(LayerPlan p) {
    return EmitContext.comment(
        p.partialSums()
            + " partial sums per dot product: one running sum"
            + " would wait for each add");
  }

  private List<FeaturePlan> reversedFeatures() {
    List<FeaturePlan> features = new ArrayList<>(context.plan.features());
    java.util.Collections.reverse(features);
    return features;
  }

  private List<LayerPlan> reversed() {
    List<LayerPlan> layers = new ArrayList<>(context.layers());
    java.util.Collections.reverse(layers);
    return layers;
  }
}
