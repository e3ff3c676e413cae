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
    private final Scheduler scheduler;
    private final int timekeepingCpu;
    private final int[] threadsOn;
    private final int[] coreOf;

    public IdleCores(Machine machine, Scheduler scheduler, int timekeepingCpu) {
        this.machine = machine;
        this.scheduler = scheduler;
        this.timekeepingCpu = timekeepingCpu;
        this.threadsOn = new int[machine.cores()];
        this.coreOf = new int[scheduler.threads()];
        for (int thread = 0; thread < coreOf.length; thread++) {
            coreOf[thread] = scheduler.coreOf(thread);
            threadsOn[coreOf[thread]]++;
        }
        for (int core = 0; core < threadsOn.length; core++) {
            update(core, 0);
        }
    }

    @Override
    public void migrated(int thread, long timePs, long gapPs) {
        int from = coreOf[thread];
        int to = scheduler.coreOf(thread);
        coreOf[thread] = to;
        threadsOn[from]--;
        threadsOn[to]++;
        update(to, timePs);
        update(from, timePs);
    }

    private void update(int core, long timePs) {
        machine.setHalted(core, core != timekeepingCpu && threadsOn[core] == 0, timePs);
    }
}
