/**
 * The check stage: parse trees to the validated model ({@code model}) or diagnostics. Depends on {@code syntax}, {@code model}, {@code diag}; no I/O.
 */
package dev.netc.grammar.check;
