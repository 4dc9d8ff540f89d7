package dev.netc.grammar.check;

import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.diag.Suggestions;
import dev.netc.grammar.expr.Expr;
import dev.netc.grammar.expr.ExprTrees;
import dev.netc.grammar.expr.Function;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.DeclaredActivation;
import dev.netc.grammar.model.Parameter;
import dev.netc.grammar.syntax.NetcParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.antlr.v4.runtime.Token;

/**
 * Turns the parse tree of one declared activation's expression into an {@link Expr}, reporting what
 * is wrong: unknown names and functions, wrong arguments, an exponent that depends on the input,
 * comparisons outside {@code if}. Calls of other declared activations are written out (their input
 * and parameters replaced by the arguments), through {@link ActivationChecker}, which watches for
 * cycles.
 */
final class ExpressionBuilder {
  private final ActivationChecker checker;
  private final ActivationChecker.Header header;
  private boolean valid = true;

  ExpressionBuilder(ActivationChecker checker, ActivationChecker.Header header) {
    this.checker = checker;
    this.header = header;
  }

  /** The expression, or null after reporting why it is invalid. */
  Expr build(NetcParser.ExprContext tree) {
    Expr e = expr(tree);
    return valid ? e : null;
  }

  private Expr invalid() {
    valid = false;
    return new Expr.Num(0);
  }

  private Expr expr(NetcParser.ExprContext tree) {
    if (tree instanceof NetcParser.ParenExprContext paren) {
      return expr(paren.expr());
    }
    if (tree instanceof NetcParser.NumberExprContext number) {
      Token token = number.NUMBER().getSymbol();
      OptionalDouble value = checker.numbers.real(token.getText(), checker.positions.of(token));
      return value.isPresent() ? new Expr.Num(value.getAsDouble()) : invalid();
    }
    if (tree instanceof NetcParser.NameExprContext name) {
      return variable(Trees.name(name.name()).orElseThrow());
    }
    if (tree instanceof NetcParser.NegateExprContext negate) {
      return new Expr.Neg(expr(negate.expr()));
    }
    if (tree instanceof NetcParser.PowerExprContext power) {
      return power(power);
    }
    if (tree instanceof NetcParser.ProductExprContext product) {
      Expr a = expr(product.expr(0));
      Expr b = expr(product.expr(1));
      return product.op.getText().equals("*")
          ? new Expr.Product(List.of(a, b))
          : new Expr.Quotient(a, b);
    }
    if (tree instanceof NetcParser.SumExprContext sum) {
      Expr a = expr(sum.expr(0));
      Expr b = expr(sum.expr(1));
      return new Expr.Sum(List.of(a, sum.op.getText().equals("+") ? b : new Expr.Neg(b)));
    }
    if (tree instanceof NetcParser.CompareExprContext compare) {
      checker.diagnostics.report(
          DiagnosticKind.MISPLACED_COMPARISON,
          checker.positions.of(compare.op),
          "a comparison has no value of its own: use it as the condition of if, for example"
              + " if(x > 0, x, 0)");
      return invalid();
    }
    return call((NetcParser.CallExprContext) tree);
  }

  private Expr variable(Token name) {
    String text = name.getText();
    if (text.equals(header.input())) {
      return new Expr.Var(text);
    }
    List<String> known = new ArrayList<>();
    known.add(header.input());
    for (Parameter parameter : header.parameters()) {
      if (parameter.name().equals(text)) {
        return new Expr.Var(text);
      }
      known.add(parameter.name());
    }
    boolean callable = Function.named(text).isPresent() || checker.isDeclared(text);
    checker.diagnostics.report(
        DiagnosticKind.UNKNOWN_VARIABLE,
        checker.positions.of(name),
        "unknown name '"
            + text
            + "' in activation '"
            + header.name()
            + "'"
            + (callable
                ? ": '"
                    + text
                    + "' is a function, write it with its argument, for example "
                    + text
                    + "("
                    + header.input()
                    + ")"
                : Suggestions.closest(text, known)
                    .map(c -> " (did you mean '" + c + "'?)")
                    .orElse(
                        ": an expression may use " + String.join(", ", known) + " and numbers")));
    return invalid();
  }

