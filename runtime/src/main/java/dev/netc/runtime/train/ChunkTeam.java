package dev.netc.runtime.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The calling thread and {@code size - 1} helper threads that run one task together, each with its
 * participant number (0 is the caller), and return when all have finished. Hand-off is a volatile
 * generation counter and a countdown, spun on briefly and then parked, so a call allocates nothing:
 * a mini-batch step of a network with 100,000 parameters takes about a millisecond, and a pool's
 * futures and hand-off would cost a noticeable part of it.
 */
final class ChunkTeam implements AutoCloseable {
  /** Busy-wait iterations before parking (a few hundred microseconds, a fraction of a step). */
  private static final int SPINS = 1 << 14;

  private final Thread[] helpers;
  private final AtomicInteger pending = new AtomicInteger();

  /** Generation (high 32 bits) and number of active participants (low 32) of the latest run. */
  private volatile long signal;

  private volatile IntConsumer task;
  private volatile Thread caller;
  private volatile Throwable failure;
  private volatile boolean stopped;

  /** A team of {@code size} participants: starts {@code size - 1} daemon threads. */
  ChunkTeam(int size, String name) {
    helpers = new Thread[size - 1];
    for (int h = 0; h < helpers.length; h++) {
      int participant = h + 1;
      helpers[h] = new Thread(() -> helperLoop(participant), name);
      helpers[h].setDaemon(true);
      helpers[h].start();
    }
  }

  /** Number of participants, the caller included. */
  int size() {
    return helpers.length + 1;
  }

  /**
   * Runs {@code work} with participants {@code 0 .. participants - 1} (0 on this thread) and
   * returns when all have returned. An exception of any participant is rethrown here.
   */
  void run(int participants, IntConsumer work) {
    if (participants < 1 || participants > size()) {
      throw new IllegalArgumentException(
          "participants must be 1 to " + size() + ": " + participants);
    }
    int helping = participants - 1;
    if (helping > 0) {
      task = work;
      caller = Thread.currentThread();
      failure = null;
      pending.set(helping);
      signal = ((signal >>> 32) + 1) << 32 | (helping + 1);
      for (int h = 0; h < helping; h++) {
        LockSupport.unpark(helpers[h]);
      }
    }
    Throwable own = null;
    try {
      work.accept(0);
    } catch (RuntimeException | Error e) {
      own = e;
    }
    int spins = 0;
    while (pending.get() != 0) {
      if (++spins < SPINS) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(this);
      }
    }
    Throwable theirs = failure;
    rethrow(own != null ? own : theirs);
  }

  private static void rethrow(Throwable t) {
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }

  private void helperLoop(int participant) {
    long seen = 0;
    while (true) {
      int spins = 0;
      long current;
      while ((current = signal) >>> 32 == seen) {
        if (stopped) {
          return;
        }
        if (++spins < SPINS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      seen = current >>> 32;
      if (participant >= (int) current) {
        continue;
      }
      try {
        task.accept(participant);
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      if (pending.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }
  }

  @Override
  public void close() {
    stopped = true;
    for (Thread helper : helpers) {
      LockSupport.unpark(helper);
    }
  }
}
