package org.clocksim.results;

import java.io.IOException;
import java.nio.file.Path;

/**
 * provenance.json, beside the results that run, sweep and merge write. Not one of the compared
 * outputs (its facts differ from machine to machine); nothing reads it back but people.
 */
public final class ProvenanceFile {
    public static final String NAME = "provenance.json";

    private ProvenanceFile() {
    }

    public static void write(Provenance provenance, Path dir) throws IOException {
        ResultsJson.MAPPER.writeValue(dir.resolve(NAME).toFile(), provenance);
    }
}
