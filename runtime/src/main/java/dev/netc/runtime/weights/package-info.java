/**
 * Weight files: the trained parameters of a network with its class names and feature scaling, as
 * versioned, human-readable JSON (format in {@code docs/weight-file.md}), exact to the last bit,
 * written atomically, checked against the network before anything is set. Depends on {@code
 * network}, {@code data} and Jackson.
 */
package dev.netc.runtime.weights;
