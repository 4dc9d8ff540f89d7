package dev.netc.cli;

import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Layer;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Shape;
import dev.netc.grammar.print.Literals;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code netc check --explain}: one row per layer with its statement, output shape and parameter
 * count, from the input to the output layer.
 *
 * <pre>
 *   layer   statement          output        parameters
 *   input                      28 x 28 x 1            0
 *   layer1  conv 6 5x5 relu    24 x 24 x 6          156
 *   layer2  maxpool 2x2        12 x 12 x 6            0
 *   layer3  dense 10 softmax   10                 8,650
 * </pre>
 */
final class LayerTable {
  private LayerTable() {}

  /** The table of {@code network}, each line indented by two spaces and ended by a newline. */
  static String render(Network network) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"layer", "statement", "output", "parameters"});
    rows.add(new String[] {"input", "", shape(network.inputShape()), "0"});
    for (Layer layer : network.allLayers()) {
      rows.add(
          new String[] {
            layer.name(),
            statement(layer),
            shape(layer.output()),
            Formats.count(layer.parameterCount())
          });
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < 3; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      line.append(" ".repeat(widths[3] - row[3].length())).append(row[3]);
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private static String statement(Layer layer) {
    if (layer instanceof ConvLayer conv) {
      return conv.describe() + dropout(conv.dropout());
    }
    if (layer instanceof FeatureLayer feature) {
      return feature.describe();
    }
    DenseLayer dense = (DenseLayer) layer;
    return "dense " + dense.units() + " " + dense.activationName() + dropout(dense.dropout());
  }

  /** {@code " dropout(0.25)"}, or nothing for a rate of 0. */
  private static String dropout(double rate) {
    return rate > 0 ? " dropout(" + Literals.nnNumber(rate, false) + ")" : "";
  }

  /** A flat shape as its size ({@code 10}), else {@code 24 x 24 x 6}. */
  private static String shape(Shape shape) {
    return shape.isFlat() ? String.valueOf(shape.channels()) : shape.toString();
  }
}
