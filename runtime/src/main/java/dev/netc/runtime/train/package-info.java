/**
 * Training a {@link dev.netc.runtime.network.CompiledNetwork} on a {@link
 * dev.netc.runtime.data.Dataset}: the fluent {@link dev.netc.runtime.train.Trainer}, learning-rate
 * {@link dev.netc.runtime.train.Schedule}s, progress {@link
 * dev.netc.runtime.train.TrainingListener}s and checkpoints. Depends on {@code network}, {@code
 * data} and {@code weights} (checkpoints are JSON written with its Jackson helpers); not on {@code
 * metrics}.
 */
package dev.netc.runtime.train;
