package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.config.Configs.errors;

import org.junit.jupiter.api.Test;

/** Each validation rule, and how its error reads: file, line, key path, what is expected. */
class ValidationErrorsTest {

    @Test
    void unknownKeySuggestsTheClosestAllowedKey() {
        assertThat(errors("""
                duration: 1s
                machine:
                  tsc:
                    frequncy: 2GHz
                """)).containsExactly("x.yaml:4: machine.tsc.frequncy: unknown key; did you mean 'frequency'?");
    }

    @Test
    void unknownKeyListsTheAllowedKeysWhenNothingIsClose() {
        assertThat(errors("duration: 1s\noutput: {colour: red}\n")).containsExactly(
                "x.yaml:2: output.colour: unknown key; expected one of maxBackwardEvents, skewSamples, traceThread");
    }

    @Test
    void aReturnDelayPatternCountsReadsFromOneAndCannotBeNegative() {
        assertThat(errors("""
                duration: 1s
                machine:
                  hpet: {returnDelay: {delay: -1ms, every: 0, first: 0}}
                """)).containsExactly(
                "x.yaml:3: machine.hpet.returnDelay.delay: expected a duration >= 0, got '-1ms'",
                "x.yaml:3: machine.hpet.returnDelay.every: expected an integer >= 1, got 0",
                "x.yaml:3: machine.hpet.returnDelay.first: expected an integer >= 1, got 0");
    }

    @Test
    void perSocketListMustHaveOneEntryPerSocket() {
        assertThat(errors("""
                duration: 1s
                machine:
                  sockets: 2
                  tsc:
                    socketOffset: [0ns, 1us, 2us]
                    socketDrift: [1ppm]
                """)).containsExactly(
                "x.yaml:5: machine.tsc.socketOffset: expected 2 entries (one per socket, machine.sockets = 2), got 3",
                "x.yaml:6: machine.tsc.socketDrift: expected 2 entries (one per socket, machine.sockets = 2), got 1");
    }

    @Test
    void badListEntriesAreReportedWithTheirIndex() {
        assertThat(errors("""
                duration: 1s
                machine:
                  sockets: 3
                  tsc:
                    socketOffset:
                      - 0ns
                      - 1us
                      - 2 parsecs
                """)).containsExactly("x.yaml:8: machine.tsc.socketOffset[2]: "
                + "expected an offset such as 2us, -500ns, 5000cycles; got '2 parsecs'");
    }

    @Test
    void durationsNeedAUnitAndMustBePositiveWhereSaid() {
        assertThat(errors("duration: 200 parsecs\n"))
                .containsExactly("x.yaml:1: duration: expected a duration such as 200ms, 3us, 1s; got '200 parsecs'");
        assertThat(errors("duration: 200\n"))
                .containsExactly("x.yaml:1: duration: expected a duration such as 200ms, 3us, 1s; got '200'");
        assertThat(errors("duration: 0\n")).containsExactly("x.yaml:1: duration: expected a duration > 0, got '0'");
        assertThat(errors("duration: 1s\nmachine: {tsc: {wanderInterval: 0ns}}\n"))
                .containsExactly("x.yaml:2: machine.tsc.wanderInterval: expected a duration > 0, got '0ns'");
    }

    @Test
    void durationIsRequired() {
        assertThat(errors("seed: 3\n")).containsExactly(
                "x.yaml:1: duration: required; expected a duration > 0 such as 200ms");
        assertThat(errors("")).containsExactly("x.yaml:1: duration: required; expected a duration > 0 such as 200ms");
    }

    @Test
    void integersHaveLowerBounds() {
        assertThat(errors("""
                duration: 1s
                machine: {sockets: 0, coresPerSocket: -1}
                workload:
                  threads: 0
                output: {maxBackwardEvents: -1, skewSamples: 1}
                seed: many
                """)).containsExactly(
                "x.yaml:2: machine.sockets: expected an integer >= 1, got 0",
                "x.yaml:2: machine.coresPerSocket: expected an integer >= 1, got -1",
                "x.yaml:4: workload.threads: expected an integer >= 1, got 0",
                "x.yaml:5: output.maxBackwardEvents: expected an integer >= 0, got -1",
                "x.yaml:5: output.skewSamples: expected an integer >= 2, got 1",
                "x.yaml:6: seed: expected an integer, got many");
    }

    @Test
    void theTraceThreadIsAutoOrOneOfTheThreads() {
        assertThat(errors("duration: 1s\nworkload: {threads: 2}\noutput: {traceThread: 2}\n")).containsExactly(
                "x.yaml:3: output.traceThread: expected auto or a thread index in [0, 1], got 2");
        assertThat(errors("duration: 1s\noutput: {traceThread: first}\n")).containsExactly(
                "x.yaml:2: output.traceThread: expected auto or a thread index in [0, 0], got first");
    }

