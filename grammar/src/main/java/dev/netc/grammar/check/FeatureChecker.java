package dev.netc.grammar.check;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.CallKind;
import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Padding;
import dev.netc.grammar.model.PoolLayer;
import dev.netc.grammar.model.Shape;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.model.Window;
import dev.netc.grammar.syntax.NetcParser;
import dev.netc.grammar.syntax.Positions;
import dev.netc.grammar.syntax.TokenText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import org.antlr.v4.runtime.Token;

/**
 * The input shape and the feature layers ({@code conv}, {@code maxpool}, {@code avgpool}): reads
 * each statement on its own ({@link #draft}), then follows the shapes from the input through the
 * layers ({@link #build}), reporting a window that does not fit with the shapes layer by layer.
 */
final class FeatureChecker {
  private final DiagnosticCollector diagnostics;
  private final Positions positions;
  private final Numbers numbers;
  private final CallChecker calls;
  private final LayerBodyChecker bodies;
  private final Function<NetcParser.CallContext, Optional<BoundCall<CallKind>>> activations;

  /**
   * @param activations binds a layer's activation as dense layers do: a built-in or one declared in
   *     the language (the prelude's or the file's), or empty after reporting
   */
  FeatureChecker(
      DiagnosticCollector diagnostics,
      Positions positions,
      Numbers numbers,
      CallChecker calls,
      LayerBodyChecker bodies,
      Function<NetcParser.CallContext, Optional<BoundCall<CallKind>>> activations) {
    this.diagnostics = diagnostics;
    this.positions = positions;
    this.numbers = numbers;
    this.calls = calls;
    this.bodies = bodies;
    this.activations = activations;
  }

  /**
   * The {@code input} statement's shape.
   *
   * @param shape the shape
   * @param flat written as one size ({@code input 784;}), not as H x W x C
   */
  record Input(Shape shape, boolean flat) {}

  /** The shape of {@code input 784;} or {@code input 28 x 28 x 1;}, if valid. */
  Optional<Input> input(NetcParser.ShapeContext shape) {
    List<Dimension> dims = dimensions(shape);
    if (dims.isEmpty()) {
      return Optional.empty();
    }
    if (dims.size() == 1) {
      OptionalInt size = dims.get(0).size("the input width");
      return size.isPresent()
          ? Optional.of(new Input(Shape.flat(size.getAsInt()), true))
          : Optional.empty();
    }
    if (dims.size() != 3) {
      diagnostics.report(
          DiagnosticKind.INPUT_SHAPE,
          positions.of(shape),
          "the input is one size (input 784) or height x width x channels (input 28 x 28 x 1),"
              + " found "
              + TokenText.quote(shape.getText())
              + " with "
              + dims.size()
              + " sizes;"
              + " for a one-dimensional signal write length x 1 x channels (input 128 x 1 x 3)");
      return Optional.empty();
    }
    OptionalInt height = dims.get(0).size("the input height");
    OptionalInt width = dims.get(1).size("the input width");
    OptionalInt channels = dims.get(2).size("the number of input channels");
    if (height.isEmpty() || width.isEmpty() || channels.isEmpty()) {
      return Optional.empty();
    }
    Shape result = new Shape(height.getAsInt(), width.getAsInt(), channels.getAsInt());
    if (result.size() > Numbers.MAX_SIZE) {
      diagnostics.report(
          DiagnosticKind.SIZE_TOO_LARGE,
          positions.of(shape),
          "the input has "
              + result
              + " = "
              + result.size()
              + " values, more than "
              + Numbers.MAX_SIZE
              + ": make it smaller");
      return Optional.empty();
    }
    return Optional.of(new Input(result, false));
  }

  /** A {@code conv}, {@code maxpool} or {@code avgpool} statement read on its own. */
  FeatureDraft draft(NetcParser.StatementContext statement, int number) {
    if (statement instanceof NetcParser.ConvStatementContext conv) {
      return conv(conv.convLayer(), number);
    }
    return pool(((NetcParser.PoolStatementContext) statement).poolLayer(), number);
  }

