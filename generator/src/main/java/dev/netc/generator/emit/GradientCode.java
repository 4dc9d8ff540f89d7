package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * The gradient {@code g} of one parameter entry as the update uses it: the accumulated or fused
 * product, plus the l2 term for weights, times the norm clip's factor, clamped by the value clip.
 */
final class GradientCode {
  private final Network network;
  private final Arith arith;
  private final OptimizerCode optimizer;

  GradientCode(Network network, Arith arith, OptimizerCode optimizer) {
    this.network = network;
    this.arith = arith;
    this.optimizer = optimizer;
  }

  /**
   * The statements that compute {@code g} of {@code param[k]} from {@code base}, then update the
   * parameter with it.
   */
  CodeBlock update(String base, String param, String k, boolean weight, boolean norm) {
    CodeBlock.Builder code = CodeBlock.builder();
    String g = base;
    if (weight && network.regularizer().isPresent()) {
      g += " + lambda * " + param + "[" + k + "]";
    }
    code.addStatement("$L g = $L", arith.type(), g);
    if (norm) {
      code.addStatement("g *= f");
    }
    if (network.clip().isPresent() && network.clip().get() instanceof Clip.Value) {
      code.addStatement("g = Math.max(-clip, Math.min(clip, g))");
    }
    for (String line : optimizer.update(param, k, "g")) {
      code.addStatement("$L", line);
    }
    return code.build();
  }

  /**
   * The comment lines of an update of {@code param} with {@code g = base}: the gradient, then the
   * optimizer's equations, one to a line.
   */
  CodeBlock comment(String param, boolean weight, String base) {
    String g = "g = " + base;
    if (weight && network.regularizer().isPresent()) {
      g += " + lambda " + param;
    }
    if (network.clip().isPresent()) {
      g += network.clip().get() instanceof Clip.Value ? ", clamped to [-clip, clip]" : ", times f";
    }
    List<String> lines = new ArrayList<>(List.of(g));
    lines.addAll(optimizer.equations(param));
    CodeBlock.Builder code = CodeBlock.builder();
    for (String line : lines) {
      code.add(EmitContext.comment(line));
    }
    return code.build();
  }
}