  /**
   * {@code base ^ exponent}. A negative number as the base, {@code -2^2}, is the negated power:
   * {@code ^} binds tighter than the minus, which the lexer put into the number.
   */
  private Expr power(NetcParser.PowerExprContext power) {
    NetcParser.ExprContext baseTree = power.expr(0);
    Expr exponent = expr(power.expr(1));
    if (ExprTrees.contains(exponent, new Expr.Var(header.input()))) {
      checker.diagnostics.report(
          DiagnosticKind.EXPONENT_NOT_CONSTANT,
          checker.positions.of(power.expr(1).getStart()),
          "the exponent of '^' must not depend on the input '"
              + header.input()
              + "': use"
              + " numbers and parameters there, or write b^e as exp(e * log(b))");
      return invalid();
    }
    if (baseTree instanceof NetcParser.NumberExprContext number
        && number.getText().startsWith("-")) {
      Expr base = expr(baseTree);
      if (base instanceof Expr.Num n) {
        return new Expr.Neg(new Expr.Power(new Expr.Num(-n.value()), exponent));
      }
      return base;
    }
    return new Expr.Power(expr(baseTree), exponent);
  }

  private Expr call(NetcParser.CallExprContext call) {
    Token name = Trees.name(call.name()).orElseThrow();
    String text = name.getText();
    if (text.equals("if")) {
      return conditional(call, name);
    }
    Optional<Function> function = Function.named(text);
    if (function.isPresent()) {
      return function(call, name, function.get());
    }
    if (checker.isDeclared(text)) {
      return activation(call, name);
    }
    String message;
    if (isBuiltIn(text)) {
      message =
          "'"
              + text
              + "' is a built-in activation without a formula in the language, so"
              + " expressions cannot call it: write it out (relu(x) is max(x, 0))";
    } else {
      List<String> callable = new ArrayList<>();
      for (Function f : Function.values()) {
        callable.add(f.spelling());
      }
      callable.add("if");
      callable.addAll(checker.library.keySet());
      callable.addAll(checker.headers.keySet());
      message =
          "unknown function '"
              + text
              + "'"
              + Suggestions.closest(text, callable)
                  .map(c -> " (did you mean '" + c + "'?)")
                  .orElse(": expressions may call " + String.join(", ", callable));
    }
    checker.diagnostics.report(
        DiagnosticKind.UNKNOWN_FUNCTION, checker.positions.of(name), message);
    return invalid();
  }

  /** {@code if(left RELATION right, then, otherwise)}. */
  private Expr conditional(NetcParser.CallExprContext call, Token name) {
    List<NetcParser.ExprArgContext> args = call.exprArg();
    if (args.size() != 3 || args.stream().anyMatch(a -> a.name() != null)) {
      return wrongArguments(
          name, "if takes three arguments, a condition and two values: if(x > 0, x, 0)");
    }
    NetcParser.ExprContext condition = args.get(0).expr();
    while (condition instanceof NetcParser.ParenExprContext paren) {
      condition = paren.expr();
    }
    if (!(condition instanceof NetcParser.CompareExprContext compare)) {
      checker.diagnostics.report(
          DiagnosticKind.MISPLACED_COMPARISON,
          checker.positions.of(args.get(0).getStart()),
          "the first argument of if is a comparison with <, <=, > or >=, for example"
              + " if(x > 0, x, 0)");
      return invalid();
    }
    Expr.Comparison comparison =
        new Expr.Comparison(
            expr(compare.expr(0)), Expr.Relation.of(compare.op.getText()), expr(compare.expr(1)));
    return new Expr.If(comparison, expr(args.get(1).expr()), expr(args.get(2).expr()));
  }

