package org.clocksim.calibrate.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clocksim.calibrate.check.HostCheck;
import org.clocksim.calibrate.facts.HostFacts;
import org.clocksim.calibrate.facts.SystemFiles;
import org.clocksim.calibrate.probe.ProbeMeasurements;
import org.clocksim.config.ConfigException;
import org.clocksim.config.ExperimentLoader;
import org.clocksim.kernel.ClocksourceId;
import org.clocksim.kernel.VsyscallMode;
import org.clocksim.experiment.Experiment;
import org.clocksim.source.SourceId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * host.yaml from fixture facts and a recorded probe output (this development host's): it validates as
 * it is, and each check's variant too; what the host lacks is said in a comment.
 */
class HostProfileTest {
    private static Path resource(String name) {
        try {
            return Path.of(HostProfileTest.class.getResource("/calibrate/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProbeMeasurements probe() throws IOException {
        return ProbeMeasurements.parse(Files.readString(resource("probe-kvm-guest.json")));
    }

    private static HostProfile profile(String kind) throws IOException {
        return HostProfile.of(HostFacts.read(new SystemFiles(resource(kind))), probe(), "fixture");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kvm-guest", "bare-metal-2socket-smt", "no-hpet", "smt"})
    void hostYamlAndEveryCheckVariantValidate(String kind) throws IOException, ConfigException {
        HostProfile host = profile(kind);
        Experiment experiment = ExperimentLoader.parse(HostYaml.render(host, "calibration-" + kind), "host.yaml", List.of());
        assertThat(experiment.workload().sources()).containsExactlyElementsOf(host.sources());
        assertThat(experiment.machine().sockets()).isEqualTo(host.sockets());
        for (HostCheck check : HostCheck.values()) {
            var workload = check.workload(host);
            assertThat(workload).as(check.id()).isPresent();
            ExperimentLoader.parse(HostYaml.render(host, "c-" + check.id(), workload.get()), check.id(), List.of());
        }
    }

    @Test
    void theKvmGuestIsWrittenAsAKvmGuestWithKvmClockAsItsFallback() throws IOException, ConfigException {
        HostProfile host = profile("kvm-guest");
        String yaml = HostYaml.render(host, "calibration-kvm");
        assertThat(yaml).contains("# note: the host is a KVM guest").contains("  hypervisor: { kind: kvm }")
                .contains("  fallbackClocksource: kvm-clock").contains("neither hpet nor acpi_pm");
        Experiment experiment = ExperimentLoader.parse(yaml, "host.yaml", List.of());
        assertThat(experiment.machine().hypervisor().kvm()).isTrue();
        assertThat(experiment.kernel().clocksources().boot()).isEqualTo(ClocksourceId.TSC);
        assertThat(experiment.kernel().clocksources().fallback()).isEqualTo(ClocksourceId.KVM_CLOCK);
        assertThat(profile("bare-metal-2socket-smt").kvmGuest()).isFalse();
        assertThat(HostYaml.render(profile("bare-metal-2socket-smt"), "b")).doesNotContain("hypervisor");
        assertThat(host.vsyscall()).isEqualTo(VsyscallMode.XONLY);
        assertThat(host.hz()).isEqualTo(250);
        assertThat(host.tscGhz()).isBetween(2.5, 2.7);
        assertThat(host.sources()).contains(SourceId.RDTSC, SourceId.VDSO_CLOCK_GETTIME, SourceId.SYSCALL_CLOCK_GETTIME,
                SourceId.VSYSCALL_GETTIMEOFDAY);
    }

    @Test
    void theMeasuredTscIsCrossCheckedWithCpuinfo() throws IOException {
        // the probe's recording is this 2.6 GHz host; the kvm-guest fixture says 2599.998 MHz, the SMT laptop 800 MHz
        assertThat(profile("kvm-guest").notes()).noneMatch(n -> n.contains("cpuinfo says"));
        assertThat(profile("smt").notes()).anyMatch(n -> n.contains("cpuinfo says 800.071 MHz"));
    }

    @Test
    void withoutHpetTheFallbackIsAcpiPm() throws IOException, ConfigException {
        HostProfile host = profile("no-hpet");
        assertThat(host.fallbackClocksource()).isEqualTo("acpi_pm");
        Experiment experiment = ExperimentLoader.parse(HostYaml.render(host, "no-hpet"), "host.yaml", List.of());
        assertThat(experiment.kernel().clocksources().fallback()).isEqualTo(ClocksourceId.ACPI_PM);
    }

    @Test
    void twoSocketsWithSmtAreTwoSocketsOfEightCpus() throws IOException {
        HostProfile host = profile("bare-metal-2socket-smt");
        assertThat(host.sockets()).isEqualTo(2);
        assertThat(host.coresPerSocket()).isEqualTo(8);
        assertThat(host.socketOffsetCycles()).containsExactly(0.0, 0.0);
        assertThat(host.notes()).noneMatch(n -> n.contains("virtual machine"));
    }
}
