package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.config.Configs.errors;
import static org.clocksim.config.Configs.load;

import org.clocksim.kernel.KernelVersion;
import org.clocksim.kernel.VsyscallMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code kernel.version}: its default, the era-dependent defaults it selects, and what no release had. */
class KernelVersionConfigTest {
    @Test
    void theDefaultIsTheNewestModelledReleaseAnd2632ForTheLegacyPreset() {
        assertThat(load("duration: 1s\n").kernel().version()).isEqualTo(KernelVersion.parse("6.18"));
        assertThat(load("duration: 1s\nlatency: legacy-2009\nworkload: {sources: [rdtsc]}\n").kernel().version())
                .isEqualTo(KernelVersion.parse("2.6.32"));
    }

    @ParameterizedTest(name = "{0}: vsyscall {1}")
    @CsvSource({"2.6.32, NATIVE", "4.19, EMULATE", "5.10, XONLY", "6.18, XONLY"})
    void theVsyscallDefaultIsTheReleases(String version, VsyscallMode mode) {
        assertThat(load("duration: 1s\nkernel: {version: \"" + version + "\"}\n").kernel().vsyscall()).isEqualTo(mode);
    }

    @Test
    void aVsyscallModeNoReleaseHadIsRefusedWithTheReleaseAndTheCommit() {
        assertThat(errors("duration: 1s\nkernel: {version: \"6.18\", vsyscall: native}\n")).singleElement().asString()
                .contains("kernel.vsyscall: vsyscall: native contradicts kernel.version: 6.18")
                .contains("since 4.17").contains("076ca272a14c");
        assertThat(errors("duration: 1s\nkernel: {version: \"5.2\", vsyscall: xonly}\n")).singleElement().asString()
                .contains("appeared in 5.3");
        assertThat(load("duration: 1s\nkernel: {version: \"3.0\", vsyscall: native}\n").kernel().vsyscall())
                .isEqualTo(VsyscallMode.NATIVE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"7.0 | clocksim models releases 2.6.32 to 6.18, got 7.0",
        "2.6.31 | clocksim models releases 2.6.32 to 6.18, got 2.6.31", "six | expected a kernel release such as 6.18"})
    void aReleaseOutsideTheModelledOnesIsRefused(String version, String message) {
        assertThat(errors("duration: 1s\nkernel: {version: \"" + version + "\"}\n")).singleElement().asString()
                .contains("kernel.version").contains(message);
    }

    @Test
    void aStableUpdateOfTheNewestReleaseIsAccepted() {
        assertThat(load("duration: 1s\nkernel: {version: \"6.18.3\"}\n").kernel().version().toString()).isEqualTo("6.18.3");
    }
    @Test
    void aReleaseBeforeTheClampIsRefusedWithThatReason() {
        assertThat(errors("duration: 1s\nkernel: {version: \"2.6.24\"}\n")).singleElement().asString()
                .contains("d8bb6f4c1670").contains("cycle_last");
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({"2.6.38, boottime, 2.6.39", "3.9, tai, 3.10"})
    void aClockIdBeforeItsReleaseIsRefusedNamingTheKeyAndTheRelease(String version, String clock, String release) {
        String yaml = "duration: 1s\nkernel: {version: \"" + version + "\"}\nworkload: {sources: [syscall-clock_gettime]}\n"
                + "sources:\n  syscall-clock_gettime: {clock: " + clock + "}\n";
        assertThat(errors(yaml)).singleElement().asString().contains("sources.syscall-clock_gettime.clock")
                .contains("contradicts kernel.version: " + version).contains("appeared in " + release);
        assertThat(load(yaml.replace(version, release)).sources()).isNotEmpty();
    }

    @Test
    void theTaiOffsetDefaultsToThirtySevenSeconds() {
        assertThat(load("duration: 1s\n").kernel().taiOffsetNs()).isEqualTo(37_000_000_000L);
        assertThat(load("duration: 1s\nkernel: {taiOffset: 36s}\n").kernel().taiOffsetNs()).isEqualTo(36_000_000_000L);
    }

    @Test
    void theLegacyPresetHasTheVdsoOf2009ButNoVdsoTime() {
        assertThat(load("duration: 1s\nlatency: legacy-2009\nworkload: {sources: [vdso-clock_gettime, vdso-gettimeofday]}\n")
                .sources()).hasSize(2);
        assertThat(errors("duration: 1s\nlatency: legacy-2009\nworkload: {sources: [vdso-time]}\n")).singleElement()
                .asString().contains("vdso-time did not exist in legacy-2009");
    }
}
