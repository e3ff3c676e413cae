package org.clocksim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    private static long[] first(RandomStream random) {
        return LongStream.generate(random::nextLong).limit(8).toArray();
    }

    @Test
    void theSameNameGivesTheSameSequence() {
        RandomStreams streams = new RandomStreams(42, 0);
        assertThat(first(streams.stream("a"))).isEqualTo(first(streams.stream("a")));
        assertThat(first(streams.stream("a"))).isEqualTo(first(new RandomStreams(42, 0).stream("a")));
    }

    @Test
    void nameSeedAndReplicationEachChangeTheSequence() {
        long[] base = first(new RandomStreams(42, 0).stream("a"));
        assertThat(first(new RandomStreams(42, 0).stream("b"))).isNotEqualTo(base);
        assertThat(first(new RandomStreams(43, 0).stream("a"))).isNotEqualTo(base);
        assertThat(first(new RandomStreams(42, 1).stream("a"))).isNotEqualTo(base);
    }
}
