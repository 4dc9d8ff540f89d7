package dev.netc.grammar.check;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.diag.Suggestions;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.CallKind;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.grammar.model.Regularizer;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.syntax.NetcParser;
import dev.netc.grammar.syntax.Positions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Checks one {@code network} and builds its model with every default filled in: statement counts,
 * sizes, calls, layer names, the output layer's fit with the loss (docs/language.md).
 */
final class NetworkChecker {
  /** Layers wider than this get a warning: the generated code is tuned for small networks. */
  static final int WIDE_LAYER = 4096;

  /** The most elements of a Java array (the JDK's ArraysSupport.SOFT_MAX_ARRAY_LENGTH). */
  static final long MAX_WEIGHTS = Integer.MAX_VALUE - 8;

  /** The statements of a network, for suggestions. */
  private static final List<String> STATEMENTS =
      List.of(
          "input",
          "dense",
          "loss",
          "init",
          "optimizer",
          "regularize",
          "clip",
          "precision",
          "conv",
          "maxpool",
          "avgpool");

  private final DiagnosticCollector diagnostics;
  private final Positions positions;
  private final Numbers numbers;
  private final CallChecker calls;
  private final LayerBodyChecker bodies;
  private final FeatureChecker features;
  private final boolean syntaxErrors;
  private final CallKind[] activations;
  private final Set<String> invalidActivations;

  /**
   * @param declared the file's declared activations, already checked
   */
  NetworkChecker(
      DiagnosticCollector diagnostics,
      Positions positions,
      boolean syntaxErrors,
      ActivationChecker.Result declared) {
    this.diagnostics = diagnostics;
    this.positions = positions;
    this.numbers = new Numbers(diagnostics, positions);
    this.calls = new CallChecker(diagnostics, positions, numbers);
    this.bodies = new LayerBodyChecker(diagnostics, positions, numbers);
    this.syntaxErrors = syntaxErrors;
    List<CallKind> all = new ArrayList<>(List.of(Activation.builtIns()));
    all.addAll(Prelude.activations().values());
    all.addAll(declared.activations());
    this.activations = all.toArray(new CallKind[0]);
    this.invalidActivations = declared.invalid();
    this.features =
        new FeatureChecker(diagnostics, positions, numbers, calls, bodies, this::activation);
  }

  /** The statements of one network, the first of each kind kept. */
  private static final class Statements {
    final Map<String, ParserRuleContext> first = new LinkedHashMap<>();
    Optional<FeatureChecker.Input> input = Optional.empty();
    Optional<Loss> loss = Optional.empty();
    Optional<BoundCall<Init.Kind>> init = Optional.empty();
    Optional<BoundCall<Optimizer.Kind>> optimizer = Optional.empty();
    Optional<BoundCall<Regularizer.Kind>> regularizer = Optional.empty();
    Optional<BoundCall<Clip.Kind>> clip = Optional.empty();
    Optional<Precision> precision = Optional.empty();
    final List<LayerDraft> layers = new ArrayList<>();
    final List<FeatureDraft> features = new ArrayList<>();
    int layerCount;
    boolean broken;
    int lastBrokenLine = -1;
  }

