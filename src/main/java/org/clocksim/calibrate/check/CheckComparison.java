package org.clocksim.calibrate.check;

import java.util.Optional;

/** One check on the host and the same check simulated on the host experiment (empty: not simulated). */
public record CheckComparison(HostCheck check, HostCheck.Outcome host, Optional<HostCheck.Outcome> simulated) {
    /** The simulation predicts the host's verdict. */
    public boolean agree() {
        return simulated.isPresent() && simulated.get().passed() == host.passed();
    }
}
