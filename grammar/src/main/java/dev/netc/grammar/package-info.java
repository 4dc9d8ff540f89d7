/**
 * The netc language front end: {@link dev.netc.grammar.NetcFrontEnd} reads, parses and checks one
 * {@code .nn} file into a {@link dev.netc.grammar.FrontEndResult}. The stages live in the
 * subpackages {@code source} (read), {@code syntax} (parse), {@code check}, {@code model} and
 * {@code diag}; this package depends on them, and none of them on it.
 */
package dev.netc.grammar;
