package org.clocksim.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.clocksim.calibrate.facts.SystemFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --cpus against what the system says of each CPU: absent, offline, outside the affinity, beyond the probe's limit. */
class CpuChoiceTest {
    @TempDir
    Path root;

    private SystemFiles files(String present, String online, String allowed) throws IOException {
        write(CpuChoice.PRESENT, present);
        write(CpuChoice.ONLINE, online);
        write(CpuChoice.STATUS, "Name:\tjava\nCpus_allowed:\tf\nCpus_allowed_list:\t" + allowed + "\nMems_allowed:\t1\n");
        return new SystemFiles(root);
    }

    private void write(String absolute, String text) throws IOException {
        Path file = root.resolve(absolute.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n");
    }

    @Test
    void eachCpuThatCannotRunTheProbeIsNotMeasuredWithWhy() throws IOException {
        CpuChoice choice = CpuChoice.of(List.of(0, 1, 2, 3, 7), files("0-3", "0-1,3", "0-2"));
        assertThat(choice.measured()).containsExactly(0, 1);
        assertThat(choice.notMeasured()).containsOnlyKeys(2, 3, 7);
        assertThat(choice.notMeasured().get(2)).startsWith("offline").contains("0-1,3");
        assertThat(choice.notMeasured().get(3)).startsWith("outside this process's CPU affinity").contains("0-2");
        assertThat(choice.notMeasured().get(7)).startsWith("absent").contains("0-3");
        assertThat(choice.notMeasuredText()).isEqualTo("2 (offline: the online CPUs are 0-1,3); 3 (outside this "
                + "process's CPU affinity (Cpus_allowed_list 0-2)); 7 (absent: this machine's CPUs are 0-3)");
    }

    @Test
    void everyCpuIsMeasurableWhenTheFilesCannotBeRead() {
        CpuChoice choice = CpuChoice.of(List.of(0, 5), new SystemFiles(root.resolve("nothing")));
        assertThat(choice.measured()).containsExactly(0, 5);
        assertThat(choice.notMeasured()).isEmpty();
        assertThat(choice.notMeasuredText()).isEmpty();
    }

    @Test
    void aMalformedListExcludesNothing() throws IOException {
        CpuChoice choice = CpuChoice.of(List.of(0, 1), files("", "garbage", "0-1"));
        assertThat(choice.measured()).containsExactly(0, 1);
    }

    @Test
    void atMostTheProbesLimitIsMeasured() throws IOException {
        List<Integer> all = IntStream.range(0, CpuChoice.MAX_MEASURED + 6).boxed().toList();
        CpuChoice choice = CpuChoice.of(all, files("0-127", "0-127", "0-127"));
        assertThat(choice.measured()).hasSize(CpuChoice.MAX_MEASURED).startsWith(0).endsWith(CpuChoice.MAX_MEASURED - 1);
        assertThat(choice.notMeasured()).hasSize(6).allSatisfy((cpu, why) -> assertThat(why).contains("first 64"));
    }
}
