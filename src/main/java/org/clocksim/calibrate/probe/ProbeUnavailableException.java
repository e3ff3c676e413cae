package org.clocksim.calibrate.probe;

/** The machine cannot be measured: not x86-64 Linux, no C compiler, or the probe does not build. */
public final class ProbeUnavailableException extends Exception {
    public ProbeUnavailableException(String message) {
        super(message);
    }
}
