package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TieOrderOptionTest {
    @TempDir
    Path tmp;

    @Test
    void runAcceptsARandomTieOrderAndRejectsAnUnknownOne() {
        Path out = tmp.resolve("random");
        Cli cli = Cli.run("run", "experiments/two-socket-handoff.yaml", "--out", out, "--set", "duration=5ms",
                "--tie-order", "random");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(out.resolve("summary.json")).exists();
        Cli bad = Cli.run("run", "experiments/two-socket-handoff.yaml", "--out", tmp.resolve("bad"),
                "--tie-order", "sideways");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--tie-order");
        assertThat(tmp.resolve("bad")).doesNotExist();
    }
}
