package dev.netc.runtime.init;

/**
 * The random generator of netc's initialisers: SplitMix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), written out here so that its sequence belongs to
 * netc and never changes with the JDK.
 *
 * <p>This sequence is part of netc's compatibility promise: the same seed gives the same initial
 * parameters, bit for bit, on every machine and JDK, now and in later releases. Do not change any
 * constant or the order of draws.
 *
 * <ul>
 *   <li>{@link #nextLong()}: {@code state += 0x9E3779B97F4A7C15; z = state; z = (z ^ (z >>> 30)) *
 *       0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; return z ^ (z >>> 31)}.
 *   <li>{@link #nextDouble()}: the top 53 bits of {@code nextLong()} times 2^-53, in [0, 1).
 *   <li>{@link #nextGaussian()}: Box-Muller with {@link StrictMath}, one value per two uniform
 *       draws {@code u1, u2}: {@code sqrt(-2 ln(1 - u1)) * cos(2 pi u2)} (no caching of the second
 *       value, so every call costs exactly two draws).
 *   <li>{@link #forLayer(long, int)}: layer {@code l} of a network with seed {@code s} draws from a
 *       generator whose state is {@code mix(s) ^ mix(l + 0x632BE59BD9B4E019)}, where {@code mix} is
 *       the SplitMix64 output function above applied to its argument.
 * </ul>
 */
public final class NetcRandom {
  /** SplitMix64's increment: 2^64 divided by the golden ratio, made odd. */
  public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private static final long LAYER_SALT = 0x632BE59BD9B4E019L;

  private long state;

  /** A generator starting from {@code seed}. */
  public NetcRandom(long seed) {
    this.state = seed;
  }

  /** The generator of layer {@code layer} (counting dense layers from 1) for a file's seed. */
  public static NetcRandom forLayer(long seed, int layer) {
    return new NetcRandom(mix(seed) ^ mix(layer + LAYER_SALT));
  }

  /** The next 64 random bits. */
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** A uniform double in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A uniform double in [low, high). */
  public double nextDouble(double low, double high) {
    return low + (high - low) * nextDouble();
  }

  /** A standard normal double (mean 0, standard deviation 1). */
  public double nextGaussian() {
    double u1 = nextDouble();
    double u2 = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - u1))
        * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  /**
   * SplitMix64's output function (Stafford's "variant 13" finaliser): a bijection of the 64-bit
   * values whose outputs for consecutive inputs look independent. Also the mixer of the dropout
   * masks ({@link dev.netc.runtime.network.DropoutNetwork}).
   */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
