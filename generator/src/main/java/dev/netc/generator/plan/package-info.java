/**
 * The plan step: from a checked network model, the decisions about its generated class as plain
 * data (code shape per layer, storage, fused step, method splits). Depends on the grammar's model
 * only; no JavaPoet, no I/O.
 */
package dev.netc.generator.plan;
