package dev.netc.grammar.check;

import dev.netc.grammar.model.CallKind;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.syntax.NetcParser;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A {@code dense} statement as far as it can be read on its own (its inputs depend on the layer
 * below and the {@code input} statement, which may come later in the file).
 *
 * @param number the layer's number, from 1
 * @param name {@code as NAME}, else {@code layer<number>}
 * @param nameSpan where the name is, or the {@code dense} keyword for an unnamed layer
 * @param units the number of units, if valid
 * @param activation the activation (a built-in or a declared one) and its bound parameters, if
 *     valid
 * @param dropout the {@code dropout(r)} rate (0 without the option), if valid
 * @param dropoutAt where the {@code dropout} option is, if given
 * @param statement the statement, for its body
 * @param span where the statement starts
 */
record LayerDraft(
    int number,
    String name,
    Span nameSpan,
    OptionalInt units,
    Optional<BoundCall<CallKind>> activation,
    OptionalDouble dropout,
    Optional<Span> dropoutAt,
    NetcParser.DenseStatementContext statement,
    Span span) {}