  /**
   * Checks {@code network}; returns its model if it has no error, else reports and returns empty.
   *
   * @param name the network's name token, already checked by the caller
   */
  Optional<Network> check(
      NetcParser.NetworkContext network,
      Token name,
      Optional<String> packageName,
      String sourceName) {
    long errorsBefore = diagnostics.errorCount();
    Statements s = new Statements();
    for (NetcParser.StatementContext statement : network.statement()) {
      read(statement, s);
    }
    Span nameSpan = positions.of(name);
    if (!syntaxErrors && !s.broken) {
      // an unknown statement may have swallowed the statements up to its ';'
      missing(s.first.containsKey("input"), nameSpan, name, "'input' statement", "input 4;");
      missing(!s.layers.isEmpty(), nameSpan, name, "'dense' layer", "dense 3 softmax;");
      missing(
          s.first.containsKey("loss"), nameSpan, name, "'loss' statement", "loss squared_error;");
    }
    Map<String, Named> names = new LinkedHashMap<>();
    for (FeatureDraft feature : s.features) {
      checkName(
          names, new Named(feature.number(), feature.name(), feature.nameSpan(), feature.span()));
    }
    FeatureChecker.Built built = features.build(s.features, s.input);
    List<DenseLayer> layers =
        layers(
            s,
            names,
            built.output().isPresent()
                ? OptionalInt.of(Math.toIntExact(built.output().get().size()))
                : OptionalInt.empty());
    if (!s.broken) {
      // with a syntax error, the last layer read may not be the output layer
      s.loss.ifPresent(loss -> checkLoss(loss, s));
    }
    s.optimizer.ifPresent(this::warnNesterov);
    if (diagnostics.errorCount() != errorsBefore
        || s.broken
        || s.input.isEmpty()
        || s.loss.isEmpty()
        || layers.isEmpty()
        || layers.size() != s.layers.size()
        || built.layers().size() != s.features.size()) {
      return Optional.empty();
    }
    return Optional.of(
        new Network(
            name.getText(),
            packageName,
            sourceName,
            s.input.get().shape(),
            built.layers(),
            layers,
            s.loss.get(),
            s.init.map(Models::init).orElse(Init.DEFAULT),
            s.optimizer.map(Models::optimizer).orElse(Optimizer.DEFAULT),
            s.regularizer.map(Models::regularizer),
            s.clip.map(Models::clip),
            s.precision.orElse(Precision.DOUBLE),
            nameSpan));
  }

  private void missing(boolean present, Span at, Token name, String what, String example) {
    if (!present) {
      diagnostics.report(
          DiagnosticKind.MISSING_STATEMENT,
          at,
          "network '"
              + name.getText()
              + "' has no "
              + what
              + ": add one, for example '"
              + example
              + "'");
    }
  }

  private void read(NetcParser.StatementContext statement, Statements s) {
    boolean broken = Trees.hasSyntaxError(statement);
    s.broken |= broken;
    if (broken) {
      Token last = statement.getStop() == null ? statement.getStart() : statement.getStop();
      s.lastBrokenLine = last.getLine();
    }
    if (statement instanceof NetcParser.DenseStatementContext dense) {
      int number = ++s.layerCount;
      s.layers.add(broken ? brokenDraft(dense, number) : draft(dense, number));
      return;
    }
    if (statement instanceof NetcParser.ConvStatementContext
        || statement instanceof NetcParser.PoolStatementContext) {
      int number = ++s.layerCount;
      if (!s.layers.isEmpty()) {
        LayerDraft dense = s.layers.get(s.layers.size() - 1);
        diagnostics.report(
            DiagnosticKind.LAYER_AFTER_DENSE,
            positions.of(statement.getStart()),
            "'"
                + statement.getStart().getText()
                + "' comes after the dense layer '"
                + dense.name()
                + "' (line "
                + dense.span().line()
                + "): convolution and pooling"
                + " layers come before the first dense layer, which flattens its input; move it"
                + " up");
      } else if (!broken) {
        s.features.add(features.draft(statement, number));
      }
      return;
    }
    if (statement instanceof NetcParser.MisplacedActivationContext misplaced) {
      s.broken = true;
      diagnostics.report(
          DiagnosticKind.ACTIVATION_IN_NETWORK,
          positions.of(misplaced.getStart()),
          "activations are declared at file level, not inside a network: move this declaration"
              + " before or after the network");
      return;
    }
    if (statement instanceof NetcParser.UnknownStatementContext unknown) {
      s.broken = true;
      if (s.lastBrokenLine != unknown.getStart().getLine()) {
        Unknowns.report(
            unknown.NAME().getSymbol(), STATEMENTS, "statement", positions, diagnostics);
      } // else it is what the parser left of a statement with a syntax error on the same line
      return;
    }
    if (broken) {
      // counted for duplicates only: its content already has a syntax error
      s.first.putIfAbsent(statement.getStart().getText(), statement);
      return;
    }
    String keyword = statement.getStart().getText();
    ParserRuleContext first = s.first.get(keyword);
    if (first != null) {
      diagnostics.report(
          DiagnosticKind.DUPLICATE_STATEMENT,
          positions.of(statement.getStart()),
          "'"
              + keyword
              + "' is given twice in this network (first at line "
              + first.getStart().getLine()
              + "): a network has at most one; remove one");
      return;
    }
    s.first.put(keyword, statement);
    if (statement instanceof NetcParser.InputStatementContext input) {
      s.input = features.input(input.shape());
    } else if (statement instanceof NetcParser.LossStatementContext loss) {
      s.loss =
          Trees.name(loss.name())
              .flatMap(t -> calls.resolve(t, Loss.values(), "loss", DiagnosticKind.UNKNOWN_LOSS));
    } else if (statement instanceof NetcParser.InitStatementContext init) {
      s.init = calls.bind(init.call(), Init.Kind.values(), "init", DiagnosticKind.UNKNOWN_INIT);
    } else if (statement instanceof NetcParser.OptimizerStatementContext optimizer) {
      s.optimizer =
          calls.bind(
              optimizer.call(),
              Optimizer.Kind.values(),
              "optimizer",
              DiagnosticKind.UNKNOWN_OPTIMIZER);
    } else if (statement instanceof NetcParser.RegularizeStatementContext regularize) {
      s.regularizer =
          calls.bind(
              regularize.call(),
              Regularizer.Kind.values(),
              "regularizer",
              DiagnosticKind.UNKNOWN_REGULARIZER);
    } else if (statement instanceof NetcParser.ClipStatementContext clip) {
      s.clip = calls.bind(clip.call(), Clip.Kind.values(), "clip", DiagnosticKind.UNKNOWN_CLIP);
    } else if (statement instanceof NetcParser.PrecisionStatementContext precision) {
      s.precision = Trees.name(precision.name()).flatMap(this::precision);
    }
  }