    @Test
    void ppmValuesAreCheckedForSanity() {
        assertThat(errors("""
                duration: 1s
                machine:
                  tsc: {drift: 2000000ppm, wander: -1ppm, socketDrift: [0]}
                workload: {calibrationError: 30}
                """)).containsExactly(
                "x.yaml:3: machine.tsc.drift: expected ppm within ±1000000ppm, got '2000000ppm'",
                "x.yaml:3: machine.tsc.socketDrift[0]: expected parts per million such as 30ppm, -12.5ppm; got '0'",
                "x.yaml:3: machine.tsc.wander: expected ppm >= 0, got '-1ppm'",
                "x.yaml:4: workload.calibrationError: expected parts per million such as 30ppm, -12.5ppm; got '30'");
    }

    @Test
    void frequencyMustBeAFrequency() {
        assertThat(errors("duration: 1s\nmachine: {tsc: {frequency: 2.4}}\n")).containsExactly(
                "x.yaml:2: machine.tsc.frequency: expected a frequency such as 2.4GHz, 100MHz; got '2.4'");
    }

    @Test
    void unknownSourceListsTheKnownOnes() {
        assertThat(errors("""
                duration: 1s
                workload:
                  sources: [rdtsc, vdso-foo]
                """)).containsExactly(
                "x.yaml:3: workload.sources[1]: unknown source 'vdso-foo'; expected one of "
                + "rdtsc, rdtscp, vdso-clock_gettime, vdso-gettimeofday, vdso-time, vdso-clock_gettime-coarse, vsyscall-gettimeofday, vsyscall-time, syscall-clock_gettime, syscall-gettimeofday, getcpu");
    }

    @Test
    void sourcesMustBeDistinctAndNotEmpty() {
        assertThat(errors("duration: 1s\nworkload: {sources: [rdtsc, rdtscp, rdtsc]}\n")).containsExactly(
                "x.yaml:2: workload.sources[2]: duplicate source 'rdtsc'");
        assertThat(errors("duration: 1s\nworkload: {sources: []}\n")).containsExactly(
                "x.yaml:2: workload.sources: expected at least one source, such as [rdtsc]");
        assertThat(errors("duration: 1s\nworkload: {sources: rdtsc}\n")).containsExactly(
                "x.yaml:2: workload.sources: expected a list such as [a, b], got rdtsc");
    }

    @Test
    void unknownEnumValuesListTheAllowedOnes() {
        assertThat(errors("""
                duration: 1s
                workload: {pattern: gossip, handoffOrder: fifo}
                scheduler:
                  migration: {policy: pingpong}
                """)).containsExactly(
                "x.yaml:2: workload.pattern: unknown pattern 'gossip'; expected one of independent, lock-handoff",
                "x.yaml:2: workload.handoffOrder: unknown hand-off order 'fifo'; expected one of round-robin, random",
                "x.yaml:4: scheduler.migration.policy: unknown migration policy 'pingpong'; "
                        + "expected one of none, poisson, periodic, ping-pong, all-pairs; did you mean 'ping-pong'?");
    }

    @Test
    void lockHandoffNeedsTwoThreads() {
        assertThat(errors("duration: 1s\nworkload:\n  pattern: lock-handoff\n")).containsExactly(
                "x.yaml:3: workload.pattern: lock-handoff needs at least 2 threads (workload.threads = 1)");
    }

    @Test
    void sourceSettingsMustBeForAListedKnownSource() {
        assertThat(errors("""
                duration: 1s
                sources:
                  rdtscp: {latency: 25ns}
                  vdso-foo: {latency: 1ns}
                  rdtsc: {latncy: 1ns}
                """)).containsExactly(
                "x.yaml:3: sources.rdtscp: configured but not listed in workload.sources [rdtsc]",
                "x.yaml:4: sources.vdso-foo: unknown source 'vdso-foo'; expected one of "
                + "rdtsc, rdtscp, vdso-clock_gettime, vdso-gettimeofday, vdso-time, vdso-clock_gettime-coarse, vsyscall-gettimeofday, vsyscall-time, syscall-clock_gettime, syscall-gettimeofday, getcpu",
                "x.yaml:5: sources.rdtsc.latncy: unknown key; did you mean 'latency'?");
    }

    @Test
    void placementIsRoundRobinOrOneValidCorePerThread() {
        assertThat(errors("duration: 1s\nscheduler: {placement: random}\n")).containsExactly(
                "x.yaml:2: scheduler.placement: expected round-robin or a list of core indices, one per thread, "
                        + "got 'random'");
        assertThat(errors("duration: 1s\nworkload: {threads: 2}\nscheduler: {placement: [0]}\n")).containsExactly(
                "x.yaml:3: scheduler.placement: expected 2 entries (one per thread, workload.threads = 2), got 1");
        assertThat(errors("duration: 1s\nworkload: {threads: 2}\nscheduler: {placement: [1, 2]}\n")).containsExactly(
                "x.yaml:3: scheduler.placement[1]: expected a core index in [0, 2), got 2");
    }

