package dev.netc.generator.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Explicit values from the file (a layer's weights or bias), written into the class as packed
 * string constants that a static method decodes: {@code chunk} values per constant, at most {@code
 * chunksPerMethod} decode calls per method.
 *
 * @param method the decoding method's name ({@code explicitWeights1})
 * @param values the values, row-major
 * @param rowLength values per row (inputs for weights, units for a bias), for the Javadoc listing
 * @param chunk values per string constant
 * @param chunksPerMethod decode calls in one method; more chunks are decoded by helper parts
 * @param listed true if the values are also listed in the method's Javadoc, for the reader
 */
public record PackedConstant(
    String method, double[] values, int rowLength, int chunk, int chunksPerMethod, boolean listed) {

  /** Offset of each chunk. */
  public List<Integer> chunkOffsets() {
    List<Integer> offsets = new ArrayList<>();
    for (int offset = 0; offset < values.length; offset += chunk) {
      offsets.add(offset);
    }
    return offsets;
  }

  /** The chunk offsets of each helper part; empty if the method decodes every chunk itself. */
  public List<List<Integer>> parts() {
    List<Integer> offsets = chunkOffsets();
    List<List<Integer>> parts = new ArrayList<>();
    if (offsets.size() <= chunksPerMethod) {
      return parts;
    }
    for (int k = 0; k < offsets.size(); k += chunksPerMethod) {
      parts.add(offsets.subList(k, Math.min(offsets.size(), k + chunksPerMethod)));
    }
    return parts;
  }

  /** Name of helper part {@code k} (0-based). */
  public String partName(int k) {
    return method + "Part" + (k + 1);
  }

  /** Number of values in the chunk at {@code offset}. */
  public int count(int offset) {
    return Math.min(chunk, values.length - offset);
  }
}
