package org.clocksim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.ExperimentFixture.MS;
import static org.clocksim.ExperimentFixture.NS;
import static org.clocksim.ExperimentFixture.US;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.clocksim.Ci;
import org.clocksim.ExperimentFixture;
import org.clocksim.engine.Distribution;
import org.clocksim.experiment.Experiment;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.observe.BackwardEvent;
import org.clocksim.observe.Cause;
import org.clocksim.observe.EventKind;
import org.clocksim.observe.SourceResult;
import org.clocksim.workload.HandoffOrder;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The closed forms of docs/MODEL.md ("What one backward step is worth"), against simulation, each
 * within its 99 % confidence interval. Seeds are fixed, so each assertion is deterministic; the
 * intervals say how far a correct model may stray, so a failure is a wrong formula or a model bug.
 * The watchdog's firing check and the seqcount retry rate are in WatchdogTest and SeqcountRetryTest.
 */
class ClosedFormTest {
    private static final double PS_PER_NS = 1000;

    private static List<SourceResult> runs(Experiment experiment, int replications) {
        ExperimentRunner runner = new ExperimentRunner(1, ProgressListener.NONE);
        List<SourceResult> results = new ArrayList<>();
        for (int k = 0; k < replications; k++) {
            results.add(runner.run(experiment, k).sources().get(0));
        }
        return results;
    }

    private static double[] magnitudes(List<BackwardEvent> events) {
        return events.stream().mapToDouble(BackwardEvent::magnitudeNs).toArray();
    }

