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
public record Sharing(
    List<Definition> definitions, Expr function, Expr derivative, String output) {

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
    if (!isLeaf(function) && contains(derivative, function)) {
      output = fresh("y", used);
      d = replace(derivative, function, new Expr.Var(output));
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
      f = replace(f, shared, name);
      d = replace(d, shared, name);
      definitions.replaceAll((k, v) -> replace(v, shared, name));
      definitions.put(name.name(), shared);
    }
    List<Definition> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    order(f, definitions, done, ordered);
    order(d, definitions, done, ordered);
    return new Sharing(ordered, f, d, output);
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
      out.append(", ").append(names.apply(output)).append(" = f(").append(names.apply(input))
          .append(")");
    }
    Set<String> needed = needed(derivative);
    for (Definition definition : definitions) {
      if (needed.contains(definition.name())) {
        out.append(", ").append(names.apply(definition.name())).append(" = ")
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
        if (contains(next, new Expr.Var(definition.name())) && needed.add(definition.name())) {
          pending.add(definition.value());
        }
      }
    }
    return needed;
  }

  private static boolean isLeaf(Expr e) {
    return e instanceof Expr.Num
        || e instanceof Expr.Var
        || e instanceof Expr.Neg n && (n.operand() instanceof Expr.Num
            || n.operand() instanceof Expr.Var);
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
      int size = size(entry.getKey());
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
    children(e).forEach(c -> count(c, counts));
  }

  private static int size(Expr e) {
    int size = 1;
    for (Expr child : children(e)) {
      size += size(child);
    }
    return size;
  }

  /** The direct subexpressions of {@code e}, the comparison's sides included. */
  static List<Expr> children(Expr e) {
    if (e instanceof Expr.Neg n) {
      return List.of(n.operand());
    }
    if (e instanceof Expr.Sum s) {
      return s.terms();
    }
    if (e instanceof Expr.Product p) {
      return p.factors();
    }
    if (e instanceof Expr.Quotient q) {
      return List.of(q.numerator(), q.denominator());
    }
    if (e instanceof Expr.Power p) {
      return List.of(p.base(), p.exponent());
    }
    if (e instanceof Expr.Call c) {
      return c.arguments();
    }
    if (e instanceof Expr.If i) {
      return List.of(i.condition().left(), i.condition().right(), i.then(), i.otherwise());
    }
    return List.of();
  }

  /** True if {@code part} occurs in {@code e}. */
  static boolean contains(Expr e, Expr part) {
    if (e.equals(part)) {
      return true;
    }
    for (Expr child : children(e)) {
      if (contains(child, part)) {
        return true;
      }
    }
    return false;
  }

  /** {@code e} with every occurrence of {@code part} replaced by {@code by}. */
  static Expr replace(Expr e, Expr part, Expr by) {
    if (e.equals(part)) {
      return by;
    }
    UnaryOperator<Expr> r = c -> replace(c, part, by);
    if (e instanceof Expr.Neg n) {
      return new Expr.Neg(r.apply(n.operand()));
    }
    if (e instanceof Expr.Sum s) {
      return new Expr.Sum(s.terms().stream().map(r).toList());
    }
    if (e instanceof Expr.Product p) {
      return new Expr.Product(p.factors().stream().map(r).toList());
    }
    if (e instanceof Expr.Quotient q) {
      return new Expr.Quotient(r.apply(q.numerator()), r.apply(q.denominator()));
    }
    if (e instanceof Expr.Power p) {
      return new Expr.Power(r.apply(p.base()), r.apply(p.exponent()));
    }
    if (e instanceof Expr.Call c) {
      return new Expr.Call(c.function(), c.arguments().stream().map(r).toList());
    }
    if (e instanceof Expr.If i) {
      Expr.Comparison c = i.condition();
      return new Expr.If(
          new Expr.Comparison(r.apply(c.left()), c.relation(), r.apply(c.right())),
          r.apply(i.then()),
          r.apply(i.otherwise()));
    }
    return e;
  }

  /** Definitions used by {@code e}, each after those it uses, in order of first use. */
  private static void order(
      Expr e, Map<String, Expr> definitions, Set<String> done, List<Definition> ordered) {
    for (Expr child : children(e)) {
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
