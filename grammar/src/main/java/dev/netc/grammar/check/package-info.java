/**
 * The check stage: parse trees to the validated model or diagnostics. Depends on {@code syntax},
 * {@code model} and {@code diag}; does no I/O.
 */
package dev.netc.grammar.check;
