package org.clocksim.hw.kvm;

import org.clocksim.engine.Require;

/**
 * The paravirtual clock KVM gives the guest (kvm-clock), as configured.
 *
 * @param exposed              the host offers kvm-clock (KVM_FEATURE_CLOCKSOURCE2); false: a hypervisor without it
 * @param stableBit            KVM_FEATURE_CLOCKSOURCE_STABLE_BIT is advertised, so the guest honours
 *                             PVCLOCK_TSC_STABLE_BIT (arch/x86/kernel/kvmclock.c, pvclock_set_flags)
 * @param masterClock          the host may use a master clock (its TSCs synchronized, host clocksource tsc);
 *                             KVM still uses it only when every vCPU's TSC offset and frequency match
 * @param lastValueGuard       the guest enforces monotonicity without the stable bit by the global
 *                             {@code last_value} compare-and-exchange (Linux's pvclock.c); false: a guest
 *                             that trusts each vCPU's structure (OSv before its fix)
 * @param lastValueTransferPs  cost of pulling {@code last_value}'s cache line from the CPU that wrote it last,
 *                             paid by every guarded read on a guest of several vCPUs
 * @param syncPeriodPs         the host's periodic refresh of every vCPU's structure (kvmclock_sync_work,
 *                             KVMCLOCK_SYNC_PERIOD = 300 s); 0: none
 * @param masterUpdatePeriodPs how often a host event takes a new master-clock sample (0: never after boot)
 */
public record PvclockSpec(boolean exposed, boolean stableBit, boolean masterClock, boolean lastValueGuard,
                          long lastValueTransferPs, long syncPeriodPs, long masterUpdatePeriodPs) {
    public PvclockSpec {
        Require.nonNegative(lastValueTransferPs, "lastValueTransferPs");
        Require.nonNegative(syncPeriodPs, "syncPeriodPs");
        Require.nonNegative(masterUpdatePeriodPs, "masterUpdatePeriodPs");
    }
}
