package dev.netc.grammar.check;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.expr.Derivation;
import dev.netc.grammar.expr.Expr;
import dev.netc.grammar.expr.ExprTrees;
import dev.netc.grammar.expr.Function;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.DeclaredActivation;
import dev.netc.grammar.model.Parameter;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.syntax.NetcParser;
import dev.netc.grammar.syntax.Positions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Checks the {@code activation} declarations of a file and derives their derivatives: names (no
 * clash with a built-in, no duplicate), parameters (the input first, defaults for the rest),
 * expressions ({@link ExpressionBuilder}: known functions and variables, constant exponents,
 * comparisons only in {@code if}), size. A call of another declared activation is inlined, so calls
 * must not form a cycle; declarations may come in any order.
 */
final class ActivationChecker {
  /**
   * The most operations an activation may have with its calls written out, and the deepest nesting
   * of its expression: far more than any activation in use (gelu has 12 operations and depth 6),
   * few enough that deriving, simplifying and sharing stay fast.
   */
  static final int MAX_SIZE = 500;

  static final int MAX_DEPTH = 100;

  final DiagnosticCollector diagnostics;
  final Positions positions;
  final Numbers numbers;
  final Map<String, DeclaredActivation> library;
  private final boolean prelude;

  /** A declaration whose header is valid. */
  record Header(
      String name,
      Token nameToken,
      String input,
      List<Parameter> parameters,
      NetcParser.ActivationDeclContext declaration) {}

  /** The checked body of a declaration: the function with calls inlined, or empty if invalid. */
  private final Map<String, Optional<Expr>> bodies = new LinkedHashMap<>();

  final Map<String, Header> headers = new LinkedHashMap<>();
  final Map<String, Set<String>> calls = new LinkedHashMap<>();
  private final List<String> inProgress = new ArrayList<>();

  /**
   * @param library activations the declarations may call and must not redefine (the prelude)
   * @param prelude true when checking netc's own prelude
   */
  ActivationChecker(
      DiagnosticCollector diagnostics,
      Positions positions,
      Map<String, DeclaredActivation> library,
      boolean prelude) {
    this.diagnostics = diagnostics;
    this.positions = positions;
    this.numbers = new Numbers(diagnostics, positions);
    this.library = library;
    this.prelude = prelude;
  }

  /** The outcome: the valid declarations in file order, and the names of the invalid ones. */
  record Result(List<DeclaredActivation> activations, Set<String> invalid) {}

  /** Checks {@code declarations}, reporting every problem. */
  Result check(List<NetcParser.ActivationDeclContext> declarations) {
    Set<String> invalid = new LinkedHashSet<>();
    for (NetcParser.ActivationDeclContext declaration : declarations) {
      Optional<Token> name = Trees.name(declaration.name());
      if (name.isEmpty()) {
        continue;
      }
      String text = name.get().getText();
      if (!checkName(name.get())) {
        invalid.add(text);
        continue;
      }
      if (declaration.expr() != null && tooDeep(declaration.expr())) {
        tooLarge(name.get(), "nests deeper than " + MAX_DEPTH + " operations");
        invalid.add(text);
        bodies.put(text, Optional.empty());
        continue;
      }
      if (Trees.hasSyntaxError(declaration)) {
        invalid.add(text); // the parser has reported it; calls of it stay quiet
        bodies.put(text, Optional.empty());
        continue;
      }
      header(declaration, name.get())
          .ifPresentOrElse(
              h -> headers.put(text, h),
              () -> {
                invalid.add(text);
                bodies.put(text, Optional.empty());
              });
    }
    List<DeclaredActivation> valid = new ArrayList<>();
    for (Header header : headers.values()) {
      Optional<Expr> body = body(header.name(), null);
      if (body.isEmpty()) {
        invalid.add(header.name());
        continue;
      }
      if (!ExprTrees.contains(body.get(), new Expr.Var(header.input()))) {
        diagnostics.report(
            DiagnosticKind.CONSTANT_ACTIVATION,
            positions.of(header.nameToken()),
            "activation '"
                + header.name()
                + "' does not use its input '"
                + header.input()
                + "': it is a constant with derivative 0, so the layers below it never learn");
      }
      List<String> parameterNames = header.parameters().stream().map(Parameter::name).toList();
      valid.add(
          new DeclaredActivation(
              header.name(),
              header.parameters(),
              Derivation.of(body.get(), header.input(), parameterNames),
              List.copyOf(calls.getOrDefault(header.name(), Set.of())),
              prelude,
              positions.of(header.nameToken())));
    }
    return new Result(valid, invalid);
  }

