package org.clocksim.calibrate.facts;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The fixture copies of /proc and /sys under src/test/resources/calibrate/KIND/. */
final class Fixtures {
    private Fixtures() {
    }

    static SystemFiles of(String kind) {
        try {
            return new SystemFiles(Path.of(Fixtures.class.getResource("/calibrate/" + kind).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
