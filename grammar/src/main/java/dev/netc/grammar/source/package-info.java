/**
 * The read stage: a file's bytes to a {@link dev.netc.grammar.source.SourceFile} (its text and
 * lines). The only stage that reads files; depends on nothing else of netc.
 */
package dev.netc.grammar.source;