  /** False (after reporting) if the name is taken by a built-in or an earlier declaration. */
  private boolean checkName(Token name) {
    String text = name.getText();
    Span span = positions.of(name);
    if (Trees.isBadName(name)) {
      FileChecker.reportNonAscii(diagnostics, name, span, "an activation name");
      return false;
    }
    String taken = null;
    for (Activation builtIn : Activation.builtIns()) {
      if (builtIn.dslName().equals(text) || builtIn.aliases().contains(text)) {
        taken = "a built-in activation";
      }
    }
    if (library.containsKey(text)) {
      taken = "a built-in activation";
    }
    if (Function.named(text).isPresent() || text.equals("if")) {
      taken = "a function of expressions";
    }
    if (taken != null) {
      diagnostics.report(
          DiagnosticKind.ACTIVATION_NAME_TAKEN,
          span,
          "'"
              + text
              + "' is "
              + taken
              + ": choose another name for this activation, for example"
              + " 'my_"
              + text
              + "'");
      return false;
    }
    Header first = headers.get(text);
    if (first != null || bodies.containsKey(text)) {
      diagnostics.report(
          DiagnosticKind.DUPLICATE_ACTIVATION,
          span,
          "activation '"
              + text
              + "' is already declared"
              + (first == null ? "" : " at line " + first.nameToken().getLine())
              + ": rename one of them");
      return false;
    }
    return true;
  }