  private Optional<Precision> precision(Token name) {
    List<String> spellings = new ArrayList<>();
    for (Precision precision : Precision.values()) {
      if (precision.dslName().equals(name.getText())) {
        return Optional.of(precision);
      }
      spellings.add(precision.dslName());
    }
    diagnostics.report(
        DiagnosticKind.UNKNOWN_PRECISION,
        positions.of(name),
        "unknown precision '" + name.getText() + "'" + Suggestions.hint(name.getText(), spellings));
    return Optional.empty();
  }

  private LayerDraft brokenDraft(NetcParser.DenseStatementContext dense, int number) {
    Span span = positions.of(dense.getStart());
    return new LayerDraft(
        number,
        "layer" + number,
        span,
        OptionalInt.empty(),
        Optional.empty(),
        OptionalDouble.of(0),
        Optional.empty(),
        dense,
        span);
  }

  private LayerDraft draft(NetcParser.DenseStatementContext dense, int number) {
    OptionalInt units =
        Trees.token(dense.NUMBER())
            .map(t -> numbers.size(t.getText(), positions.of(t), "the number of units"))
            .orElse(OptionalInt.empty());
    Optional<BoundCall<CallKind>> activation = activation(dense.call());
    Span span = positions.of(dense.getStart());
    String name = "layer" + number;
    Span nameSpan = span;
    if (dense.name() != null) {
      Optional<Token> given = Trees.name(dense.name());
      if (given.isPresent()) {
        name = given.get().getText();
        nameSpan = positions.of(given.get());
        if (Trees.isBadName(given.get())) {
          FileChecker.reportNonAscii(diagnostics, given.get(), nameSpan, "a layer name");
        }
      }
    }
    OptionalDouble dropout = OptionalDouble.of(0);
    Optional<Span> dropoutAt = Optional.empty();
    Map<String, NetcParser.DenseOptionContext> options = new LinkedHashMap<>();
    for (NetcParser.DenseOptionContext option : dense.denseOption()) {
      Token keyword = option.getStart();
      NetcParser.DenseOptionContext first = options.putIfAbsent(keyword.getText(), option);
      if (dense.name() != null
          && keyword.getTokenIndex() > dense.name().getStart().getTokenIndex()) {
        dropout = OptionalDouble.empty();
        diagnostics.report(
            DiagnosticKind.OPTION_AFTER_NAME,
            positions.of(keyword),
            "'"
                + keyword.getText()
                + "' comes after the layer's name: write the options before 'as', for example"
                + " 'dense 64 relu dropout(0.2) as hidden;'");
      } else if (first != null) {
        diagnostics.report(
            DiagnosticKind.DUPLICATE_STATEMENT,
            positions.of(keyword),
            "'"
                + keyword.getText()
                + "' is given twice for this dense layer (first at column "
                + (first.getStart().getCharPositionInLine() + 1)
                + "): remove one");
      } else {
        dropout = numbers.dropoutRate(option.number());
        dropoutAt = Optional.of(positions.of(keyword));
      }
    }
    return new LayerDraft(
        number, name, nameSpan, units, activation, dropout, dropoutAt, dense, span);
  }

