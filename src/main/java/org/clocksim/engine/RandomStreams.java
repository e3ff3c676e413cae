package org.clocksim.engine;

import java.nio.charset.StandardCharsets;

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

    public RandomStream stream(String name) {
        long state = RandomStream.mix64(seed);
        state = RandomStream.mix64(state ^ fnv1a(name));
        state = RandomStream.mix64(state + 0x9E3779B97F4A7C15L * (replication + 1L));
        return new RandomStream(state);
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
}