    @Test
    void dependentChecksAreSkippedWhenWhatTheyDependOnIsInvalid() {
        assertThat(errors("""
                duration: 1s
                machine: {sockets: 0, tsc: {socketOffset: [0ns, 1us]}}
                workload: {threads: x}
                scheduler: {placement: [7]}
                """)).containsExactly(
                "x.yaml:2: machine.sockets: expected an integer >= 1, got 0",
                "x.yaml:3: workload.threads: expected an integer >= 1, got x");
    }

    @Test
    void migrationSettingsAreRequiredForTheirPolicyOnly() {
        assertThat(errors("""
                duration: 1s
                scheduler:
                  migration:
                    policy: poisson
                    interval: 1ms
                    cores: [0, 1]
                """)).containsExactly(
                "x.yaml:4: scheduler.migration.rate: required; expected a rate > 0 such as 2000/s, 2/ms",
                "x.yaml:5: scheduler.migration.interval: only applies to policies periodic, ping-pong, all-pairs",
                "x.yaml:6: scheduler.migration.cores: only applies to policy ping-pong");
        assertThat(errors("duration: 1s\nscheduler: {migration: {policy: periodic, rate: 5/ms}}\n")).containsExactly(
                "x.yaml:2: scheduler.migration.rate: only applies to policy poisson",
                "x.yaml:2: scheduler.migration.interval: required; expected a duration > 0 such as 200ms");
        assertThat(errors("duration: 1s\nscheduler: {migration: {policy: ping-pong, interval: 1ms}}\n"))
                .containsExactly("x.yaml:2: scheduler.migration.cores: required; expected two core indices such as [0, 2]");
    }

    @Test
    void pingPongNeedsTwoDistinctValidCores() {
        String config = "duration: 1s\nscheduler: {migration: {policy: ping-pong, interval: 1ms, cores: %s}}\n";
        assertThat(errors(config.formatted("[1, 1]"))).containsExactly(
                "x.yaml:2: scheduler.migration.cores: expected two different cores, got core 1 twice");
        assertThat(errors(config.formatted("[0, 2]"))).containsExactly(
                "x.yaml:2: scheduler.migration.cores[1]: expected a core index in [0, 2), got 2");
        assertThat(errors(config.formatted("[0]"))).containsExactly(
                "x.yaml:2: scheduler.migration.cores: expected 2 entries (the two cores to alternate between), got 1");
    }

    @Test
    void poissonAndPeriodicMigrationNeedTwoCores() {
        assertThat(errors("""
                duration: 1s
                machine: {coresPerSocket: 1}
                scheduler: {migration: {policy: poisson, rate: 1000/s}}
                """)).containsExactly(
                "x.yaml:3: scheduler.migration.policy: policy poisson needs at least 2 cores; the machine has 1");
    }

    @Test
    void aSectionMustBeAMapping() {
        assertThat(errors("duration: 1s\nmachine: [1, 2]\n")).containsExactly("x.yaml:2: machine: expected a mapping "
                + "with keys sockets, coresPerSocket, tsc, hpet, acpiPm, events, hypervisor (a mapping of keys to values), got a list");
        assertThat(errors("- 1\n- 2\n")).containsExactly(
                "x.yaml:1: expected the config (a mapping of keys to values), got a list");
    }

    @Test
    void theNameMustBeUsableAsADirectory() {
        assertThat(errors("name: a/b\nduration: 1s\n")).containsExactly("x.yaml:1: name: expected a name usable as "
                + "one directory name: 1 to 100 letters, digits, '.', '_' or '-', starting with a letter, digit or '_', "
                + "got 'a/b'");
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThat(errors("duration: 1s\nseed: 1\nseed: 2\n")).containsExactly("x.yaml:3: seed: duplicate key");
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        assertThat(errors("duration: 1s\nmachine:\n  sockets: [1, 2\n")).containsExactly(
                "x.yaml:4: malformed YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>");
        assertThat(errors("duration: 1s\n  bad: indent\n")).singleElement().asString()
                .startsWith("x.yaml:2: malformed YAML: ");
    }

    @Test
    void everyErrorOfAFileIsReportedInLineOrder() {
        assertThat(errors("""
                duration: 200 parsecs
                machine:
                  sockets: 2
                  tsc:
                    frequncy: 2GHz
                    socketOffset: [0ns, 1us, 2us]
                workload:
                  threads: 0
                  sources: [rdtsc, vdso-foo]
                """)).containsExactly(
                "x.yaml:1: duration: expected a duration such as 200ms, 3us, 1s; got '200 parsecs'",
                "x.yaml:5: machine.tsc.frequncy: unknown key; did you mean 'frequency'?",
                "x.yaml:6: machine.tsc.socketOffset: expected 2 entries (one per socket, machine.sockets = 2), got 3",
                "x.yaml:8: workload.threads: expected an integer >= 1, got 0",
                "x.yaml:9: workload.sources[1]: unknown source 'vdso-foo'; expected one of "
                + "rdtsc, rdtscp, vdso-clock_gettime, vdso-gettimeofday, vdso-time, vdso-clock_gettime-coarse, vsyscall-gettimeofday, vsyscall-time, syscall-clock_gettime, syscall-gettimeofday, getcpu");
    }
}
