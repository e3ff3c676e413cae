package org.clocksim.engine;

/**
 * The project's own random number generator: every random variate of a simulation comes from here,
 * so that a seed gives the same numbers on every JDK and machine (DESIGN.md principle 5). The JDK's
 * {@code RandomGenerator} does not promise that: its {@code nextGaussian()}, {@code nextExponential()}
 * and bounded draws are implementation details that changed between JDK 17 and 25. This class
 * deliberately does not implement {@code RandomGenerator}, so that no JDK default method can be
 * called on it by accident.
 *
 * <p>Algorithms, each chosen because it is public, fast, and exact in IEEE double arithmetic (Java
 * evaluates {@code double} expressions strictly since 17), with fdlibm's functions (the bits of
 * {@link StrictMath}, the same on every JVM) wherever a transcendental is needed:
 * <ul>
 *   <li>{@link #nextLong()}: SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number
 *       generators", OOPSLA 2014; Vigna's reference {@code splitmix64.c}): a Weyl sequence with
 *       increment 0x9E3779B97F4A7C15 through the "variant 13" finaliser. It is the sequence
 *       {@code java.util.SplittableRandom} documents for a seed, so seeds keep their meaning.</li>
 *   <li>{@link #nextDouble()}: the top 53 bits times 2<sup>-53</sup>, uniform on [0, 1).</li>
 *   <li>{@link #nextLong(long, long)}: Lemire's multiply-and-reject ("Fast random integer
 *       generation in an interval", ACM TOMACS 2019): unbiased, and usually no division.</li>
 *   <li>{@link #nextGaussian()} and {@link #nextExponential()}: a 256-layer ziggurat of our own
 *       ({@link Ziggurat}, which says why), one {@code nextLong()} per draw in 99 % of cases.</li>
 * </ul>
 * Not thread-safe; one instance per stream, and drawing allocates nothing.
 */
public final class RandomStream {
    /** SplitMix64's increment: 2<sup>64</sup> divided by the golden ratio, made odd. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** A stream whose SplitMix64 state starts at {@code seed}. */
    public RandomStream(long seed) {
        this.state = seed;
    }

    /** The next 64 uniformly distributed bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform on [0, 1), in steps of 2<sup>-53</sup>. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform on [origin, bound), without bias; {@code origin < bound}, any range up to 2<sup>64</sup> - 1. */
    public long nextLong(long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound " + bound + " must be greater than origin " + origin);
        }
        long range = bound - origin; // unsigned: correct even when the difference overflows a long
        long random = nextLong();
        long low = random * range;
        if (Long.compareUnsigned(low, range) < 0) {
            long threshold = Long.remainderUnsigned(-range, range); // 2^64 mod range
            while (Long.compareUnsigned(low, threshold) < 0) {
                random = nextLong();
                low = random * range;
            }
        }
        return origin + unsignedMultiplyHigh(random, range);
    }

    /** Uniform on [0, bound), without bias; {@code bound > 0}. */
    public long nextLong(long bound) {
        return nextLong(0, bound);
    }

    /** Uniform on [0, bound), without bias; {@code bound > 0}: an index into {@code bound} things. */
    public int nextInt(int bound) {
        return (int) nextLong(0, bound);
    }

    /** Standard normal (mean 0, variance 1). */
    public double nextGaussian() {
        return Ziggurat.NORMAL.sample(this);
    }

    /** Exponential with mean 1. */
    public double nextExponential() {
        return Ziggurat.EXPONENTIAL.sample(this);
    }

    /** The SplitMix64 finaliser (Stafford's "variant 13"). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is Java 18). */
    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
