/**
 * The validated, immutable model of a {@code .nn} file: records and enums in the words of the
 * language spec (docs/language.md), built only by {@code check}, every default filled in. The only
 * thing the generator sees. Depends on nothing else of netc, and on no ANTLR type.
 */
package dev.netc.grammar.model;
