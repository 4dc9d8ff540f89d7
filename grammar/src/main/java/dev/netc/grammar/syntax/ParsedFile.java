package dev.netc.grammar.syntax;

import org.antlr.v4.runtime.CommonTokenStream;

/**
 * A parsed file: the (possibly recovered) parse tree, the tokens, and how many syntax errors the
 * parser reported. Parse trees never leave the front end: the checker turns them into the model.
 *
 * @param tree the whole file
 * @param tokens every token, the hidden channel included
 * @param positions spans of tokens
 * @param syntaxErrors the number of errors the parser reported (lexical ones not counted)
 */
public record ParsedFile(
    NetcParser.FileContext tree, CommonTokenStream tokens, Positions positions, int syntaxErrors) {}
