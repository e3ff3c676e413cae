package org.clocksim.run;

/** Told, from any worker thread, how much simulated time a pass has just covered. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = donePs -> { };

    void advanced(long donePs);
}
