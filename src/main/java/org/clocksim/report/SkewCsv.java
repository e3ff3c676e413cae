package org.clocksim.report;

import java.io.IOException;
import java.nio.file.Path;
import org.clocksim.observe.SkewSample;
import org.clocksim.run.RunResults;

/** skew.csv: each core's counter offset from true time and from core 0, over the run. */
final class SkewCsv {
    static final String FILE = "skew.csv";

    private SkewCsv() {
    }

    static void write(RunResults results, Path dir) throws IOException {
        try (CsvFile csv = new CsvFile(dir.resolve(FILE), RunWriter.identity(results), "timeNs", "core", "socket", "offsetNs",
                "offsetFromCore0Ns")) {
            for (SkewSample s : results.skew()) {
                csv.row(Numbers.nsOfPs(s.timePs()), s.core(), s.socket(), Numbers.text(s.offsetNs()),
                        Numbers.text(s.offsetFromCore0Ns()));
            }
        }
    }
}
