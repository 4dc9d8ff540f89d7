/**
 * The netc language front end: {@link dev.netc.grammar.NetcFrontEnd} reads, parses and checks one
 * {@code .nn} file into a {@link dev.netc.grammar.FrontEndResult}. The stages live in the
 * subpackages {@code source}, {@code syntax}, {@code check}, {@code model} and {@code diag}
 * (STYLE.md, section 2).
 */
package dev.netc.grammar;