  private FeatureDraft conv(NetcParser.ConvLayerContext conv, int number) {
    OptionalInt filters =
        Trees.token(conv.filters)
            .map(t -> numbers.size(t.getText(), positions.of(t), "the number of filters"))
            .orElse(OptionalInt.empty());
    Optional<int[]> window = window(conv.shape(), "conv");
    Optional<BoundCall<CallKind>> activation = activations.apply(conv.call());
    activation.ifPresent(
        a -> {
          if (a.kind() == Activation.SOFTMAX) {
            NetworkChecker.reportSoftmaxNotOutput(diagnostics, a.span());
          }
        });
    OptionalInt stride = OptionalInt.of(1);
    Optional<Padding> padding = Optional.of(Padding.VALID);
    OptionalDouble dropout = OptionalDouble.of(0);
    Map<String, NetcParser.ConvOptionContext> options = new LinkedHashMap<>();
    for (NetcParser.ConvOptionContext option : conv.convOption()) {
      String keyword = option.getStart().getText();
      NetcParser.ConvOptionContext first = options.putIfAbsent(keyword, option);
      if (first != null) {
        diagnostics.report(
            DiagnosticKind.DUPLICATE_STATEMENT,
            positions.of(option.getStart()),
            "'"
                + keyword
                + "' is given twice for this conv layer (first at column "
                + (first.getStart().getCharPositionInLine() + 1)
                + "): remove one");
      } else if (option instanceof NetcParser.StrideOptionContext s) {
        stride = stride(s.NUMBER().getSymbol());
      } else if (option instanceof NetcParser.PaddingOptionContext p) {
        padding =
            Trees.name(p.name())
                .flatMap(
                    t ->
                        calls.resolve(
                            t, Padding.values(), "padding", DiagnosticKind.UNKNOWN_PADDING));
      } else if (option instanceof NetcParser.DropoutOptionContext d) {
        dropout = numbers.dropoutRate(d.number());
      }
    }
    Span span = positions.of(conv.getStart());
    String name = "layer" + number;
    Span nameSpan = span;
    if (conv.layerName != null) {
      Optional<Token> given = Trees.name(conv.layerName);
      if (given.isPresent()) {
        name = given.get().getText();
        nameSpan = positions.of(given.get());
        if (Trees.isBadName(given.get())) {
          FileChecker.reportNonAscii(diagnostics, given.get(), nameSpan, "a layer name");
        }
      }
    }
    boolean valid =
        filters.isPresent()
            && window.isPresent()
            && activation.isPresent()
            && stride.isPresent()
            && padding.isPresent()
            && dropout.isPresent();
    Optional<FeatureDraft.Conv> parts =
        valid
            ? Optional.of(
                new FeatureDraft.Conv(
                    filters.getAsInt(), activation.get(), dropout.getAsDouble(), conv.layerBody()))
            : Optional.empty();
    Optional<Window> w =
        valid
            ? Optional.of(
                new Window(
                    window.get()[0],
                    window.get()[1],
                    stride.getAsInt(),
                    stride.getAsInt(),
                    padding.get()))
            : Optional.empty();
    return new FeatureDraft(
        number, name, nameSpan, span, positions.of(conv.shape()), w, parts, Optional.empty());
  }

  private FeatureDraft pool(NetcParser.PoolLayerContext pool, int number) {
    String keyword = pool.kind.getText();
    Optional<int[]> window = window(pool.shape(), keyword);
    OptionalInt stride = pool.stride == null ? OptionalInt.empty() : stride(pool.stride);
    Span span = positions.of(pool.getStart());
    Optional<Window> w = Optional.empty();
    if (window.isPresent() && (pool.stride == null || stride.isPresent())) {
      int kh = window.get()[0];
      int kw = window.get()[1];
      w = Optional.of(new Window(kh, kw, stride.orElse(kh), stride.orElse(kw), Padding.VALID));
    }
    PoolLayer.Kind kind =
        keyword.equals(PoolLayer.Kind.MAX.dslName()) ? PoolLayer.Kind.MAX : PoolLayer.Kind.AVERAGE;
    return new FeatureDraft(
        number,
        "layer" + number,
        span,
        span,
        positions.of(pool.shape()),
        w,
        Optional.empty(),
        Optional.of(kind));
  }

  private OptionalInt stride(Token stride) {
    return Trees.token(stride)
        .map(t -> numbers.size(t.getText(), positions.of(t), "the stride"))
        .orElse(OptionalInt.empty());
  }

