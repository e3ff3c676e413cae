package org.clocksim.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.clocksim.engine.RandomStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fast mode's aggregated reads count in inconsistency-check's windows as that many non-backward reads. */
class InconsistencyWindowsTest {
    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aMonotoneRunCountsAsItsReadsOneByOne(long seed) {
        RandomStream random = new RandomStream(seed);
        InconsistencyWindows oneByOne = new InconsistencyWindows(2);
        InconsistencyWindows aggregated = new InconsistencyWindows(2);
        long[] index = new long[2];
        for (int step = 0; step < 200; step++) {
            int thread = random.nextInt(2);
            if (random.nextInt(3) == 0) { // a run of reads none of which goes backwards
                long n = random.nextLong(0, 300);
                for (long i = 0; i < n; i++) {
                    oneByOne.add(thread, index[thread] + i, false);
                }
                aggregated.addMonotone(thread, index[thread], n);
                index[thread] += n;
            } else { // one exact read, sometimes backwards
                boolean backward = random.nextInt(4) == 0;
                oneByOne.add(thread, index[thread], backward);
                aggregated.add(thread, index[thread], backward);
                index[thread]++;
            }
        }
        assertThat(aggregated.result()).isEqualTo(oneByOne.result());
        assertThat(oneByOne.result().failing()).isPositive();
    }
}
