package org.clocksim.results;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code formatVersion} every results file starts with, and the check a reader makes before
 * anything else: a file without one was written before versions (or is not clocksim's), an older
 * one is a layout this clocksim no longer reads, a newer one needs a newer clocksim.
 */
final class FormatVersion {
    static final String KEY = "formatVersion";

    private FormatVersion() {
    }

    /** Throws unless {@code json} (the contents of {@code file}) is an object of format version {@code current}. */
    static void check(JsonNode json, String file, int current) throws ResultsFormatException {
        if (json == null || !json.isObject()) {
            throw new ResultsFormatException(file + ": not a clocksim results file (expected a JSON object)");
        }
        JsonNode version = json.get(KEY);
        if (version == null) {
            throw new ResultsFormatException(file + ": no " + KEY + " (written by a clocksim older than format "
                    + "version 1, or not clocksim's); this clocksim reads format version " + current
                    + ": run the experiment again to rewrite it");
        }
        if (!version.isIntegralNumber()) {
            throw new ResultsFormatException(file + ": " + KEY + " " + version + " is not a whole number; "
                    + "this clocksim reads format version " + current);
        }
        int found = version.asInt();
        if (found > current) {
            throw new ResultsFormatException(file + ": format version " + found + " is newer than this clocksim reads ("
                    + current + "); use a newer clocksim");
        }
        if (found < current) {
            throw new ResultsFormatException(file + ": format version " + found + " is older than this clocksim reads ("
                    + current + "); run the experiment again with this clocksim, or read it with an older one");
        }
    }
}
