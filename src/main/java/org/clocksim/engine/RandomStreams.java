package org.clocksim.engine;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One independent random stream per source of randomness, derived from (seed, stream name,
 * replication index) alone. Asking for the same name twice gives two generators with the same
 * sequence; this is how passes that differ only in the time source share the machine's randomness
 * (common random numbers). Adding a stream never changes another one.
 */
public final class RandomStreams {
    private final long seed;
    private final int replication;

    public RandomStreams(long seed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, got " + replication);
        }
        this.seed = seed;
        this.replication = replication;
    }

    public SplittableRandom stream(String name) {
        long state = mix(seed);
        state = mix(state ^ fnv1a(name));
        state = mix(state + 0x9E3779B97F4A7C15L * (replication + 1L));
        return new SplittableRandom(state);
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: the same on every JVM and platform. */
    private static long fnv1a(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** The SplitMix64 finaliser (Steele, Lea, Flood 2014). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
