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

    /** The run's identity and, when the rows are a sample, of how many events. */
    private static String identity(RunResults results) {
        long rows = results.sources().stream().mapToLong(s -> s.events().size()).sum();
        long total = results.sources().stream().mapToLong(SourceResult::eventsTotal).sum();
        return RunWriter.identity(results) + (rows < total ? "; a uniform sample of " + rows + " of " + total
                + " backward events (at most " + results.experiment().output().maxBackwardEvents() + " per source)"
                : "");
    }

    static void write(RunResults results, Path dir) throws IOException {
        try (CsvFile csv = new CsvFile(dir.resolve(FILE), identity(results), "timeNs", "source", "kind", "thread", "previousThread",
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
