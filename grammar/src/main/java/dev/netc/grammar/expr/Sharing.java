package dev.netc.grammar.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An activation and its derivative with their common subexpressions computed once: {@code x *
 * sigmoid(x)} and its derivative share {@code s = sigmoid(x)}, so the forward pass computes the
 * sigmoid once per unit and the backward pass reuses it. Where the derivative contains the whole
 * function, it uses the output {@code y} instead (tanh' = 1 - y^2), which the forward pass has
 * stored anyway.
 *
 * @param definitions the shared values, each using only the input, parameters and earlier
 *     definitions, in the order to compute them
 * @param function the function in terms of the definitions
 * @param derivative the derivative in terms of the definitions and {@link #output}
 * @param output the name of the function's value where the derivative uses it, else null
 */
public record Sharing(List<Definition> definitions, Expr function, Expr derivative, String output) {

  /** A shared value: {@code name = value}. */
  public record Definition(String name, Expr value) {}

  public Sharing {
    definitions = List.copyOf(definitions);
  }

  /**
   * Shares the common subexpressions of {@code function} and {@code derivative}, both simplified.
   *
   * @param taken names that definitions must not use (the input and the parameters)
   */
  public static Sharing of(Expr function, Expr derivative, Set<String> taken) {
    Set<String> used = new LinkedHashSet<>(taken);
    String output = null;
    Expr d = derivative;
    if (!isLeaf(function) && ExprTrees.contains(derivative, function)) {
      output = fresh("y", used);
      d = ExprTrees.replace(derivative, function, new Expr.Var(output));
    }
    Expr f = function;
    Map<String, Expr> definitions = new LinkedHashMap<>();
    while (true) {
      List<Expr> trees = new ArrayList<>(List.of(f, d));
      trees.addAll(definitions.values());
      Expr shared = mostWorthSharing(trees);
      if (shared == null) {
        break;
      }
      Expr.Var name = new Expr.Var(fresh(prefix(shared), used));
      f = ExprTrees.replace(f, shared, name);
      d = ExprTrees.replace(d, shared, name);
      definitions.replaceAll((k, v) -> ExprTrees.replace(v, shared, name));
      definitions.put(name.name(), shared);
    }
    List<Definition> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    order(f, definitions, done, ordered);
    order(d, definitions, done, ordered);
    return renamed(ordered, f, d, output, taken);
  }

  /**
   * The same with the definitions named again in the order they are computed, so that {@code u}
   * comes before {@code u2}.
   */
  private static Sharing renamed(
      List<Definition> ordered, Expr f, Expr d, String output, Set<String> taken) {
    Set<String> used = new LinkedHashSet<>(taken);
    if (output != null) {
      used.add(output);
    }
    Map<String, Expr> names = new LinkedHashMap<>();
    List<Definition> definitions = new ArrayList<>();
    for (Definition definition : ordered) {
      String name = fresh(prefix(definition.value()), used);
      definitions.add(new Definition(name, ExprTrees.substitute(definition.value(), names)));
      names.put(definition.name(), new Expr.Var(name));
    }
    return new Sharing(
        definitions, ExprTrees.substitute(f, names), ExprTrees.substitute(d, names), output);
  }

  /**
   * The derivative as a person reads it: {@code s + x * s * (1 - s), s = sigmoid(x)}, with the
   * output written {@code y = f(x)}.
   *
   * @param names how to print each variable (the input, parameters, definitions)
   * @param input the input's name, for {@code y = f(input)}
   */
  public String derivativeText(UnaryOperator<String> names, String input) {
    StringBuilder out = new StringBuilder(Printer.print(derivative, names));
    if (output != null) {
      out.append(", ")
          .append(names.apply(output))
          .append(" = f(")
          .append(names.apply(input))
          .append(")");
    }
    Set<String> needed = needed(derivative);
    for (Definition definition : definitions) {
      if (needed.contains(definition.name())) {
        out.append(", ")
            .append(names.apply(definition.name()))
            .append(" = ")
            .append(Printer.print(definition.value(), names));
      }
    }
    return out.toString();
  }

  /** The definitions {@code e} needs, directly or through other definitions. */
  public Set<String> needed(Expr e) {
    Set<String> needed = new LinkedHashSet<>();
    List<Expr> pending = new ArrayList<>(List.of(e));
    while (!pending.isEmpty()) {
      Expr next = pending.remove(pending.size() - 1);
      for (Definition definition : definitions) {
        if (ExprTrees.contains(next, new Expr.Var(definition.name()))
            && needed.add(definition.name())) {
          pending.add(definition.value());
        }
      }
    }
    return needed;
  }

  private static boolean isLeaf(Expr e) {
    return e instanceof Expr.Num
        || e instanceof Expr.Var
        || e instanceof Expr.Neg n
            && (n.operand() instanceof Expr.Num || n.operand() instanceof Expr.Var);
  }

  /** The largest subexpression that occurs at least twice in {@code trees}, or null. */
  private static Expr mostWorthSharing(List<Expr> trees) {
    Map<Expr, Integer> counts = new LinkedHashMap<>();
    for (Expr tree : trees) {
      count(tree, counts);
    }
    Expr best = null;
    int bestSize = 0;
    for (Map.Entry<Expr, Integer> entry : counts.entrySet()) {
      int size = ExprTrees.size(entry.getKey());
      if (entry.getValue() >= 2 && size > bestSize) {
        best = entry.getKey();
        bestSize = size;
      }
    }
    return best;
  }

  private static void count(Expr e, Map<Expr, Integer> counts) {
    if (!isLeaf(e)) {
      counts.merge(e, 1, Integer::sum);
    }
    ExprTrees.children(e).forEach(c -> count(c, counts));
  }

  /** Definitions used by {@code e}, each after those it uses, in order of first use. */
  private static void order(
      Expr e, Map<String, Expr> definitions, Set<String> done, List<Definition> ordered) {
    for (Expr child : ExprTrees.children(e)) {
      order(child, definitions, done, ordered);
    }
    if (e instanceof Expr.Var v && definitions.containsKey(v.name()) && done.add(v.name())) {
      Expr value = definitions.get(v.name());
      order(value, definitions, done, ordered);
      ordered.add(new Definition(v.name(), value));
    }
  }

  /** The name a shared value gets: the first letter of its function, else u. */
  private static String prefix(Expr e) {
    if (e instanceof Expr.Call c) {
      return switch (c.function()) {
        case SQRT -> "r";
        case SOFTPLUS -> "p";
        case COS -> "c";
        case ERF -> "g";
        default -> c.function().spelling().substring(0, 1);
      };
    }
    return "u";
  }

  private static String fresh(String prefix, Set<String> used) {
    String name = prefix;
    for (int i = 2; used.contains(name); i++) {
      name = prefix + i;
    }
    used.add(name);
    return name;
  }
}
