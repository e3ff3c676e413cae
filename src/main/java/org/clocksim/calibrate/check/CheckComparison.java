package org.clocksim.calibrate.check;

import java.util.Optional;

/** One check on the host and the same check simulated on the host experiment (empty: not simulated). */
public record CheckComparison(HostCheck check, HostCheck.Outcome host, Optional<HostCheck.Outcome> simulated) {
    /** Both sides have a verdict to compare. */
    public boolean comparable() {
        return simulated.isPresent() && host.measured();
    }

    /** The simulation predicts the host's verdict. */
    public boolean agree() {
        return comparable() && simulated.get().passed() == host.passed();
    }
}
