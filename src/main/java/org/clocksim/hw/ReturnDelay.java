package org.clocksim.hw;

import org.clocksim.engine.Require;

/**
 * A stall after a platform timer has sampled its counter and before the read returns, on some
 * reads only: reads {@code first}, {@code first + every}, {@code first + 2 every}, ... (counted
 * from 1) return {@code delayPs} late. A hypervisor that traps the port read and is slow to resume
 * the guest does this: oxidecomputer/propolis issue 328 delays the return of every third ACPI PM
 * timer read by 1 ms with DTrace and so makes a guest's watchdog abandon the TSC. The value the
 * read returns is the counter at its sample; the delay only moves what the caller does next.
 *
 * @param delayPs how late the delayed reads return (0: no read is delayed)
 * @param every   the period of the pattern, in reads
 * @param first   the first delayed read, counted from 1
 */
public record ReturnDelay(long delayPs, int every, int first) {
    public static final ReturnDelay NONE = new ReturnDelay(0, 1, 1);

    public ReturnDelay {
        Require.nonNegative(delayPs, "delayPs");
        Require.positive(every, "every");
        Require.positive(first, "first");
    }

    /** How late read number {@code read} (counted from 1) returns. */
    public long afterReadPs(long read) {
        return delayPs > 0 && read >= first && (read - first) % every == 0 ? delayPs : 0;
    }
}
