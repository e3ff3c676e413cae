package org.clocksim.report.out;

import java.io.IOException;

/**
 * A path the user gave cannot be used as asked, for a reason the user can fix (exit 2): a results
 * target clocksim will not replace, a directory that is not what the command needs. The message
 * says what is there and what to do. Nothing has been touched when it is thrown.
 */
public final class UnusablePathException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnusablePathException(String message) {
        super(message);
    }
}
