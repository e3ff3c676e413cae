package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-latency sources with zero think time (and zero hand-off latency) used to hang: simulated
 * time never advanced. A call now takes at least a picosecond (docs/MODEL.md). The timeout only
 * guards against a hang; it is not a performance assertion.
 */
class TimeAdvancesTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private JsonNode run(String yaml) throws IOException {
        Path config = tmp.resolve("zero.yaml");
        Files.writeString(config, yaml);
        Path out = tmp.resolve("out");
        Cli cli = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run("run", config, "--out", out));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return JSON.readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void zeroLatencyZeroThinkIndependentLoopFinishesAtOneReadPerPicosecond() throws IOException {
        JsonNode summary = run("""
                duration: 1ns
                sources: {rdtsc: {latency: 0ns}}
                """);
        // one thread, one call per picosecond from t = 0 to 999 ps
        assertThat(summary.get("sources").get("rdtsc").get("reads").asLong()).isEqualTo(1000);
    }

    @Test
    void zeroLatencyZeroHandoffLockHandoffFinishes() throws IOException {
        JsonNode summary = run("""
                duration: 1ns
                workload: {threads: 2, pattern: lock-handoff, handoffLatency: 0ns}
                sources: {rdtsc: {latency: 0ns}}
                """);
        assertThat(summary.get("sources").get("rdtsc").get("reads").asLong()).isEqualTo(1000);
    }

    @Test
    void checkOfAZeroLatencyLoopFinishes() throws IOException {
        Path config = tmp.resolve("zero.yaml");
        Files.writeString(config, """
                duration: 1ns
                sources: {rdtsc: {latency: 0ns}}
                expect:
                  rdtsc: {reads: ">= 1"}
                """);
        Cli cli = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run("check", config));
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    }
}
