/**
 * The plan step: from a checked network model, every decision about its generated class as plain
 * data ({@link dev.netc.generator.plan.NetworkPlan}, {@link dev.netc.generator.plan.LayerPlan}):
 * unrolled or looped code per layer, columns per pass, zero-input skipping, partial sums,
 * straight-line or looped updates, the fused step, how vectors are copied, how explicit values are
 * packed, and where methods are split (at {@link dev.netc.generator.plan.Block} boundaries, from
 * the estimates of {@code BytecodeCost}). {@link dev.netc.generator.plan.Planner} holds each
 * deciding constant with its evidence. Depends on the grammar's model only; no JavaPoet, no I/O.
 */
package dev.netc.generator.plan;
