/**
 * The emit step: writes the class of a {@link dev.netc.generator.plan.NetworkPlan} with JavaPoet's
 * structure ({@code CodeBlock} control flow and statements), making no decisions of its own. One
 * emitter per kind of member (state, views, runtime API, initialization, passes), one class per
 * kind of block within the passes. Names runtime types only through {@link
 * dev.netc.generator.emit.RuntimeTypes} (no compile dependency on the runtime); pure, no I/O.
 */
package dev.netc.generator.emit;