  private Expr function(NetcParser.CallExprContext call, Token name, Function function) {
    List<NetcParser.ExprArgContext> args = call.exprArg();
    if (args.size() != function.arity() || args.stream().anyMatch(a -> a.name() != null)) {
      String takes = function.arity() == 1 ? "one argument" : function.arity() + " arguments";
      String example = function.arity() == 1 ? "(x)" : "(x, 0)";
      return wrongArguments(
          name,
          function.spelling()
              + " takes "
              + takes
              + ", written without a name: "
              + function.spelling()
              + example);
    }
    List<Expr> arguments = args.stream().map(a -> expr(a.expr())).toList();
    return new Expr.Call(function, arguments);
  }

  /**
   * A call of a declared activation, inlined: its input and parameters replaced by the arguments
   * (positional, then named; defaults for the rest).
   */
  private Expr activation(NetcParser.CallExprContext call, Token name) {
    String text = name.getText();
    DeclaredActivation known = checker.library.get(text);
    ActivationChecker.Header declared = checker.headers.get(text);
    if (known == null && declared == null) {
      return invalid(); // a declaration with errors, already reported
    }
    List<Parameter> parameters = known != null ? known.parameters() : declared.parameters();
    String input = known != null ? known.input() : declared.input();
    List<NetcParser.ExprArgContext> args = call.exprArg();
    if (args.isEmpty() || args.get(0).name() != null) {
      return wrongArguments(
          name, text + " needs its input as the first argument, for example " + text + "(x)");
    }
    checker.calls.computeIfAbsent(header.name(), k -> new LinkedHashSet<>()).add(text);
    Map<String, Expr> values = new LinkedHashMap<>();
    values.put(input, expr(args.get(0).expr()));
    boolean named = false;
    for (int i = 1; i < args.size(); i++) {
      NetcParser.ExprArgContext arg = args.get(i);
      String parameter;
      if (arg.name() != null) {
        named = true;
        parameter = Trees.name(arg.name()).map(Token::getText).orElse("");
        if (parameters.stream().noneMatch(p -> p.name().equals(parameter))) {
          return wrongArguments(
              Trees.name(arg.name()).orElse(name),
              text + " has no parameter '" + parameter + "'" + takes(parameters));
        }
      } else if (named || i - 1 >= parameters.size()) {
        return wrongArguments(
            name,
            (named
                    ? "a positional argument cannot follow a named one in this call of "
                    : "too many arguments for ")
                + text
                + takes(parameters));
      } else {
        parameter = parameters.get(i - 1).name();
      }
      if (values.put(parameter, expr(arg.expr())) != null) {
        return wrongArguments(
            name, "parameter '" + parameter + "' of " + text + " is given twice: remove one");
      }
    }
    for (Parameter parameter : parameters) {
      values.putIfAbsent(parameter.name(), new Expr.Num(parameter.defaultValue().orElseThrow()));
    }
    Optional<Expr> body =
        known != null ? Optional.of(known.derivation().function()) : checker.body(text, name);
    if (body.isEmpty()) {
      return invalid();
    }
    return ExprTrees.substitute(body.get(), values);
  }

  private Expr wrongArguments(Token at, String message) {
    checker.diagnostics.report(
        DiagnosticKind.FUNCTION_ARGUMENTS, checker.positions.of(at), message);
    return invalid();
  }

  /** ": its parameters are a, b" or ": it has none beside its input". */
  private static String takes(List<Parameter> parameters) {
    return parameters.isEmpty()
        ? ": it takes only its input"
        : ": its parameters after the input are "
            + String.join(", ", parameters.stream().map(Parameter::name).toList());
  }

  private static boolean isBuiltIn(String name) {
    for (Activation builtIn : Activation.builtIns()) {
      if (builtIn.dslName().equals(name) || builtIn.aliases().contains(name)) {
        return true;
      }
    }
    return false;
  }
}
