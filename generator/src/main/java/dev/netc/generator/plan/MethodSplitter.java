package dev.netc.generator.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits straight-line code into consecutive parts of bounded estimated size, so that every
 * generated method stays far below HotSpot's {@code HugeMethodLimit} of 8000 bytes of bytecode
 * (methods above it are never JIT-compiled) and below javac's 64 KB per method. The same idea as
 * Dagger's {@code createPartitionedMethods}.
 */
public final class MethodSplitter {
  private MethodSplitter() {}

  /**
   * Consecutive parts of {@code items} whose summed cost is at most {@code budget} each (an item
   * costlier than the budget gets a part of its own).
   */
  public static <T> List<List<T>> split(List<T> items, ToIntFunction<T> cost, int budget) {
    List<List<T>> parts = new ArrayList<>();
    List<T> current = new ArrayList<>();
    int used = 0;
    for (T item : items) {
      int c = cost.applyAsInt(item);
      if (!current.isEmpty() && used + c > budget) {
        parts.add(current);
        current = new ArrayList<>();
        used = 0;
      }
      current.add(item);
      used += c;
    }
    if (!current.isEmpty()) {
      parts.add(current);
    }
    return parts;
  }
}