  /** The window KH x KW of a layer, if valid. */
  private Optional<int[]> window(NetcParser.ShapeContext shape, String keyword) {
    List<Dimension> dims = dimensions(shape);
    if (dims.isEmpty()) {
      return Optional.empty();
    }
    if (dims.size() != 2) {
      diagnostics.report(
          DiagnosticKind.WINDOW_SHAPE,
          positions.of(shape),
          "the window of "
              + keyword
              + " is height x width, for example 5x5 (or 3x1 over a"
              + " one-dimensional signal), found "
              + TokenText.quote(shape.getText()));
      return Optional.empty();
    }
    OptionalInt height = dims.get(0).size("the window height");
    OptionalInt width = dims.get(1).size("the window width");
    return height.isPresent() && width.isPresent()
        ? Optional.of(new int[] {height.getAsInt(), width.getAsInt()})
        : Optional.empty();
  }

  /** One size of a shape as written: its text and where it is. */
  private final class Dimension {
    final String text;
    final Span span;

    Dimension(String text, Span span) {
      this.text = text;
      this.span = span;
    }

    OptionalInt size(String what) {
      return numbers.size(text, span, what);
    }
  }

  /** The sizes of a shape: one for a number, several for {@code 28 x 28 x 1}; empty if missing. */
  private List<Dimension> dimensions(NetcParser.ShapeContext shape) {
    List<Dimension> dims = new ArrayList<>();
    if (shape == null || shape.exception != null) {
      return dims;
    }
    Optional<Token> token = Trees.token(shape.NUMBER()).or(() -> Trees.token(shape.DIMS()));
    if (token.isEmpty()) {
      return dims;
    }
    String text = token.get().getText();
    Span span = positions.of(token.get());
    if (shape.NUMBER() != null) {
      dims.add(new Dimension(text, span));
      return dims;
    }
    // DIMS is ASCII on one line: a char offset in its text is a column offset
    int start = 0;
    while (start < text.length()) {
      while (!Character.isDigit(text.charAt(start))) {
        start++;
      }
      int end = start;
      while (end < text.length() && Character.isDigit(text.charAt(end))) {
        end++;
      }
      dims.add(
          new Dimension(
              text.substring(start, end),
              new Span(
                  span.line(), span.column() + start, span.start() + start, span.start() + end)));
      start = end;
      while (start < text.length() && !Character.isDigit(text.charAt(start))) {
        start++;
      }
    }
    return dims;
  }

  /**
   * The feature layers, built.
   *
   * @param layers the layers that are valid, in order
   * @param output the shape the first dense layer reads, if every layer is valid
   */
  record Built(List<FeatureLayer> layers, Optional<Shape> output) {}

  /**
   * Follows the shapes from {@code input} through {@code drafts}; reports a window that does not
   * fit its input, and the bodies of conv layers. After the first layer whose shape is unknown, the
   * shapes of the rest are not checked.
   */
  Built build(List<FeatureDraft> drafts, Optional<Input> input) {
    List<FeatureLayer> built = new ArrayList<>();
    if (input.isEmpty()) {
      return new Built(built, Optional.empty());
    }
    Shape below = input.get().shape();
    StringBuilder trail =
        new StringBuilder("input ").append(input.get().flat() ? below.size() : below);
    for (FeatureDraft draft : drafts) {
      if (draft.window().isEmpty()) {
        return new Built(built, Optional.empty());
      }
      Window window = draft.window().get();
      if (!window.fits(below)) {
        tooLarge(draft, below, trail, input.get().flat() && built.isEmpty());
        return new Built(built, Optional.empty());
      }
      if (!window.divides(below)) {
        notDivisible(draft, below, trail);
        return new Built(built, Optional.empty());
      }
      Optional<FeatureLayer> layer = layer(draft, below);
      if (layer.isEmpty()) {
        return new Built(built, Optional.empty());
      }
      built.add(layer.get());
      below = layer.get().output();
      trail
          .append(" -> ")
          .append(draft.name())
          .append(" (")
          .append(layer.get().describe())
          .append(") ")
          .append(below);
    }
    return new Built(built, Optional.of(below));
  }

