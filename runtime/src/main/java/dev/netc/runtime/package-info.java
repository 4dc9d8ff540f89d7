/**
 * The netc runtime: what runs around a generated network class. The interface generated classes
 * implement is in {@code network}, their initialisers in {@code init}; data loading in {@code
 * data}, training in {@code train}, metrics in {@code metrics} and weight files in {@code weights}.
 * The runtime never parses the language and depends on neither the grammar nor the generator.
 */
package dev.netc.runtime;
