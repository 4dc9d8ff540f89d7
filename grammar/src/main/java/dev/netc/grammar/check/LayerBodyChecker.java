package dev.netc.grammar.check;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.Matrix;
import dev.netc.grammar.model.Vector;
import dev.netc.grammar.syntax.NetcParser;
import dev.netc.grammar.syntax.Positions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The body of a {@code dense} or {@code conv} statement: explicit {@code weights} (one row per unit
 * or filter) and {@code bias} (one value per unit or filter, or one number for all), each at most
 * once.
 */
final class LayerBodyChecker {
  private final DiagnosticCollector diagnostics;
  private final Positions positions;
  private final Numbers numbers;

  LayerBodyChecker(DiagnosticCollector diagnostics, Positions positions, Numbers numbers) {
    this.diagnostics = diagnostics;
    this.positions = positions;
    this.numbers = numbers;
  }

  /** The checked weights and bias of a layer (empty where not given or not valid). */
  record Body(Optional<Matrix> weights, Optional<Vector> bias) {}

  /**
   * What a body must hold, and the words that say so.
   *
   * @param layer the layer's name
   * @param rows rows of the weights and values of the bias, if known
   * @param cols values per row, if known
   * @param unit what a row is ({@code unit}, {@code filter})
   * @param layout how the weights are laid out, for the shape message
   * @param row what a row holds, for the ragged-rows message
   */
  record Expected(
      String layer, OptionalInt rows, OptionalInt cols, String unit, String layout, String row) {}

  /** The body of a dense layer: units x inputs. */
  Body check(LayerDraft layer, OptionalInt inputs) {
    return check(
        layer.statement().layerBody(),
        new Expected(
            layer.name(),
            layer.units(),
            inputs,
            "unit",
            "(rows x cols: one row per unit, one column per input)",
            "one value per input of the layer"));
  }

  /** A layer body ({@code null} for none) checked against {@code expected}. */
  Body check(NetcParser.LayerBodyContext body, Expected layer) {
    Optional<Matrix> weights = Optional.empty();
    Optional<Vector> bias = Optional.empty();
    if (body == null || Trees.hasSyntaxError(body)) {
      return new Body(weights, bias);
    }
    NetcParser.WeightsDeclContext firstWeights = null;
    NetcParser.BiasDeclContext firstBias = null;
    for (NetcParser.LayerItemContext item : body.layerItem()) {
      if (item instanceof NetcParser.WeightsDeclContext w) {
        if (firstWeights != null) {
          duplicate("weights", layer, w, firstWeights);
        } else {
          firstWeights = w;
          weights = weights(w.matrix(), layer);
        }
      } else if (item instanceof NetcParser.UnknownItemContext unknown) {
        Unknowns.report(
            unknown.NAME().getSymbol(), List.of("weights", "bias"), "item", positions, diagnostics);
      } else if (item instanceof NetcParser.BiasDeclContext b) {
        if (firstBias != null) {
          duplicate("bias", layer, b, firstBias);
        } else {
          firstBias = b;
          bias = bias(b, layer);
        }
      }
    }
    return new Body(weights, bias);
  }

  private void duplicate(
      String what,
      Expected layer,
      NetcParser.LayerItemContext second,
      NetcParser.LayerItemContext first) {
    diagnostics.report(
        DiagnosticKind.DUPLICATE_STATEMENT,
        positions.of(second.getStart()),
        "'"
            + what
            + "' is given twice for layer '"
            + layer.layer()
            + "' (first at line "
            + first.getStart().getLine()
            + "): remove one");
  }

  private Optional<Matrix> weights(NetcParser.MatrixContext matrix, Expected layer) {
    if (matrix == null || matrix.exception != null) {
      return Optional.empty();
    }
    List<NetcParser.VectorContext> rows = matrix.vector();
    List<double[]> values = new ArrayList<>();
    boolean complete = true;
    for (int r = 0; r < rows.size(); r++) {
      Optional<double[]> row = numbers(rows.get(r));
      if (row.isEmpty()) {
        complete = false;
        continue;
      }
      if (!values.isEmpty() && row.get().length != values.get(0).length && complete) {
        diagnostics.report(
            DiagnosticKind.RAGGED_ROWS,
            positions.of(rows.get(r)),
            "row "
                + (r + 1)
                + " of the weights of layer '"
                + layer.layer()
                + "' has "
                + values(row.get().length)
                + " but row 1 has "
                + values(values.get(0).length)
                + ": every row needs "
                + layer.row());
        complete = false;
      }
      values.add(row.get());
    }
    if (!complete || values.isEmpty() || layer.rows().isEmpty() || layer.cols().isEmpty()) {
      return Optional.empty();
    }
    int units = layer.rows().getAsInt();
    int cols = values.get(0).length;
    if (values.size() != units || cols != layer.cols().getAsInt()) {
      diagnostics.report(
          DiagnosticKind.WEIGHTS_SHAPE,
          positions.of(matrix),
          "the weights of layer '"
              + layer.layer()
              + "' must be "
              + units
              + " x "
              + layer.cols().getAsInt()
              + " "
              + layer.layout()
              + ", found "
              + values.size()
              + " x "
              + cols);
      return Optional.empty();
    }
    double[] rowMajor = new double[units * cols];
    for (int r = 0; r < units; r++) {
      System.arraycopy(values.get(r), 0, rowMajor, r * cols, cols);
    }
    return Optional.of(Matrix.of(units, cols, rowMajor));
  }

  private Optional<Vector> bias(NetcParser.BiasDeclContext bias, Expected layer) {
    if (bias.exception != null) {
      return Optional.empty();
    }
    if (bias.vector() != null) {
      Optional<double[]> values = numbers(bias.vector());
      if (values.isEmpty() || layer.rows().isEmpty()) {
        return Optional.empty();
      }
      int units = layer.rows().getAsInt();
      if (values.get().length != units) {
        diagnostics.report(
            DiagnosticKind.BIAS_SIZE,
            positions.of(bias.vector()),
            "the bias of layer '"
                + layer.layer()
                + "' needs "
                + units
                + " values (one per "
                + layer.unit()
                + "), found "
                + values.get().length
                + "; or give one number for"
                + " all "
                + layer.unit()
                + "s");
        return Optional.empty();
      }
      return Optional.of(Vector.of(values.get()));
    }
    Optional<Numbers.Read> value = numbers.value(bias.number());
    if (value.isEmpty() || layer.rows().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Vector.filled(layer.rows().getAsInt(), value.get().value()));
  }

  private static String values(int count) {
    return count == 1 ? "1 value" : count + " values";
  }

  /** The numbers of a vector, or empty if it is incomplete or one of them is out of range. */
  private Optional<double[]> numbers(NetcParser.VectorContext vector) {
    if (vector == null || vector.exception != null) {
      return Optional.empty();
    }
    List<NetcParser.NumberContext> nodes = vector.number();
    double[] values = new double[nodes.size()];
    boolean valid = true;
    for (int i = 0; i < nodes.size(); i++) {
      Optional<Numbers.Read> value = numbers.value(nodes.get(i));
      if (value.isEmpty()) {
        valid = false;
      } else {
        values[i] = value.get().value();
      }
    }
    return valid ? Optional.of(values) : Optional.empty();
  }
}