  /** The input and the parameters with their defaults, or empty after reporting. */
  private Optional<Header> header(NetcParser.ActivationDeclContext declaration, Token name) {
    long errorsBefore = diagnostics.errorCount();
    List<NetcParser.ActivationParamContext> params = declaration.activationParam();
    if (params.isEmpty()) {
      diagnostics.report(
          DiagnosticKind.INVALID_INPUT_PARAMETER,
          positions.of(name),
          "activation '"
              + name.getText()
              + "' has no input: write its input as the first"
              + " parameter, for example 'activation "
              + name.getText()
              + "(x) = ...'");
      return Optional.empty();
    }
    String input = null;
    List<Parameter> parameters = new ArrayList<>();
    Map<String, Token> seen = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      NetcParser.ActivationParamContext param = params.get(i);
      Optional<Token> paramName = Trees.name(param.name());
      if (paramName.isEmpty()) {
        continue;
      }
      String text = paramName.get().getText();
      Span span = positions.of(paramName.get());
      if (Trees.isBadName(paramName.get())) {
        FileChecker.reportNonAscii(diagnostics, paramName.get(), span, "a parameter name");
        continue;
      }
      Token first = seen.putIfAbsent(text, paramName.get());
      if (first != null) {
        diagnostics.report(
            DiagnosticKind.DUPLICATE_PARAMETER,
            span,
            "parameter '"
                + text
                + "' of activation '"
                + name.getText()
                + "' is already declared"
                + " at column "
                + positions.of(first).column()
                + ": rename one of them");
        continue;
      }
      if (i == 0) {
        input = text;
        if (param.number() != null) {
          diagnostics.report(
              DiagnosticKind.INVALID_INPUT_PARAMETER,
              span,
              "the first parameter '"
                  + text
                  + "' is the input of activation '"
                  + name.getText()
                  + "' and cannot have a default: remove '= "
                  + param.number().getText()
                  + "'");
        }
        continue;
      }
      if (param.number() == null) {
        diagnostics.report(
            DiagnosticKind.PARAMETER_WITHOUT_DEFAULT,
            span,
            "parameter '"
                + text
                + "' of activation '"
                + name.getText()
                + "' needs a default"
                + " (layers may leave it out): write, for example, '"
                + text
                + " = 1'");
        continue;
      }
      numbers.value(param.number()).ifPresent(v -> parameters.add(Parameter.of(text, v.value())));
    }
    if (diagnostics.errorCount() != errorsBefore || input == null) {
      return Optional.empty();
    }
    return Optional.of(new Header(name.getText(), name, input, parameters, declaration));
  }

  /**
   * The checked body of activation {@code name}, its calls of other declared activations inlined;
   * empty if it or an activation it calls is invalid.
   *
   * @param caller where it is called from, for the message about a cycle (null at the top)
   */
  Optional<Expr> body(String name, Token caller) {
    Optional<Expr> done = bodies.get(name);
    if (done != null) {
      return done;
    }
    int cycleStart = inProgress.indexOf(name);
    if (cycleStart >= 0) {
      List<String> cycle = new ArrayList<>(inProgress.subList(cycleStart, inProgress.size()));
      cycle.add(name);
      diagnostics.report(
          DiagnosticKind.RECURSIVE_ACTIVATION,
          positions.of(caller),
          cycle.size() == 2
              ? "activation '"
                  + name
                  + "' calls itself: netc writes calls out in full, so an"
                  + " activation cannot be recursive; write the expression without the call"
              : "activations call each other in a cycle ("
                  + String.join(" -> ", cycle)
                  + "): netc writes calls out in full, so calls must not form a cycle; remove"
                  + " one of the calls");
      return Optional.empty();
    }
    Header header = headers.get(name);
    inProgress.add(name);
    long errorsBefore = diagnostics.errorCount();
    Expr body = new ExpressionBuilder(this, header).build(header.declaration().expr());
    inProgress.remove(inProgress.size() - 1);
    if (body != null && ExprTrees.sizeAtMost(body, MAX_SIZE) > MAX_SIZE) {
      tooLarge(
          header.nameToken(),
          "has more than " + MAX_SIZE + " operations with its calls" + " written out");
      body = null;
    }
    Optional<Expr> result =
        body == null || diagnostics.errorCount() != errorsBefore
            ? Optional.empty()
            : Optional.of(body);
    bodies.put(name, result);
    return result;
  }

  /**
   * True if the parse tree of an expression is deeper than {@link #MAX_DEPTH} (measured without
   * recursion, so that a long sum cannot overflow the stack).
   */
  private static boolean tooDeep(ParseTree tree) {
    Deque<ParseTree> trees = new ArrayDeque<>(List.of(tree));
    Deque<Integer> depths = new ArrayDeque<>(List.of(0));
    while (!trees.isEmpty()) {
      ParseTree next = trees.pop();
      int depth = depths.pop();
      if (depth > MAX_DEPTH) {
        return true;
      }
      for (int i = 0; i < next.getChildCount(); i++) {
        if (next.getChild(i) instanceof NetcParser.ExprContext child) {
          trees.push(child);
          depths.push(depth + 1);
        } else if (next.getChild(i) instanceof NetcParser.ExprArgContext arg) {
          trees.push(arg);
          depths.push(depth);
        }
      }
    }
    return false;
  }

  private void tooLarge(Token name, String what) {
    diagnostics.report(
        DiagnosticKind.EXPRESSION_TOO_LARGE,
        positions.of(name),
        "activation '"
            + name.getText()
            + "' "
            + what
            + ": netc derives and writes out small"
            + " formulas only; write a shorter one");
  }

  boolean isDeclared(String name) {
    return library.containsKey(name) || headers.containsKey(name) || bodies.containsKey(name);
  }
}
