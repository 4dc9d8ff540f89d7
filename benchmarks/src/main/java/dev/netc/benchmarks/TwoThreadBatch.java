package dev.netc.benchmarks;

import dev.netc.runtime.network.CompiledNetwork;
import java.util.concurrent.locks.LockSupport;

/**
 * Data-parallel mini-batch training on two threads with the interface's own tools: a {@link
 * CompiledNetwork#copy()} (shared parameters, own gradient) on a helper thread computes the
 * gradient of the second half of the batch while the caller computes the first half on the
 * original; then the caller adds the copy's gradient ({@link CompiledNetwork#addGradientFrom}) and
 * applies the step. The helper clears its gradient at the start of its next half, in parallel with
 * the caller. Hand-off is a volatile counter, spun on briefly and then parked, so nothing allocates
 * per batch.
 */
final class TwoThreadBatch implements AutoCloseable {
  private static final int SPINS = 1 << 14;

  private final CompiledNetwork network;
  private final CompiledNetwork copy;
  private final double[][] inputs;
  private final double[][] targets;
  private final int half;
  private final Thread helper;
  private volatile int requested;
  private volatile int completed;
  private volatile boolean stopped;
  private volatile double helperLoss;

  TwoThreadBatch(CompiledNetwork network, double[][] inputs, double[][] targets) {
    this.network = network;
    this.copy = network.copy();
    this.inputs = inputs;
    this.targets = targets;
    this.half = inputs.length / 2;
    helper = new Thread(this::helperLoop, "netc-benchmark-helper");
    helper.setDaemon(true);
    helper.start();
  }

  /** One mini-batch step over all examples; returns the summed loss. */
  double step() {
    int ticket = requested + 1;
    requested = ticket;
    LockSupport.unpark(helper);
    double loss = 0.0;
    for (int e = 0; e < half; e++) {
      loss += network.accumulateGradient(inputs[e], targets[e]);
    }
    int spins = 0;
    while (completed != ticket) {
      if (++spins < SPINS) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    network.addGradientFrom(copy);
    network.applyGradient(1.0);
    return loss + helperLoss;
  }

  private void helperLoop() {
    int seen = 0;
    while (true) {
      int spins = 0;
      while (requested == seen) {
        if (stopped) {
          return;
        }
        if (++spins < SPINS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      seen = requested;
      copy.clearGradient();
      double loss = 0.0;
      for (int e = half; e < inputs.length; e++) {
        loss += copy.accumulateGradient(inputs[e], targets[e]);
      }
      helperLoss = loss;
      completed = seen;
    }
  }

  @Override
  public void close() {
    stopped = true;
    LockSupport.unpark(helper);
    try {
      helper.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
