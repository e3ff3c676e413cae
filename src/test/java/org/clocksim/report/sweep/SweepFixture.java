package org.clocksim.report.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sweep results fixtures in src/test/resources/sweep/: sweep.json and sweep.csv as the engine writes them. */
final class SweepFixture {
    /** One parameter (hand-off latency, 2.4 decades), 3 replications, cross-thread metrics and a closed form. */
    static final String HANDOFF = "handoff-gap";
    /** Two parameters (socket offset × migration rate), 3 replications, 3 sources. */
    static final String PHASE = "skew-vs-migration";
    /** One parameter on a linear range, one replication, no units. */
    static final String SINGLE = "single-rep";

    private SweepFixture() {
    }

    static Path source(String name) {
        return Path.of("src/test/resources/sweep", name);
    }

    static Sweep read(String name) {
        try {
            return SweepJson.read(source(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of fixture {@code name} in {@code dir}, to render into. */
    static Path copy(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String file : new String[] {"sweep.json", "sweep.csv"}) {
            Files.copy(source(name).resolve(file), dir.resolve(file));
        }
        return dir;
    }
}
