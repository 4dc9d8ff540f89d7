/**
 * Expressions of declared activations ({@code activation swish(x) = x * sigmoid(x);}): the tree,
 * its value, symbolic differentiation, simplification, shared subexpressions and printing. Plain
 * Java on immutable records; depends on nothing else of netc, so that both the checker and the
 * generator can use it.
 */
package dev.netc.grammar.expr;
