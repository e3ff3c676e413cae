package org.clocksim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.clocksim.observe.SourceResult;
import org.clocksim.observe.TracedRead;
import org.clocksim.run.RunResults;

/**
 * read-trace.csv: for each source and thread, the reads around the thread's first backward event
 * (what the read-trace chart draws).
 */
final class ReadTraceCsv {
    static final String FILE = "read-trace.csv";

    private ReadTraceCsv() {
    }

    static void write(RunResults results, Path dir) throws IOException {
        try (CsvFile csv = new CsvFile(dir.resolve(FILE), RunWriter.identity(results), "source", "thread", "timeNs", "readingNs", "errorNs", "core",
                "migrated", "backward", "handedBackNs", "handedBy")) {
            for (SourceResult source : results.sources()) {
                List<List<TracedRead>> traces = source.traces();
                for (int thread = 0; thread < traces.size(); thread++) {
                    for (TracedRead r : traces.get(thread)) {
                        csv.row(source.source().id(), thread, Numbers.nsOfPs(r.timePs()), Numbers.text(r.readingNs()),
                                Numbers.text(r.errorNs()), r.core(), r.migrated() ? 1 : 0, r.backward() ? 1 : 0,
                                Numbers.text(r.handedBackNs()), r.handedBy());
                    }
                }
            }
        }
    }
}
