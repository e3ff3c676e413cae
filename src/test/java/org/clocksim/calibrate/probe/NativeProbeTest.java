package org.clocksim.calibrate.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the compiler, the source's hash, and exit 2 when there is no compiler. */
class NativeProbeTest {
    @TempDir
    Path tmp;

    @Test
    void theCompilerIsFoundOnThePathOnly() throws IOException {
        assertThat(NativeProbe.compiler(null, "")).isEmpty();
        assertThat(NativeProbe.compiler(null, tmp.toString())).isEmpty();
        Path gcc = Files.createFile(tmp.resolve("gcc"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(NativeProbe.compiler(null, "/nonexistent:" + tmp)).contains(gcc);
        assertThat(NativeProbe.compiler("clang-not-here", tmp.toString())).contains(gcc);
        assertThat(NativeProbe.compiler(gcc.toString(), "")).contains(gcc);
    }

    @Test
    void theCacheNameFollowsTheSource() throws IOException {
        byte[] source = NativeProbe.source();
        assertThat(new String(source, StandardCharsets.UTF_8)).contains("int main(");
        assertThat(NativeProbe.hash(source)).hasSize(16).isEqualTo(NativeProbe.hash(source.clone()))
                .isNotEqualTo(NativeProbe.hash("other".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCpuThatCannotBePinnedIsAnUnmeasuredPairNotAHang() throws Exception {
        // calibrate leaves such CPUs out (CpuChoice); one can still go offline while the probe runs
        assumeTrue(NativeProbe.unsupportedPlatform().isEmpty(), "not x86-64 Linux");
        assumeTrue(NativeProbe.compiler().isPresent(), "no C compiler");
        NativeProbe probe = NativeProbe.build(tmp.resolve("cache"));
        ProbeMeasurements measured = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> probe.run(200, List.of(0, 4000), line -> { }));
        assertThat(measured.warp()).singleElement().satisfies(pair -> {
            assertThat(pair.handoffs()).isZero();
            assertThat(pair.error()).contains("cannot run on CPU 4000");
            assertThat(pair.offsetBoundCycles()).isEmpty();
        });
        assertThat(measured.latency()).isNotEmpty();
    }

    @Test
    void aCalibrationInterruptedWhileMeasuringLeavesNoDirectoryAndNoProbe() throws Exception {
        assumeTrue(NativeProbe.unsupportedPlatform().isEmpty(), "not x86-64 Linux");
        assumeTrue(NativeProbe.compiler().isPresent(), "no C compiler");
        Path out = tmp.resolve("interrupted");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process calibrate = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.clocksim.cli.Main", "calibrate", "--duration", "20s", "--out", out.toString())
                .redirectErrorStream(true).start();
        java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(calibrate.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null && !line.contains("latency of each time source");
             line = lines.readLine()) {
            // wait until the probe measures
        }
        List<ProcessHandle> probes = calibrate.descendants().toList();
        assertThat(probes).isNotEmpty();
        // what Ctrl-C sends
        new ProcessBuilder("kill", "-INT", Long.toString(calibrate.pid())).start().waitFor();
        assertThat(calibrate.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle probe : probes) {
            probe.onExit().get(10, TimeUnit.SECONDS);
            assertThat(probe.isAlive()).isFalse();
        }
        assertThat(out).doesNotExist();
        try (var left = Files.list(tmp)) {
            // no half-written directory (.interrupted.tmp-*); the lock file may stay, its lock is released (RESULTS.md)
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("interrupted.tmp"));
        }
    }

    @Test
    void withoutACompilerCalibrateIsExitTwoSayingSo() throws IOException, InterruptedException {
        assumeTrue(NativeProbe.unsupportedPlatform().isEmpty(), "not x86-64 Linux: the platform message comes first");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.clocksim.cli.Main", "calibrate", "--duration", "1s", "--out", tmp.resolve("out").toString())
                .redirectErrorStream(true);
        builder.environment().put("PATH", "");
        builder.environment().remove("CC");
        builder.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString()); // no cached probe
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("cannot measure this machine").contains("C compiler");
        assertThat(tmp.resolve("out")).doesNotExist();
        assertThat(List.of(tmp.resolve("cache").toFile().list() == null ? new String[0] : tmp.resolve("cache").toFile().list()))
                .noneMatch(name -> name.startsWith("probe-"));
    }
}
