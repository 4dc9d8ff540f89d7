/**
 * The print stage: the model (or a file's text and a model of its network) back to {@code .nn}
 * text, with numbers that read back to the same bits. Depends on {@code model}, {@code source} and,
 * to keep a file's comments and layout, {@code syntax}; does no I/O.
 */
package dev.netc.grammar.print;
