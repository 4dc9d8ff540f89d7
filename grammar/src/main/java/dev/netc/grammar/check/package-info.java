/**
 * The check stage: parse trees to the validated model or diagnostics, with every rule of the
 * language: the Java naming rules ({@link dev.netc.grammar.check.JavaNames}) and the rule that no
 * two networks of a build generate the same class ({@link
 * dev.netc.grammar.check.DuplicateNetworks}) included. Depends on {@code source}, {@code syntax},
 * {@code model} and {@code diag}, never on the package above it; does no I/O.
 */
package dev.netc.grammar.check;
