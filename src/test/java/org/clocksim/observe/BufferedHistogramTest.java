package org.clocksim.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.clocksim.engine.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Counting in the array first gives the histogram recording every value itself would, byte for byte. */
class BufferedHistogramTest {
    static LongStream seeds() {
        return LongStream.range(0, 10);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void endsUpAsTheHistogramRecordingEachValue(long seed) {
        RandomStream random = new RandomStream(seed);
        Histogram direct = new Histogram(3);
        BufferedHistogram buffered = new BufferedHistogram();
        for (int i = 0; i < 20_000; i++) {
            // latencies of a few ns to tens of us, zeros, and now and then a value beyond the array
            long value = switch (random.nextInt(5)) {
                case 0 -> 0;
                case 1 -> random.nextLong(0, 4096);
                case 2 -> random.nextLong(15_000, 40_000);
                case 3 -> Math.round(20_000 * Math.exp(3 * random.nextExponential()));
                default -> random.nextLong(0, 3 * BufferedHistogram.LIMIT);
            };
            long count = random.nextInt(10) == 0 ? random.nextLong(2, 1000) : 1;
            direct.recordValueWithCount(value, count);
            buffered.record(value, count);
        }
        Histogram result = buffered.histogram();
        assertThat(result).isEqualTo(direct);
        assertThat(result.getHighestTrackableValue()).isEqualTo(direct.getHighestTrackableValue());
        assertThat(encoded(result)).isEqualTo(encoded(direct));
    }

    @Test
    void bucketsAreHdrHistogramsOwn() {
        Histogram histogram = new Histogram(3);
        for (long value = 0; value < BufferedHistogram.LIMIT; value += 1 + value / 3000) {
            int index = BufferedHistogram.index(value);
            assertThat(BufferedHistogram.lowest(index)).as("value %d", value)
                    .isEqualTo(histogram.lowestEquivalentValue(value));
            assertThat(BufferedHistogram.index(histogram.highestEquivalentValue(value))).isEqualTo(index);
        }
    }

    @Test
    void readingTwiceCountsOnce() {
        BufferedHistogram buffered = new BufferedHistogram();
        buffered.record(30_000, 1);
        buffered.record(20_000, 5);
        assertThat(buffered.histogram().getTotalCount()).isEqualTo(6);
        assertThat(buffered.histogram().getTotalCount()).isEqualTo(6);
    }

    private static byte[] encoded(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }
}
