package dev.netc.generator.emit;

import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.print.Literals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimizer of a network as generated code: its hyper-parameters (instance fields, defaults
 * from the file), its state arrays per parameter, and the statements of one elementwise update.
 */
final class OptimizerCode {
  /** One state array per parameter: name prefix ({@code v} gives {@code vw1}) and view suffix. */
  record State(String prefix, String suffix) {}

  private final Optimizer optimizer;
  private final Arith arith;

  OptimizerCode(Optimizer optimizer, Arith arith) {
    this.optimizer = optimizer;
    this.arith = arith;
  }

  /**
   * True if the optimizer keeps state that decays geometrically when the gradient is 0 (momentum's
   * velocity, Adam's moments, RMSProp's mean square): the generated class then flushes it to 0
   * below the smallest normal number ({@code flush}), since arithmetic on subnormal numbers is
   * about a hundred times slower on x86 and Java cannot set flush-to-zero. AdaGrad's sum only
   * grows.
   */
  boolean decays() {
    return optimizer instanceof Optimizer.Sgd sgd
        ? hasMomentum(sgd)
        : optimizer instanceof Optimizer.Adam || optimizer instanceof Optimizer.RmsProp;
  }

  /** True for Adam, which needs the step count and bias corrections. */
  boolean isAdam() {
    return optimizer instanceof Optimizer.Adam;
  }

  /**
   * The hyper-parameters that the generated class can change, with the file's values: every
   * parameter of the call except those fixed by the code's shape ({@code momentum} of a plain SGD
   * has no velocity to act on, {@code nesterov} chooses the formula).
   */
  Map<String, Double> hyperparameters() {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("rate", optimizer.rate());
    if (optimizer instanceof Optimizer.Sgd sgd) {
      if (hasMomentum(sgd)) {
        values.put("momentum", sgd.momentum());
      }
    } else if (optimizer instanceof Optimizer.Adam adam) {
      values.put("beta1", adam.beta1());
      values.put("beta2", adam.beta2());
      values.put("epsilon", adam.epsilon());
    } else if (optimizer instanceof Optimizer.RmsProp rms) {
      values.put("rho", rms.rho());
      values.put("epsilon", rms.epsilon());
    } else if (optimizer instanceof Optimizer.AdaGrad ada) {
      values.put("epsilon", ada.epsilon());
    }
    return values;
  }

  /** The optimizer call with every argument, as the spec records it. */
  String callText() {
    if (optimizer instanceof Optimizer.Sgd sgd) {
      return "sgd(rate = "
          + Literals.doubleLiteral(sgd.rate())
          + ", momentum = "
          + Literals.doubleLiteral(sgd.momentum())
          + ", nesterov = "
          + (sgd.nesterov() ? 1 : 0)
          + ")";
    } else if (optimizer instanceof Optimizer.Adam adam) {
      return "adam(rate = "
          + Literals.doubleLiteral(adam.rate())
          + ", beta1 = "
          + Literals.doubleLiteral(adam.beta1())
          + ", beta2 = "
          + Literals.doubleLiteral(adam.beta2())
          + ", epsilon = "
          + Literals.doubleLiteral(adam.epsilon())
          + ")";
    } else if (optimizer instanceof Optimizer.RmsProp rms) {
      return "rmsprop(rate = "
          + Literals.doubleLiteral(rms.rate())
          + ", rho = "
          + Literals.doubleLiteral(rms.rho())
          + ", epsilon = "
          + Literals.doubleLiteral(rms.epsilon())
          + ")";
    }
    Optimizer.AdaGrad ada = (Optimizer.AdaGrad) optimizer;
    return "adagrad(rate = "
        + Literals.doubleLiteral(ada.rate())
        + ", epsilon = "
        + Literals.doubleLiteral(ada.epsilon())
        + ")";
  }

  /** The state arrays each parameter has. */
  List<State> states() {
    List<State> states = new ArrayList<>();
    if (optimizer instanceof Optimizer.Sgd sgd) {
      if (hasMomentum(sgd)) {
        states.add(new State("v", "velocity"));
      }
    } else if (isAdam()) {
      states.add(new State("m", "first_moment"));
      states.add(new State("v", "second_moment"));
    } else if (optimizer instanceof Optimizer.RmsProp) {
      states.add(new State("s", "mean_square"));
    } else {
      states.add(new State("s", "sum_square"));
    }
    return states;
  }

  /** The update rule of parameter {@code p} as ASCII equations, one per comment line. */
  List<String> equations(String p) {
    if (optimizer instanceof Optimizer.Sgd sgd) {
      if (!hasMomentum(sgd)) {
        return List.of(p + " -= rate g");
      }
      return sgd.nesterov()
          ? List.of(
              "v" + p + " = flush(momentum v" + p + " - rate g)",
              p + " += momentum v" + p + " - rate g")
          : List.of("v" + p + " = flush(momentum v" + p + " - rate g)", p + " += v" + p);
    } else if (isAdam()) {
      return List.of(
          "m" + p + " = flush(beta1 m" + p + " + (1 - beta1) g)",
          "v" + p + " = flush(beta2 v" + p + " + (1 - beta2) g^2)",
          p + " -= rate (m" + p + " / c1) / (sqrt(v" + p + " / c2) + epsilon)");
    } else if (optimizer instanceof Optimizer.RmsProp) {
      return List.of(
          "s" + p + " = flush(rho s" + p + " + (1 - rho) g^2)",
          p + " -= rate g / (sqrt(s" + p + ") + epsilon)");
    }
    return List.of("s" + p + " += g^2", p + " -= rate g / (sqrt(s" + p + ") + epsilon)");
  }

  /** The statements updating {@code p[k]} with gradient {@code g} (a local). */
  List<String> update(String p, String k, String g) {
    String at = "[" + k + "]";
    String one = arith.lit(1.0);
    if (optimizer instanceof Optimizer.Sgd sgd) {
      if (!hasMomentum(sgd)) {
        return List.of(p + at + " -= rate * " + g);
      }
      String v = "v" + p + at;
      if (sgd.nesterov()) {
        return List.of(
            v + " = flush(momentum * " + v + " - rate * " + g + ")",
            p + at + " += momentum * " + v + " - rate * " + g);
      }
      return List.of(v + " = flush(momentum * " + v + " - rate * " + g + ")", p + at + " += " + v);
    } else if (isAdam()) {
      String m = "m" + p + at;
      String v = "v" + p + at;
      return List.of(
          m + " = flush(beta1 * " + m + " + (" + one + " - beta1) * " + g + ")",
          v + " = flush(beta2 * " + v + " + (" + one + " - beta2) * " + g + " * " + g + ")",
          p
              + at
              + " -= rate * ("
              + m
              + " / c1) / ("
              + arith.narrow("Math.sqrt(" + v + " / c2)")
              + " + epsilon)");
    } else if (optimizer instanceof Optimizer.RmsProp) {
      String s = "s" + p + at;
      return List.of(
          s + " = flush(rho * " + s + " + (" + one + " - rho) * " + g + " * " + g + ")",
          p
              + at
              + " -= rate * "
              + g
              + " / ("
              + arith.narrow("Math.sqrt(" + s + ")")
              + " + epsilon)");
    }
    String s = "s" + p + at;
    return List.of(
        s + " += " + g + " * " + g,
        p + at + " -= rate * " + g + " / (" + arith.narrow("Math.sqrt(" + s + ")") + " + epsilon)");
  }

  private static boolean hasMomentum(Optimizer.Sgd sgd) {
    return sgd.momentum() != 0 || sgd.nesterov();
  }
}
