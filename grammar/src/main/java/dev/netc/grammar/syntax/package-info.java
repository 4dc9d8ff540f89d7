/**
 * The parse stage: the ANTLR 4 grammar {@code Netc.g4} (parser generated at build time), parse
 * trees and syntax diagnostics. Depends on {@code source}, {@code diag} and {@code model.Span};
 * parse trees never leave the front end.
 */
package dev.netc.grammar.syntax;
