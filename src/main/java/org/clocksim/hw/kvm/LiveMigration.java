package org.clocksim.hw.kvm;

import org.clocksim.engine.Require;

/**
 * A live migration of the whole VM to another host.
 *
 * @param atPs          when the VM is paused on the source host
 * @param downtimePs    how long it stays paused (every vCPU off, the guest TSC and kvm-clock frozen: the VMM
 *                      saves both on the source and restores them on the destination)
 * @param destinationHz the destination host's TSC frequency
 * @param scaled        the destination scales the guest TSC back to its old frequency (VMX/SVM TSC scaling);
 *                      false: the guest TSC runs at the destination's rate
 */
public record LiveMigration(long atPs, long downtimePs, double destinationHz, boolean scaled) {
    public LiveMigration {
        Require.nonNegative(atPs, "atPs");
        Require.nonNegative(downtimePs, "downtimePs");
        Require.positiveFinite(destinationHz, "destinationHz");
    }
}
