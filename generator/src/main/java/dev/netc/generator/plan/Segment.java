package dev.netc.generator.plan;

/**
 * Entries {@code from} (inclusive) to {@code to} (exclusive) of one block of a layer's pass.
 *
 * @param block the equation
 * @param from first entry
 * @param to entry after the last
 * @param entries the block's number of entries (a segment with fewer is a part of the block)
 */
public record Segment(Block block, int from, int to, int entries) {

  public Segment {
    if (from < 0 || from >= to || to > entries) {
      throw new IllegalArgumentException(
          "segment " + block + " [" + from + ", " + to + ") of " + entries + " entries");
    }
  }

  /** The whole of {@code block}. */
  public static Segment whole(Block block, int entries) {
    return new Segment(block, 0, entries, entries);
  }

  /** True if this segment holds every entry of its block. */
  public boolean isWhole() {
    return from == 0 && to == entries;
  }
}
