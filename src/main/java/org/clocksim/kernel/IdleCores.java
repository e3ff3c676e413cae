package org.clocksim.kernel;

import org.clocksim.hw.Machine;

/**
 * Which cores have no thread and sit in a deep C-state, for a TSC that is not nonstop: their
 * counters stop meanwhile (KERNEL-FACTS.md §1). A core is busy while at least one thread is on it
 * (a migrating thread counts on its new core at once). The timekeeping CPU never idles: it takes
 * the tick (the kernel hands the duty on under NO_HZ; not modelled).
 */
public final class IdleCores implements MigrationListener {
    private final Machine machine;
    private final int timekeepingCpu;
    private final CoreOccupancy occupancy;

    public IdleCores(Machine machine, Scheduler scheduler, int timekeepingCpu) {
        this.machine = machine;
        this.timekeepingCpu = timekeepingCpu;
        this.occupancy = new CoreOccupancy(scheduler, machine.cores());
        for (int core = 0; core < occupancy.cores(); core++) {
            update(core, 0);
        }
    }

    @Override
    public void migrated(int thread, long timePs, long gapPs) {
        int from = occupancy.moved(thread);
        update(occupancy.coreOf(thread), timePs);
        update(from, timePs);
    }

    private void update(int core, long timePs) {
        machine.setHalted(core, core != timekeepingCpu && occupancy.idle(core), timePs);
    }
}
