package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.clocksim.source.SourceId;
import org.junit.jupiter.api.Test;

class ListCommandTest {
    @Test
    void listsEverySourceWithItsPresetMedians() {
        Cli cli = Cli.run("list", "sources");
        assertThat(cli.exitCode()).isZero();
        for (SourceId id : SourceId.values()) {
            assertThat(cli.out()).contains(id.id());
        }
        assertThat(cli.out()).containsPattern("syscall-clock_gettime .* 324.0 ns +90.0 ns +200.0 ns");
        // the vDSO of 2009 (2.6.32) had clock_gettime but no time()
        assertThat(cli.out()).containsPattern("vdso-clock_gettime .* 32.0 ns +32.0 ns +45.0 ns");
        assertThat(cli.out()).containsPattern("vdso-time .* 9.9 ns +9.9 ns +-");
    }

    @Test
    void listsTheShippedExperimentsWithTheirDescriptions() {
        Cli cli = Cli.run("list", "experiments");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("quickstart").contains("A migrating thread sees rdtsc go backwards")
                .doesNotContain("invalid");
    }

    @Test
    void listsTheModelledKernelReleasesWithWhatChangesAndTheCommit() {
        Cli cli = Cli.run("list", "kernels");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("kernel.version: 2.6.32 to 6.18 (default 6.18)")
                .containsPattern("(?s)\n5\\.14\n  watchdog margin .*200 us.*2e27e793e280")
                .containsPattern("(?s)\n6\\.3\n  watchdog margin .*500 us")
                .contains("b50db7095fe0").contains("arch/x86/kernel/tsc.c")
                .containsPattern("(?s)\n4\\.19\n.*NTP frequency change \\(adjtimex\\) +at once.*c2cda2a5bda9")
                .containsPattern("(?s)\n6\\.15\n  coarse clocks' nanoseconds +coarse_nsec.*b71f9804f66c")
                .containsPattern("(?s)\n3\\.6\n  tick shorter than one interval +returns early")
                .containsPattern("(?s)\n4\\.7\n  HPET read in user mode .*1ed95e52d902.*4\\.4\\.190")
                .containsPattern("(?s)\n5\\.3\n.*clock ids the vDSO reads +and CLOCK_BOOTTIME.*7ac870747988")
                .containsPattern("(?s)\n3\\.10\n  clock ids +CLOCK_TAI");
    }

    @Test
    void anUnknownListIsAnError() {
        Cli cli = Cli.run("list", "colours");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("expected sources, kernels or experiments");
    }
}
