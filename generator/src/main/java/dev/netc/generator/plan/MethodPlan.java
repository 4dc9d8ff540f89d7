package dev.netc.generator.plan;

import java.util.List;

/**
 * One private method of a layer's pass ({@code forward1}, {@code backward2}, {@code step2}) and its
 * body: one part, written in the method itself, or several, each a helper method {@code <name>Part
 * <k>} that the method calls in order. Parts begin at a block boundary unless one block alone is
 * larger than the budget.
 *
 * @param name the method's name
 * @param parts the segments of each part, in order; at least one part
 * @param cost the estimated bytecode bytes of the whole body
 */
public record MethodPlan(String name, List<List<Segment>> parts, int cost) {

  public MethodPlan {
    parts = parts.stream().map(List::copyOf).toList();
    if (parts.isEmpty() || parts.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException(name + ": a method has parts, and a part segments");
    }
  }

  /** True if the body is split into helper methods. */
  public boolean isSplit() {
    return parts.size() > 1;
  }

  /** Name of helper part {@code k} (0-based): {@code forward1Part1} for k = 0. */
  public String partName(int k) {
    return name + "Part" + (k + 1);
  }

  /** Every segment, in order. */
  public List<Segment> segments() {
    return parts.stream().flatMap(List::stream).toList();
  }
}
