package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ntp-flip's mult changes in summary.json and as the ntp chart; a run without them has no such chart. */
class NtpChartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path run(String experiment, String duration) {
        Path out = tmp.resolve(experiment);
        Cli cli = Cli.run("run", Path.of("experiments", experiment + ".yaml"), "--out", out, "--quiet",
                "--set", "duration=" + duration);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return out;
    }

    @Test
    void eachMultChangeIsRecordedWithItsTimeFrequencyAndMultAndDrawn() throws IOException {
        Path out = run("ntp-flip", "1100ms");
        JsonNode kernel = JSON.readTree(out.resolve("summary.json").toFile()).get("kernel");
        JsonNode changes = kernel.get("ntpChanges");
        assertThat(kernel.get("ntpMultChanges").asInt()).isEqualTo(2).isEqualTo(changes.size());
        // the flips at 501 and 1002 ms from the boot frequency of +500 ppm, applied at once (since 4.19)
        assertThat(changes.get(0).get("timeNs").asLong()).isEqualTo(501_000_000L);
        assertThat(changes.get(0).get("frequencyPpm").asDouble()).isEqualTo(-500);
        assertThat(changes.get(1).get("timeNs").asLong()).isEqualTo(1_002_000_000L);
        assertThat(changes.get(1).get("frequencyPpm").asDouble()).isEqualTo(500);
        // 1000 ppm apart: mult moves by about a thousandth
        long slow = changes.get(0).get("mult").asLong();
        long fast = changes.get(1).get("mult").asLong();
        assertThat((double) (fast - slow) / slow).isBetween(0.9e-3, 1.1e-3);
        assertThat(ImageIO.read(out.resolve("ntp.png").toFile()).getWidth()).isPositive();
        assertThat(Files.readString(out.resolve("report.md"))).contains("![ntp](ntp.png)");
    }

    @Test
    void aRunWithoutMultChangesHasNoNtpChartAndNoNtpChangesKey() throws IOException {
        Path out = run("quickstart", "20ms");
        assertThat(JSON.readTree(out.resolve("summary.json").toFile()).get("kernel").has("ntpChanges")).isFalse();
        assertThat(out.resolve("ntp.png")).doesNotExist();
        assertThat(Files.readString(out.resolve("report.md"))).doesNotContain("ntp.png");
    }
}
