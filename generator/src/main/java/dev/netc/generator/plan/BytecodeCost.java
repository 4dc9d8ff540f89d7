package dev.netc.generator.plan;

import dev.netc.grammar.expr.ExprTrees;
import dev.netc.grammar.expr.Sharing;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Optimizer;

/**
 * Estimates of the bytecode size of generated code, by block and entry, from which the planner
 * decides where methods are split. Deliberately pessimistic: an array element at a constant index
 * costs {@value #ELEMENT} bytes ({@code aload_0}, {@code getfield}, {@code sipush}, {@code
 * daload}), a field {@value #FIELD}, an operator {@value #OPERATOR}; the budget leaves a further
 * margin, and {@code ClassLimitsTest} reads the real sizes of the largest generated methods.
 */
final class BytecodeCost {
  private BytecodeCost() {}

  /** An array element at a constant index, loaded or addressed for a store. */
  static final int ELEMENT = 8;

  /** An instance field ({@code aload_0}, {@code getfield}). */
  static final int FIELD = 4;

  /** An arithmetic operator, a store instruction. */
  static final int OPERATOR = 1;

  /**
   * A whole loop nest of a looped block (indices, bounds, a few statements): far more than any
   * generated loop takes, so that a method of loops is never split.
   */
  static final int LOOP = 200;

  /** One elementwise activation of an unrolled layer: a call or two, constants, casts, a store. */
  static final int ACTIVATION = 64;

  /**
   * One statement of an unrolled optimizer update: two or three elements, two fields, operators.
   */
  static final int UPDATE_STATEMENT = 48;

  /** {@code z[i] = w[k] * x[j] + ... + b[i]}: two elements and two operators per term. */
  static int forwardRow(int inputs) {
    return inputs * (2 * ELEMENT + 2 * OPERATOR) + 2 * ELEMENT + (inputs / 100) * 3 * ELEMENT;
  }

  /** {@code dw[k] += delta[i] * x[j]}: load and store of dw, two elements, three operators. */
  static int gradientEntry() {
    return 4 * ELEMENT + 4 * OPERATOR;
  }

  /** {@code delta[j] = (w[k] * delta[i] + ...) * f'}: two elements per term, the derivative. */
  static int propagateRow(int units) {
    return units * (2 * ELEMENT + 2 * OPERATOR)
        + 4 * ELEMENT
        + 8 * OPERATOR
        + (units / 100) * 3 * ELEMENT;
  }

  /** An activation of one unit, unrolled. */
  static int activation(Activation f) {
    return f == Activation.LINEAR ? 2 * ELEMENT + OPERATOR : ACTIVATION;
  }

  /**
   * A node of a declared activation's formula as generated code: an operator, a local, a literal
   * from the constant pool, or a static call, with its cast in a float class.
   */
  static final int NODE = 6;

  /**
   * The loop {@code x = f(z)} of a declared activation: the loop, its formula and shared values,
   * the stores of the kept values.
   */
  static int declaredForward(ActivationPlan a) {
    int nodes = ExprTrees.size(a.sharing().function());
    for (Sharing.Definition d : a.forward()) {
      nodes += ExprTrees.size(d.value()) + 1;
    }
    return LOOP + nodes * NODE + a.kept().size() * 2 * ELEMENT;
  }

  /** The loop {@code delta *= f'(z)} of a declared activation, with its loads and shared values. */
  static int declaredDerivative(ActivationPlan a) {
    int nodes = ExprTrees.size(a.sharing().derivative());
    for (Sharing.Definition d : a.backward()) {
      nodes += ExprTrees.size(d.value()) + 1;
    }
    return LOOP + nodes * NODE + a.kept().size() * 2 * ELEMENT;
  }

  /** {@code total} spread over {@code entries}, rounded up: an entry cost of a split block. */
  static int perEntry(int total, int entries) {
    return Math.max(1, (total + entries - 1) / entries);
  }

  /** The statements of one straight-line SGD update (one, or two with momentum). */
  static int sgdUpdate(Optimizer optimizer) {
    boolean momentum =
        optimizer instanceof Optimizer.Sgd sgd && (sgd.momentum() != 0 || sgd.nesterov());
    return (momentum ? 2 : 1) * UPDATE_STATEMENT;
  }
}
