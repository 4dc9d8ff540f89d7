/**
 * Diagnostics: one {@link dev.netc.grammar.diag.Diagnostic} (kind, severity, span, message) and its renderings. Depends on {@code source} and {@code model.Span}.
 */
package dev.netc.grammar.diag;
