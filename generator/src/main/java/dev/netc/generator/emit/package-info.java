/**
 * The emit step: writes the class of a {@link dev.netc.generator.plan.NetworkPlan} with JavaPoet,
 * making no decisions of its own. Names runtime types only through {@link
 * dev.netc.generator.emit.RuntimeTypes} (no compile dependency on the runtime); pure, no I/O.
 */
package dev.netc.generator.emit;
