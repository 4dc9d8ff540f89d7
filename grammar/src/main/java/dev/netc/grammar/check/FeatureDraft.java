package dev.netc.grammar.check;

import dev.netc.grammar.model.CallKind;
import dev.netc.grammar.model.PoolLayer;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.model.Window;
import dev.netc.grammar.syntax.NetcParser;
import java.util.Optional;

/**
 * A {@code conv}, {@code maxpool} or {@code avgpool} statement as far as it can be read on its own
 * (its input shape depends on the layers above it).
 *
 * @param number the layer's number, from 1
 * @param name {@code as NAME}, else {@code layer<number>}
 * @param nameSpan where the name is, or the statement's keyword for an unnamed layer
 * @param span where the statement starts
 * @param windowSpan where the window ({@code 5x5}) is
 * @param window the window, stride and padding, if valid (for a conv layer: if all of it is valid)
 * @param conv the rest of a valid conv layer
 * @param pool the kind of a pooling layer
 */
record FeatureDraft(
    int number,
    String name,
    Span nameSpan,
    Span span,
    Span windowSpan,
    Optional<Window> window,
    Optional<Conv> conv,
    Optional<PoolLayer.Kind> pool) {

  /**
   * What a conv layer adds to its window.
   *
   * @param body the layer body, or null
   */
  record Conv(
      int filters,
      BoundCall<CallKind> activation,
      double dropout,
      NetcParser.LayerBodyContext body) {}
}
