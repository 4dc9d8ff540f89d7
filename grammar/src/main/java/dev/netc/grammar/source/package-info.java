/**
 * The read stage: a file's bytes to a {@link dev.netc.grammar.source.SourceFile} (text, lines). Does I/O; depends on nothing else of netc.
 */
package dev.netc.grammar.source;
