package org.clocksim.report;

import java.io.IOException;
import java.nio.file.Path;
import org.clocksim.observe.BackwardEvent;
import org.clocksim.observe.SourceResult;
import org.clocksim.run.RunResults;

/**
 * backward-events.csv: one row per kept backward event (a uniform sample of each source's events when
 * there were more than {@code output.maxBackwardEvents}; summary.json's backwardEventsCsv says how many
 * of how many), source by source, in time order.
 */
final class BackwardEventsCsv {
    static final String FILE = "backward-events.csv";

    private BackwardEventsCsv() {
    }

    static void write(RunResults results, Path dir) throws IOException {
        try (CsvFile csv = new CsvFile(dir.resolve(FILE), "timeNs", "source", "kind", "thread", "previousThread",
                "coreBefore", "coreAfter", "magnitudeNs", "cause")) {
            for (SourceResult source : results.sources()) {
                for (BackwardEvent e : source.events()) {
                    csv.row(Numbers.nsOfPs(e.timePs()), e.source().id(), e.kind().id(), e.thread(), e.previousThread(),
                            e.coreBefore(), e.coreAfter(), Numbers.text(e.magnitudeNs()), e.cause().id());
                }
            }
        }
    }
}
