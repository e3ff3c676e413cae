package org.clocksim.calibrate.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.clocksim.kernel.VsyscallMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each parser against fixture copies of the system files of a few kinds of machines. */
class HostFactsTest {
    @TempDir
    java.nio.file.Path empty;

    /** kind, release, sockets, cores, cpus, SMT, VM, current clocksource, has hpet, vsyscall mode. */
    static Stream<Arguments> machines() {
        return Stream.of(
                Arguments.of("kvm-guest", "6.18.44-fc-v1045", 1, 2, 2, false, true, "tsc", false, VsyscallMode.XONLY),
                Arguments.of("bare-metal-2socket-smt", "5.15.0-91-generic", 2, 8, 16, true, false, "tsc", true,
                        VsyscallMode.EMULATE),
                Arguments.of("no-hpet", "6.8.0-45-generic", 1, 4, 4, false, false, "tsc", false, VsyscallMode.NONE),
                Arguments.of("smt", "6.1.0-18-amd64", 1, 2, 4, true, false, "tsc", true, VsyscallMode.XONLY));
    }

    @ParameterizedTest
    @MethodSource("machines")
    void readsEachKindOfMachine(String kind, String release, int sockets, int cores, int cpus, boolean smt, boolean vm,
                                String clocksource, boolean hpet, VsyscallMode vsyscall) throws IOException {
        SystemFiles files = Fixtures.of(kind);
        HostFacts facts = HostFacts.read(files);
        assertThat(facts.kernel().release()).isEqualTo(release);
        assertThat(facts.topology().sockets()).isEqualTo(sockets);
        assertThat(facts.topology().cores()).isEqualTo(cores);
        assertThat(facts.topology().cpus()).hasSize(cpus);
        assertThat(facts.cpu().logicalCpus()).isEqualTo(cpus);
        assertThat(facts.topology().smt()).isEqualTo(smt);
        assertThat(facts.topology().cpusPerSocket()).isEqualTo(cpus / sockets);
        assertThat(facts.cpu().virtualMachine()).isEqualTo(vm);
        assertThat(facts.cpu().invariantTsc()).isTrue();
        assertThat(facts.clocksources().current()).isEqualTo(clocksource);
        assertThat(facts.clocksources().has("hpet")).isEqualTo(hpet);
        assertThat(facts.mitigations().byVulnerability()).isNotEmpty();
        assertThat(VsyscallMapping.parse(Files.readString(files.path("/maps-vsyscall.txt")))).isEqualTo(vsyscall);
    }

    @Test
    void theKvmGuestIsThisDevelopmentHost() {
        HostFacts facts = HostFacts.read(Fixtures.of("kvm-guest"));
        assertThat(facts.clocksources().available()).containsExactly("tsc", "kvm-clock");
        assertThat(facts.cpu().flags()).contains("constant_tsc", "nonstop_tsc", "tsc_adjust", "tsc_known_freq",
                "rdtscp", "hypervisor");
        assertThat(facts.cpu().mhz()).hasValueCloseTo(2600.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(facts.mitigations().vulnerable()).isEqualTo(2);
        assertThat(facts.mitigations().mitigated()).isEqualTo(3);
    }

    @Test
    void bareMetalSmtSiblingsShareACoreAcrossTheNumbering() {
        CpuTopology topology = CpuTopology.read(Fixtures.of("bare-metal-2socket-smt"));
        assertThat(topology.threadsPerCore()).isEqualTo(2);
        assertThat(topology.cpusBySocket().get(0)).containsExactly(0, 1, 2, 3, 8, 9, 10, 11);
        assertThat(topology.cpusBySocket().get(1)).containsExactly(4, 5, 6, 7, 12, 13, 14, 15);
    }

    @Test
    void withoutHpetOnlyAcpiPmRemainsAsFallback() {
        Clocksources clocksources = Clocksources.read(Fixtures.of("no-hpet"));
        assertThat(clocksources.available()).containsExactly("tsc", "acpi_pm");
        assertThat(clocksources.has("acpi_pm")).isTrue();
    }

    @Test
    void flagsAreTheFirstCpusAndMissingOnesAreAbsent() {
        CpuInfo cpu = CpuInfo.read(Fixtures.of("bare-metal-2socket-smt"));
        assertThat(cpu.has("tsc_known_freq")).isFalse();
        assertThat(cpu.has("hypervisor")).isFalse();
        assertThat(cpu.model()).startsWith("Intel(R) Xeon(R) Gold");
    }

    @Test
    void anEmptyRootReadsAsUnknownNotAnError() {
        HostFacts facts = HostFacts.read(new SystemFiles(empty));
        assertThat(facts.kernel().release()).isEqualTo("unknown");
        assertThat(facts.topology().cpus()).isEmpty();
        assertThat(facts.clocksources().available()).isEmpty();
        assertThat(facts.cpu().flags()).isEmpty();
        assertThat(facts.mitigations().byVulnerability()).isEmpty();
    }

    @Test
    void vsyscallModeFollowsThePermissions() {
        assertThat(VsyscallMapping.parse("ffffffffff600000-ffffffffff601000 r-xp 00000000 00:00 0   [vsyscall]"))
                .isEqualTo(VsyscallMode.EMULATE);
        assertThat(VsyscallMapping.parse("ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0   [vsyscall]"))
                .isEqualTo(VsyscallMode.XONLY);
        assertThat(VsyscallMapping.parse(String.join("\n", List.of("7f00-7f01 r-xp 0 00:00 0 [vdso]", ""))))
                .isEqualTo(VsyscallMode.NONE);
    }
}
