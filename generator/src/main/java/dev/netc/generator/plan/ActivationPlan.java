package dev.netc.generator.plan;

import dev.netc.grammar.expr.Expr;
import dev.netc.grammar.expr.ExprTrees;
import dev.netc.grammar.expr.Sharing;
import dev.netc.grammar.model.ActivationCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a layer's declared activation is computed: which shared values ({@link Sharing}) the forward
 * pass computes, which of them it keeps per unit for the backward pass, and which the backward pass
 * computes again.
 *
 * <p>A shared value that the derivative needs is kept (stored in a per-unit array beside {@code z})
 * if its own formula calls a function such as {@code exp}, {@code tanh} or {@code erf}: storing and
 * loading one number costs a few cycles, the call some tens ({@code Math.exp}, an intrinsic) to
 * hundreds ({@code erf}, a series). A value of plain arithmetic on kept values and the input
 * ({@code u = 1 + t} of gelu) is computed again: an add or a multiply costs no more than the load
 * it saves, and no array is spent on it. Values that only the derivative uses are computed in the
 * backward pass, so that {@code predict} does not pay for them.
 *
 * @param call the declared activation with its parameters' values
 * @param forward the shared values the forward pass computes, in order
 * @param kept those of them kept per unit for the backward pass
 * @param backward the shared values the backward pass computes, in order (the derivative's, less
 *     the kept ones)
 */
public record ActivationPlan(
    ActivationCall call,
    List<Sharing.Definition> forward,
    List<Sharing.Definition> kept,
    List<Sharing.Definition> backward) {

  public ActivationPlan {
    forward = List.copyOf(forward);
    kept = List.copyOf(kept);
    backward = List.copyOf(backward);
  }

  /** The plan of {@code layer}'s declared activation. */
  public static ActivationPlan of(ActivationCall call) {
    Sharing sharing = call.activation().derivation().shared();
    Set<String> inFunction = sharing.needed(sharing.function());
    Set<String> inDerivative = sharing.needed(sharing.derivative());
    List<Sharing.Definition> forward = new ArrayList<>();
    List<Sharing.Definition> kept = new ArrayList<>();
    List<Sharing.Definition> backward = new ArrayList<>();
    for (Sharing.Definition d : sharing.definitions()) {
      boolean computed = inFunction.contains(d.name());
      if (computed) {
        forward.add(d);
      }
      if (inDerivative.contains(d.name())) {
        if (computed && callsFunction(d.value())) {
          kept.add(d);
        } else {
          backward.add(d);
        }
      }
    }
    return new ActivationPlan(call, forward, kept, backward);
  }

  /** The shared values of the activation and its derivative. */
  public Sharing sharing() {
    return call.activation().derivation().shared();
  }

  /** True if {@code e} itself calls a function other than abs, min and max. */
  private static boolean callsFunction(Expr e) {
    if (e instanceof Expr.Call c) {
      switch (c.function()) {
        case ABS, MIN, MAX -> {}
        default -> {
          return true;
        }
      }
    }
    return ExprTrees.children(e).stream().anyMatch(ActivationPlan::callsFunction);
  }
}