  private Optional<FeatureLayer> layer(FeatureDraft draft, Shape input) {
    Window window = draft.window().get();
    if (draft.pool().isPresent()) {
      return Optional.of(
          new PoolLayer(
              draft.number(), draft.name(), draft.pool().get(), input, window, draft.span()));
    }
    FeatureDraft.Conv conv = draft.conv().get();
    Shape output =
        new Shape(
            window.outputHeight(input.height()), window.outputWidth(input.width()), conv.filters());
    int fanIn = window.height() * window.width() * input.channels();
    if (output.size() > Numbers.MAX_SIZE) {
      diagnostics.report(
          DiagnosticKind.SIZE_TOO_LARGE,
          draft.span(),
          "layer '"
              + draft.name()
              + "' would output "
              + output
              + " = "
              + output.size()
              + " values, more than "
              + Numbers.MAX_SIZE
              + ": use fewer filters or a larger"
              + " stride");
      return Optional.empty();
    }
    if ((long) conv.filters() * fanIn > NetworkChecker.MAX_WEIGHTS) {
      diagnostics.report(
          DiagnosticKind.TOO_MANY_WEIGHTS,
          draft.span(),
          "layer '"
              + draft.name()
              + "' would have "
              + conv.filters()
              + " x "
              + fanIn
              + " weights, more than a Java array holds ("
              + NetworkChecker.MAX_WEIGHTS
              + "): make it smaller");
      return Optional.empty();
    }
    String filter = window.size() + "x" + input.channels();
    LayerBodyChecker.Body body =
        bodies.check(
            conv.body(),
            new LayerBodyChecker.Expected(
                draft.name(),
                OptionalInt.of(conv.filters()),
                OptionalInt.of(fanIn),
                "filter",
                "(one row per filter: its " + filter + " values in (ky, kx, c) order)",
                "the " + fanIn + " values of one " + filter + " filter"));
    BoundCall<CallKind> activation = conv.activation();
    return Optional.of(
        new ConvLayer(
            draft.number(),
            draft.name(),
            input,
            conv.filters(),
            window,
            activation.builtInActivation(),
            activation.activationParameter(),
            conv.dropout(),
            body.weights(),
            body.bias(),
            draft.span(),
            activation.declaredActivation()));
  }

  private void tooLarge(FeatureDraft draft, Shape input, StringBuilder trail, boolean flat) {
    Window window = draft.window().get();
    String fix =
        draft.conv().isPresent()
            ? "use a smaller window, padding same, or fewer layers before it"
            : "use a smaller window or fewer layers before it";
    if (flat) {
      fix = "declare the input as height x width x channels, for example input 28 x 28 x 1";
    }
    diagnostics.report(
        DiagnosticKind.WINDOW_TOO_LARGE,
        draft.windowSpan(),
        "the "
            + window.size()
            + " window of layer '"
            + draft.name()
            + "' is larger than its"
            + " input "
            + input
            + " ("
            + trail
            + "): "
            + fix);
  }

  private void notDivisible(FeatureDraft draft, Shape input, StringBuilder trail) {
    Window window = draft.window().get();
    List<String> axes = new ArrayList<>();
    int rows = (input.height() - window.height()) % window.strideY();
    if (rows != 0) {
      axes.add(
          "rows: "
              + input.height()
              + " - "
              + window.height()
              + " = "
              + (input.height() - window.height())
              + " is not a multiple of the stride "
              + window.strideY()
              + ", so the last "
              + plural(rows, "row")
              + " would be left out");
    }
    int cols = (input.width() - window.width()) % window.strideX();
    if (cols != 0) {
      axes.add(
          "columns: "
              + input.width()
              + " - "
              + window.width()
              + " = "
              + (input.width() - window.width())
              + " is not a multiple of the stride "
              + window.strideX()
              + ", so the last "
              + plural(cols, "column")
              + " would be left out");
    }
    String fix =
        draft.conv().isPresent()
            ? "change the window or the stride, or use padding same"
            : "change the window, the stride or the layers before it";
    diagnostics.report(
        DiagnosticKind.SHAPE_NOT_DIVISIBLE,
        draft.windowSpan(),
        "the "
            + window.size()
            + " window of layer '"
            + draft.name()
            + "' does not cover its"
            + " input "
            + input
            + " exactly: "
            + String.join("; ", axes)
            + " ("
            + trail
            + "): "
            + fix);
  }

  private static String plural(int count, String word) {
    return count == 1 ? word : count + " " + word + "s";
  }
}