  /**
   * The layer's activation: a built-in or a declared one (the prelude's or the file's), or empty
   * after reporting.
   */
  private Optional<BoundCall<CallKind>> activation(NetcParser.CallContext call) {
    Optional<Token> name = call == null ? Optional.empty() : Trees.name(call.name());
    if (name.isPresent()
        && invalidActivations.contains(name.get().getText())
        && Arrays.stream(activations).noneMatch(k -> k.dslName().equals(name.get().getText()))) {
      return Optional.empty(); // its declaration has errors, already reported
    }
    return calls.bind(call, activations, "activation", DiagnosticKind.UNKNOWN_ACTIVATION);
  }

  /** A layer's number, name and where it is, for the rule that names are unique. */
  private record Named(int number, String name, Span nameSpan, Span span) {}

  private void checkName(Map<String, Named> names, Named layer) {
    Named first = names.putIfAbsent(layer.name(), layer);
    if (first != null) {
      diagnostics.report(
          DiagnosticKind.DUPLICATE_LAYER_NAME,
          layer.nameSpan(),
          "layer name '"
              + layer.name()
              + "' is already used by layer "
              + first.number()
              + " (line "
              + first.span().line()
              + "): layer names are unique within a network;"
              + " rename one with 'as NAME'");
    }
  }

  /**
   * Checks the dense layers together and builds them; fewer than drafted if any is invalid.
   *
   * @param inputs the width of the first dense layer's input, if known
   */
  private List<DenseLayer> layers(Statements s, Map<String, Named> names, OptionalInt inputs) {
    List<DenseLayer> built = new ArrayList<>();
    for (LayerDraft layer : s.layers) {
      checkName(names, new Named(layer.number(), layer.name(), layer.nameSpan(), layer.span()));
      boolean output = layer == s.layers.get(s.layers.size() - 1);
      if (!s.broken) {
        layer.activation().ifPresent(a -> checkActivation(a, layer, output));
        if (output) {
          layer.dropoutAt().ifPresent(at -> reportDropoutOnOutput(layer, at));
        }
      }
      if (layer.units().isPresent()) {
        checkWidth(layer.units().getAsInt(), inputs, layer);
      }
      LayerBodyChecker.Body body = bodies.check(layer, inputs);
      if (layer.units().isPresent()
          && inputs.isPresent()
          && layer.activation().isPresent()
          && layer.dropout().isPresent()) {
        BoundCall<CallKind> activation = layer.activation().get();
        int units = layer.units().getAsInt();
        if ((long) units * inputs.getAsInt() <= MAX_WEIGHTS) {
          built.add(
              new DenseLayer(
                  layer.number(),
                  layer.name(),
                  units,
                  inputs.getAsInt(),
                  activation.builtInActivation(),
                  activation.activationParameter(),
                  layer.dropout().getAsDouble(),
                  body.weights(),
                  body.bias(),
                  layer.span(),
                  activation.declaredActivation()));
        }
      }
      inputs = layer.units();
    }
    return built;
  }

