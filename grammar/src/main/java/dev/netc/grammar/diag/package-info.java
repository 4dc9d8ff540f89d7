/**
 * Diagnostics: one {@link dev.netc.grammar.diag.Diagnostic} (kind, severity, span, message), its
 * collector and its printed forms. Depends on {@code source} and {@code model.Span}.
 */
package dev.netc.grammar.diag;
