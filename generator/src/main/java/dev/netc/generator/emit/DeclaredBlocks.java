package dev.netc.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.netc.generator.plan.ActivatedLayer;
import dev.netc.generator.plan.ActivationPlan;
import dev.netc.grammar.expr.Derivation;
import dev.netc.grammar.expr.Printer;
import dev.netc.grammar.expr.Sharing;
import dev.netc.grammar.model.ActivationCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The code of a layer whose activation is declared in the language: the forward loop {@code x =
 * f(z)}, which also keeps the shared values the derivative needs, and the loop {@code delta *=
 * f'(z)} after the sums of a delta. Both state their formulas in comments, as netc prints them
 * ({@code netc check --explain}), with the input written {@code z}.
 */
final class DeclaredBlocks {
  /** Longest comment text, so that a comment line stays within 100 characters when indented. */
  static final int COMMENT_WIDTH = 88;

  private final Arith arith;

  DeclaredBlocks(Arith arith) {
    this.arith = arith;
  }

  /** The array that keeps shared value {@code name} of layer {@code p}: {@code z1s} for s. */
  static String keptArray(ActivatedLayer p, String name) {
    return p.name("z") + name;
  }

  /** The arrays layer {@code p} keeps for its backward pass, if its activation is declared. */
  static List<String> keptArrays(ActivatedLayer p) {
    List<String> names = new ArrayList<>();
    if (p.declared().isPresent()) {
      plan(p).kept().forEach(d -> names.add(keptArray(p, d.name())));
      if (keepsOutput(p)) {
        names.add(outputArray(p));
      }
    }
    return names;
  }

  /**
   * True if the derivative reads the layer's output f(z) and the layer has dropout, whose mask
   * scales the output array in place: the forward loop then keeps f(z) in {@link #outputArray}.
   */
  private static boolean keepsOutput(ActivatedLayer p) {
    return p.hasDropout() && plan(p).sharing().output() != null;
  }

  /** The array that keeps f(z) of a layer with dropout: {@code z1fz}. */
  private static String outputArray(ActivatedLayer p) {
    return p.name("z") + "fz";
  }

  /** {@code x = f(z)} for units {@code from} to {@code to - 1}. */
  CodeBlock forward(ActivatedLayer p, int from, int to) {
    ActivationPlan plan = plan(p);
    ActivationCall call = plan.call();
    Derivation derivation = call.activation().derivation();
    String z = p.name("z");
    CodeBlock.Builder code = CodeBlock.builder();
    comment(code, "f(z) = " + derivation.functionText(inputAsZ(call)));
    parameterComment(code, call);
    for (Sharing.Definition d : plan.kept()) {
      comment(
          code,
          d.name()
              + " = "
              + Printer.print(d.value(), inputAsZ(call))
              + " is kept in "
              + keptArray(p, d.name())
              + " for the backward pass");
    }
    Map<String, String> names = new LinkedHashMap<>();
    names.put(call.activation().input(), z + "[i]");
    ExprCode java = new ExprCode(arith, names, call.values());
    code.beginControlFlow("for (int i = $L; i < $L; i++)", from, to);
    for (Sharing.Definition d : plan.forward()) {
      code.addStatement("final $L $L = $L", arith.type(), d.name(), java.write(d.value()));
      names.put(d.name(), d.name());
    }
    for (Sharing.Definition d : plan.kept()) {
      code.addStatement("$L[i] = $L", keptArray(p, d.name()), d.name());
    }
    code.addStatement("$L[i] = $L", p.name("x"), java.write(plan.sharing().function()));
    if (keepsOutput(p)) {
      code.addStatement("$L[i] = $L[i]", outputArray(p), p.name("x"));
    }
    return code.endControlFlow().build();
  }

  /**
   * {@code delta[index] *= f'(z[index])} for {@code index} from {@code from} to {@code to - 1}: the
   * factor of layer {@code p}'s derivative, applied after the delta's sums.
   */
  CodeBlock derivative(ActivatedLayer p, String index, int from, int to) {
    ActivationPlan plan = plan(p);
    ActivationCall call = plan.call();
    String delta = p.name("delta");
    CodeBlock.Builder code = CodeBlock.builder();
    comment(
        code,
        delta
            + " *= f'("
            + p.name("z")
            + "), elementwise, with f' of "
            + call.name()
            + " as netc derived it:");
    comment(code, "f'(z) = " + call.activation().derivation().derivativeText(inputAsZ(call)));
    Sharing sharing = plan.sharing();
    Map<String, String> names = new LinkedHashMap<>();
    names.put(call.activation().input(), p.name("z") + "[" + index + "]");
    if (sharing.output() != null) {
      // the output before dropout scaled it, where the layer has dropout
      String output = keepsOutput(p) ? outputArray(p) : p.name("x");
      names.put(sharing.output(), output + "[" + index + "]");
    }
    ExprCode java = new ExprCode(arith, names, call.values());
    code.beginControlFlow("for (int $L = $L; $L < $L; $L++)", index, from, index, to, index);
    for (Sharing.Definition d : plan.kept()) {
      code.addStatement(
          "final $L $L = $L[$L]", arith.type(), d.name(), keptArray(p, d.name()), index);
      names.put(d.name(), d.name());
    }
    for (Sharing.Definition d : plan.backward()) {
      code.addStatement("final $L $L = $L", arith.type(), d.name(), java.write(d.value()));
      names.put(d.name(), d.name());
    }
    code.addStatement("$L[$L] *= $L", delta, index, java.write(sharing.derivative()));
    return code.endControlFlow().build();
  }

  private static ActivationPlan plan(ActivatedLayer p) {
    return ActivationPlan.of(
        p.declared()
            .orElseThrow(
                () -> new IllegalArgumentException("layer " + p.number() + " is built-in")));
  }

  /** The parameters' values of a call with parameters: {@code a = 1.7159, b = 0.5}. */
  private static void parameterComment(CodeBlock.Builder code, ActivationCall call) {
    if (!call.arguments().isEmpty()) {
      String text = call.text();
      comment(code, text.substring(text.indexOf('(') + 1, text.length() - 1));
    }
  }

  private static UnaryOperator<String> inputAsZ(ActivationCall call) {
    String input = call.activation().input();
    return name -> name.equals(input) ? "z" : name;
  }

  /** {@code text} as comment lines of at most {@link #COMMENT_WIDTH} characters. */
  private static void comment(CodeBlock.Builder code, String text) {
    for (String line : CommentLines.wrap(text, COMMENT_WIDTH)) {
      code.add(EmitContext.comment(line));
    }
  }
}