  private void checkActivation(BoundCall<CallKind> activation, LayerDraft layer, boolean output) {
    if (activation.kind() != Activation.SOFTMAX) {
      return;
    }
    if (!output) {
      reportSoftmaxNotOutput(diagnostics, activation.span());
    } else if (layer.units().isPresent() && layer.units().getAsInt() == 1) {
      diagnostics.report(
          DiagnosticKind.SOFTMAX_SINGLE_UNIT,
          activation.span(),
          "softmax over a single unit always outputs 1: use sigmoid for one output, or give the"
              + " layer one unit per class");
    }
  }

  private void reportDropoutOnOutput(LayerDraft layer, Span at) {
    diagnostics.report(
        DiagnosticKind.DROPOUT_ON_OUTPUT,
        at,
        "dropout is not allowed on the output layer '"
            + layer.name()
            + "', whose outputs the loss compares with the targets: remove it, or put it on a"
            + " hidden layer");
  }

  /** Softmax on a layer other than the output layer. */
  static void reportSoftmaxNotOutput(DiagnosticCollector diagnostics, Span at) {
    diagnostics.report(
        DiagnosticKind.SOFTMAX_NOT_OUTPUT,
        at,
        "softmax is only allowed on the output layer (the last 'dense'): use another"
            + " activation here, for example tanh or relu");
  }

  private void checkWidth(int units, OptionalInt inputs, LayerDraft layer) {
    Token size = layer.statement().NUMBER().getSymbol();
    if (units > WIDE_LAYER) {
      diagnostics.report(
          DiagnosticKind.WIDE_LAYER,
          positions.of(size),
          "layer '"
              + layer.name()
              + "' has "
              + units
              + " units, more than "
              + WIDE_LAYER
              + ": netc's generated code is meant for small networks and may be slow to compile"
              + " and run");
    }
    if (inputs.isPresent() && (long) units * inputs.getAsInt() > MAX_WEIGHTS) {
      diagnostics.report(
          DiagnosticKind.TOO_MANY_WEIGHTS,
          positions.of(size),
          "layer '"
              + layer.name()
              + "' would have "
              + units
              + " x "
              + inputs.getAsInt()
              + " weights, more than a Java array holds ("
              + MAX_WEIGHTS
              + "): make it smaller");
    }
  }

  private void checkLoss(Loss loss, Statements s) {
    if (s.layers.isEmpty()) {
      return;
    }
    LayerDraft output = s.layers.get(s.layers.size() - 1);
    if (output.activation().isEmpty()) {
      return;
    }
    CallKind activation = output.activation().get().kind();
    Span at = positions.of(s.first.get("loss").getStart());
    if (loss == Loss.CROSS_ENTROPY && activation != Activation.SOFTMAX) {
      diagnostics.report(
          DiagnosticKind.LOSS_NEEDS_SOFTMAX,
          at,
          "cross_entropy needs a softmax output layer, but layer '"
              + output.name()
              + "' uses "
              + activation.dslName()
              + ": make the last layer softmax, or use another loss (for"
              + " example binary_cross_entropy with sigmoid)");
    } else if (loss == Loss.BINARY_CROSS_ENTROPY && activation != Activation.SIGMOID) {
      diagnostics.report(
          DiagnosticKind.LOSS_NEEDS_SIGMOID,
          at,
          "binary_cross_entropy needs a sigmoid output layer, but layer '"
              + output.name()
              + "' uses "
              + activation.dslName()
              + ": make the last layer sigmoid, or use another"
              + " loss (for example cross_entropy with softmax)");
    }
  }

  private void warnNesterov(BoundCall<Optimizer.Kind> optimizer) {
    if (optimizer.kind() == Optimizer.Kind.SGD
        && optimizer.value("nesterov") == 1
        && optimizer.value("momentum") == 0) {
      diagnostics.report(
          DiagnosticKind.NESTEROV_WITHOUT_MOMENTUM,
          optimizer.span("nesterov"),
          "nesterov = 1 has no effect with momentum = 0: give a momentum, for example"
              + " sgd(rate = 0.01, momentum = 0.9, nesterov = 1)");
    }
  }
}
