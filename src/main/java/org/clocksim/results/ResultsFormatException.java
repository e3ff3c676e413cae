package org.clocksim.results;

import java.io.IOException;

/**
 * A results file clocksim cannot read as what it should be: not JSON, not the file's layout, or a
 * format version this clocksim does not read. The message names the file and what to do; the
 * command line makes it exit 2, like any input the user can fix.
 */
public final class ResultsFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ResultsFormatException(String message) {
        super(message);
    }
}
