package dev.netc.generator.plan;

/** How a vector is copied into or out of the generated class (input, target, output). */
public enum Copy {
  /** One statement per element: no call, for short vectors. */
  ELEMENTS,
  /** {@code System.arraycopy}, for long vectors of the same element type. */
  ARRAYCOPY,
  /** A loop, element by element, for long vectors converted between double and float. */
  LOOP
}