    /**
     * Two threads pinned on cores of different sockets, socket 1 ahead by Δ, hand a lock round robin
     * with an exponential hand-off gap h (mean m) and reads of fixed latency L (sampled at L/2). A
     * hand-off from the ahead core goes back iff h + L < Δ: with probability 1 − e^{−(Δ−L)/m}, by
     * Δ − L − h, whose mean given that it is backward is a − m + a·e^{−a/m}/(1 − e^{−a/m}), a = Δ − L.
     */
    @Test
    void lockHandoffWithAnExponentialGapGoesBackWithTheTruncatedExponentialLaw() {
        long delta = 2 * US;
        long latency = 20 * NS;
        long mean = 1500 * NS;
        Experiment experiment = ExperimentFixture.twoSockets().shape(2, 1).socketOffsets(0L, delta).threads(2)
                .lockHandoff(new Distribution.Exponential(mean), HandoffOrder.ROUND_ROBIN)
                .latency(new Distribution.Fixed(latency)).maxEvents(1_000_000).duration(100 * MS).seed(61).build();
        SourceResult rdtsc = runs(experiment, 1).get(0);

        double a = (delta - latency) / PS_PER_NS;
        double m = mean / PS_PER_NS;
        double p = 1 - Math.exp(-a / m);
        double expectedMagnitude = a - m + a * Math.exp(-a / m) / (1 - Math.exp(-a / m));

        // thread 0 reads first; each of its later reads follows a hand-off from thread 1, on the ahead core
        long fromAhead = rdtsc.threads().get(0).reads() - 1;
        assertThat(rdtsc.thread().backwardEvents()).isZero();
        assertThat(rdtsc.events()).hasSize((int) rdtsc.eventsTotal()).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.CROSS_THREAD);
            assertThat(e.cause()).isEqualTo(Cause.HANDOFF);
            assertThat(e.coreBefore()).isEqualTo(1);
            assertThat(e.coreAfter()).isZero();
            assertThat(e.magnitudeNs()).isLessThanOrEqualTo(a + 1);
        });
        double fraction = (double) rdtsc.crossThread().backwardEvents() / fromAhead;
        Ci.Interval expected = Ci.proportion(p, fromAhead);
        assertThat(expected.contains(fraction)).as("fraction %s, %s", fraction, expected).isTrue();
        Ci.Interval magnitude = Ci.mean(magnitudes(rdtsc.events()));
        assertThat(magnitude.contains(expectedMagnitude)).as("closed form %s ns, %s", expectedMagnitude, magnitude)
                .isTrue();
    }

    /** One thread on 2 sockets × 1 core (every migration crosses), socket 1 ahead by Δ. */
    private static ExperimentFixture migratingThread(long delta, double rate, Distribution gap, long latency,
                                                     long think) {
        return ExperimentFixture.twoSockets().shape(2, 1).socketOffsets(0L, delta).threads(1)
                .migration(MigrationPolicy.POISSON, rate, 0, List.of(), gap)
                .latency(new Distribution.Fixed(latency)).think(new Distribution.Fixed(think)).maxEvents(1_000_000);
    }

    /** Backward events per migration from the ahead core, over replications. */
    private record FromAhead(long migrations, long events, double[] magnitudes) {
        double fraction() {
            return (double) events / migrations;
        }
    }

    private static FromAhead fromAhead(List<SourceResult> runs) {
        long migrations = 0;
        long events = 0;
        List<BackwardEvent> all = new ArrayList<>();
        for (SourceResult run : runs) {
            // the thread starts on core 0: migrations alternate 0 -> 1, 1 -> 0, ...
            migrations += run.threads().get(0).migrations() / 2;
            assertThat(run.events()).hasSize((int) run.eventsTotal()).allSatisfy(e -> {
                assertThat(e.cause()).isEqualTo(Cause.MIGRATION);
                assertThat(e.coreBefore()).isEqualTo(1);
                assertThat(e.coreAfter()).isZero();
            });
            events += run.eventsTotal();
            all.addAll(run.events());
        }
        return new FromAhead(migrations, events, magnitudes(all));
    }

    /** (1 − e^{−λr})/(λr): the chance that no migration lands in a uniformly placed part of a sample period. */
    private static double noMigrationInAPhase(double ratePerNs, double rNs) {
        return -Math.expm1(-ratePerNs * rNs) / (ratePerNs * rNs);
    }

    /**
     * Fixed gap g, samples r = L + think apart. A migration from the ahead core gives exactly one
     * backward reading of Δ − g − r, unless another migration lands between the previous
     * migration and the first sample on the ahead core, or between this one and the first sample
     * after it (the thread then never read the ahead core, or reads it again):
     * P = (e^{−λg}·(1 − e^{−λr})/(λr))². With Δ < 3g + r, three migrations between two samples
     * cannot go back, so every event has the one magnitude.
     */
    @Test
    void poissonMigrationsWithAFixedGapGoBackByTheOffsetMinusGapAndReadGap() {
        long delta = 12 * US;
        long gap = 5 * US;
        long latency = 20 * NS;
        long think = 980 * NS;
        double rate = 2000;
        Experiment experiment = migratingThread(delta, rate, new Distribution.Fixed(gap), latency, think)
                .duration(2500 * MS).seed(71).build();
        FromAhead observed = fromAhead(runs(experiment, 4));

        double lambda = rate * 1e-9;
        double r = (latency + think) / PS_PER_NS;
        double g = gap / PS_PER_NS;
        double once = Math.exp(-lambda * g) * noMigrationInAPhase(lambda, r);
        Ci.Interval expected = Ci.proportion(once * once, observed.migrations());
        assertThat(expected.contains(observed.fraction())).as("fraction %s, %s", observed.fraction(), expected)
                .isTrue();
        double magnitude = (delta - gap - latency - think) / PS_PER_NS;
        assertThat(Arrays.stream(observed.magnitudes()).boxed().toList()).isNotEmpty()
                .allSatisfy(x -> assertThat(x).isCloseTo(magnitude, Offset.offset(0.5)));
    }

    /**
     * Exponential gap G (mean m), samples r apart, λ the migration rate, a = Δ − r. A migration from
     * the ahead core goes back iff G + r < Δ, the thread read the ahead core since the previous
     * migration, and no migration lands before its next sample:
     * P = c²·(1 − e^{−a(1+λm)/m})/(1 + λm)², c = (1 − e^{−λr})/(λr); for λ(m + r) → 0 it is
     * 1 − e^{−(Δ−r)/m}. Given a backward reading, G is exponential with mean m' = m/(1 + λm)
     * truncated to [0, a], so the mean magnitude is a − m' + a·e^{−a/m'}/(1 − e^{−a/m'}).
     */
    @Test
    void poissonMigrationsWithAnExponentialGapGoBackWithTheTruncatedExponentialLaw() {
        long delta = 12 * US;
        long gapMean = 5 * US;
        long latency = 20 * NS;
        long think = 980 * NS;
        double rate = 2000;
        Experiment experiment = migratingThread(delta, rate, new Distribution.Exponential(gapMean), latency, think)
                .duration(2500 * MS).seed(72).build();
        FromAhead observed = fromAhead(runs(experiment, 8));

        double lambda = rate * 1e-9;
        double r = (latency + think) / PS_PER_NS;
        double m = gapMean / PS_PER_NS;
        double a = (delta - latency - think) / PS_PER_NS;
        double c = noMigrationInAPhase(lambda, r);
        double p = c * c * -Math.expm1(-a * (1 + lambda * m) / m) / ((1 + lambda * m) * (1 + lambda * m));
        Ci.Interval expected = Ci.proportion(p, observed.migrations());
        assertThat(expected.contains(observed.fraction())).as("fraction %s, %s", observed.fraction(), expected)
                .isTrue();
        // the leading term alone, 1 - e^{-a/m}, is outside the interval at this many migrations
        assertThat(expected.contains(-Math.expm1(-a / m))).isFalse();

        double tilted = m / (1 + lambda * m);
        double expectedMagnitude = a - tilted + a * Math.exp(-a / tilted) / -Math.expm1(-a / tilted);
        Ci.Interval magnitude = Ci.mean(observed.magnitudes());
        assertThat(magnitude.contains(expectedMagnitude)).as("closed form %s ns, %s", expectedMagnitude, magnitude)
                .isTrue();
    }

    /**
     * Poisson migrations at rate λ over T: N ~ Poisson(λT) per replication, independent across
     * replications. The mean over K replications is within λT ± z·√(λT/K), and the index of
     * dispersion Σ(N − N̄)²/N̄ is χ² with K − 1 degrees of freedom (variance = mean).
     */
    @Test
    void poissonMigrationCountsOverReplicationsHaveMeanAndVarianceLambdaT() {
        double rate = 20_000;
        long duration = 100 * MS;
        int replications = 30;
        Experiment experiment = ExperimentFixture.twoSockets().threads(1)
                .migration(MigrationPolicy.POISSON, rate, 0, List.of(), new Distribution.Fixed(1 * US))
                .think(new Distribution.Fixed(100 * US)).duration(duration).seed(73).build();
        double[] counts = runs(experiment, replications).stream()
                .mapToDouble(s -> s.threads().get(0).migrations()).toArray();
        double lambdaT = rate * duration / 1e12;
        double mean = Arrays.stream(counts).average().orElseThrow();
        double half = Ci.Z99 * Math.sqrt(lambdaT / replications);
        assertThat(mean).isBetween(lambdaT - half, lambdaT + half);
        double dispersion = Arrays.stream(counts).map(n -> (n - mean) * (n - mean)).sum() / mean;
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(replications - 1);
        assertThat(dispersion).isBetween(chi2.inverseCumulativeProbability(0.005),
                chi2.inverseCumulativeProbability(0.995));
    }
}
