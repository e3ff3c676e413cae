package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.clocksim.results.ResultsJson;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the VM experiments' comments say of their variants: each fix, set on the command line, removes the
 * backward steps the experiment shows.
 */
class KvmExperimentsTest {
    @TempDir
    Path tmp;

    /**
     * km: the VMM writes the host's TSC into the new vCPU; OSv: Linux's last_value guard; nanvix: a guest TSC
     * at the advertised rate, so the host's samples land where the extrapolation is.
     */
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = ';', value = {
        "incidents/kvm-km-611-tsc-at-zero; machine.hypervisor.tscOffsets=[0s, 0s]; vdso-clock_gettime",
        "incidents/kvm-osv-164-per-vcpu-kvmclock; machine.hypervisor.pvclock.lastValueGuard=true; syscall-clock_gettime",
        "incidents/kvm-nanvix-3019-coarse-refresh; machine.tsc.drift=0ppm; vdso-clock_gettime"})
    void theFixRemovesTheBackwardSteps(String experiment, String fix, String source) throws IOException {
        Path out = tmp.resolve("fixed");
        Cli cli = Cli.run("run", "experiments/" + experiment + ".yaml", "--out", out, "--set", fix);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode summary = ResultsJson.MAPPER.readTree(out.resolve("summary.json").toFile());
        JsonNode result = summary.get("sources").get(source);
        assertThat(result.get("reads").asLong()).isPositive();
        assertThat(result.get("backwardEvents").asLong()).isZero();
        assertThat(summary.get("crossThread") == null ? 0 : summary.get("crossThread").path(source)
                .path("backwardEvents").asLong()).isZero();
    }
}
