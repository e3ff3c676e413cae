package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> TSC_KEYS = ConfigSchema.Tsc.GROUP.names();

    @Test
    void levenshteinCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(DidYouMean.distance("frequncy", "frequency")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }

    @Test
    void suggestsTheClosestKeyWhenItIsAPlausibleTypo() {
        assertThat(DidYouMean.hint("frequncy", TSC_KEYS)).isEqualTo("did you mean 'frequency'?");
        assertThat(DidYouMean.hint("SocketOffset", TSC_KEYS)).isEqualTo("did you mean 'socketOffset'?");
        assertThat(DidYouMean.hint("drfit", TSC_KEYS)).isEqualTo("did you mean 'drift'?");
    }

    @Test
    void listsTheAllowedKeysWhenNothingIsClose() {
        assertThat(DidYouMean.hint("foo", TSC_KEYS)).isEqualTo("expected one of frequency, socketOffset, "
                + "coreOffset, drift, socketDrift, wander, wanderInterval, invariant, tscAdjust, pstates, pstateRate, "
                + "pstateFrequencies");
    }

    @Test
    void unknownValuesListTheAllowedOnesAndSuggestWhenClose() {
        assertThat(DidYouMean.unknown("source", "vdso-foo", List.of("rdtsc", "rdtscp")))
                .isEqualTo("unknown source 'vdso-foo'; expected one of rdtsc, rdtscp");
        assertThat(DidYouMean.unknown("source", "rdtcs", List.of("rdtsc", "rdtscp")))
                .isEqualTo("unknown source 'rdtcs'; expected one of rdtsc, rdtscp; did you mean 'rdtsc'?");
    }
}
