package org.clocksim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clocksim.report.CsvFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's comment line at the top of every CSV, and the reader skipping it. */
class CsvFileTest {
    @TempDir
    Path tmp;

    private record Row(String name, double value) {
    }

    @Test
    void theIdentityLineComesFirstAndTheReaderSkipsItAndKeepsFieldsStartingWithAHash() throws IOException {
        Path file = tmp.resolve("x.csv");
        try (CsvFile csv = new CsvFile(file, CsvFile.identity("quickstart", 42, 3), "name", "value")) {
            csv.row("#1, the first", 1.5);
            csv.row("plain", -2);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("# experiment quickstart, seed 42, replication 3");
        assertThat(lines.get(1)).isEqualTo("name,value");
        assertThat(lines.get(2)).startsWith("\"#1, the first\"");
        assertThat(Csv.read(file, r -> new Row(r.text("name"), r.number("value"))))
                .containsExactly(new Row("#1, the first", 1.5), new Row("plain", -2));
    }

    @Test
    void aFileWithoutTheLineReadsTheSame() throws IOException {
        Path file = tmp.resolve("old.csv");
        Files.writeString(file, "name,value\nplain,4\n");
        assertThat(Csv.read(file, r -> new Row(r.text("name"), r.number("value")))).containsExactly(new Row("plain", 4));
    }
}
