package org.clocksim.hw.kvm;

import java.util.function.LongConsumer;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.EventHandler;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.engine.StreamName;
import org.clocksim.engine.TimeUnits;
import org.clocksim.hw.Machine;

/**
 * The KVM host under a guest whose cores are vCPUs (arch/x86/kvm/x86.c):
 * <ul>
 *   <li>each vCPU's TSC is the host's times its scaling ratio plus its offset, applied to the machine's
 *       counters at boot;</li>
 *   <li>it writes each vCPU's {@link Pvclock} (kvm_guest_time_update()): with its master clock, one sample
 *       (host TSC, host ns) for every vCPU, {@code tsc_timestamp} each vCPU's TSC at that sample and
 *       PVCLOCK_TSC_STABLE_BIT set; without it, each vCPU's own sample when that vCPU is refreshed, no stable
 *       bit. The master clock needs the host's setting and matched vCPU TSCs ({@link HypervisorSpec#tscsMatched});</li>
 *   <li>refreshes: a vCPU loaded on another host CPU (kvm_arch_vcpu_load()) refreshes itself and, 100 ms later
 *       (KVMCLOCK_UPDATE_DELAY), every vCPU, but only without the master clock ("On a host with synchronized
 *       TSC, there is no need to update kvmclock on vcpu->cpu migration"); the periodic sync refreshes every
 *       vCPU; a master-clock update takes a new sample;</li>
 *   <li>steal: a vCPU is descheduled at Poisson times and resumes on a random host CPU, whose TSC offset
 *       (host TSCs the host believes synchronized) then moves the vCPU's TSC;</li>
 *   <li>live migration: every vCPU paused for the downtime, the guest TSC and the host clock behind
 *       kvm-clock frozen meanwhile (the VMM saves and restores both), then the destination's TSC rate
 *       (unless scaled) and a fresh pvclock with the new {@code tsc_to_system_mul}: kvm-clock absorbs the new
 *       rate, the raw TSC does not.</li>
 * </ul>
 * The host's clock that supplies {@code system_time} is modelled as true time (an NTP-disciplined host) less
 * the downtimes, starting at 0 when the VM starts; {@code tsc_to_system_mul} comes from the vCPU's advertised
 * frequency in whole kHz. So between two samples a pvclock drifts from the host's clock by the guest TSC's rate
 * error: a new sample steps it by that much.
 */
public final class KvmHost {
    /** KVMCLOCK_UPDATE_DELAY (arch/x86/kvm/x86.c): the all-vCPU refresh after one vCPU's. */
    static final long CLOCK_UPDATE_DELAY_PS = 100 * TimeUnits.PS_PER_MS;
    private static final long HZ_PER_KHZ = 1_000;

    private final HypervisorSpec spec;
    private final Machine machine;
    private final Simulation simulation;
    private final Pvclock[] pvclocks;
    private final boolean masterClock;
    private final double[] ratio;
    private final long[] stealStart;
    private final long[] stealEnd;
    private final long[] nextStart;
    private final long[] nextEnd;
    private final int[] hostCpu;
    private final RandomStream[] stealRandom;
    private final RandomStream hostCpuRandom;
    private final EventHandler onGlobalUpdate = this::globalUpdate;
    private boolean globalUpdatePending;
    private long pausedPs;
    private long pauseStartPs = -1;
    /** The largest kvm-clock any vCPU had just before a pvclock write (last_value across the rewrite). */
    private long lastValueFloor = Long.MIN_VALUE;

    public KvmHost(HypervisorSpec spec, Machine machine, RandomStreams streams, Simulation simulation) {
        this.spec = spec;
        this.machine = machine;
        this.simulation = simulation;
        int vcpus = machine.cores();
        this.pvclocks = new Pvclock[vcpus];
        this.ratio = new double[vcpus];
        this.stealStart = new long[vcpus];
        this.stealEnd = new long[vcpus];
        this.nextStart = new long[vcpus];
        this.nextEnd = new long[vcpus];
        this.hostCpu = new int[vcpus];
        this.stealRandom = new RandomStream[vcpus];
        this.hostCpuRandom = streams.stream(StreamName.KVM_HOST_CPU.of());
        this.masterClock = spec.pvclock().masterClock() && spec.tscsMatched(vcpus);
        for (int v = 0; v < vcpus; v++) {
            pvclocks[v] = new Pvclock();
            ratio[v] = spec.tscScaling(v);
            hostCpu[v] = v % spec.hostCpus();
            machine.counter(v).adjust(cycles(spec.tscOffsetPs(v) + spec.hostTscOffsetPs(hostCpu[v])));
            machine.setCoreRatio(v, ratio[v], 0);
            stealStart[v] = -1;
            stealEnd[v] = -1;
            stealRandom[v] = streams.stream(StreamName.KVM_STEAL.of(v));
        }
        sampleAll(0);
        schedule();
    }

    private void schedule() {
        if (spec.steal().ratePerSecond() > 0) {
            for (int v = 0; v < pvclocks.length; v++) {
                drawNextSteal(v, 0);
                int vcpu = v;
                simulation.schedule(nextStart[v], time -> stealBegins(vcpu, time));
            }
        }
        long sync = spec.pvclock().syncPeriodPs();
        if (sync > 0) {
            simulation.schedule(sync, new Periodic(sync, this::refreshAll));
        }
        long master = spec.pvclock().masterUpdatePeriodPs();
        if (master > 0 && masterClock) {
            simulation.schedule(master, new Periodic(master, this::sampleAll));
        }
        for (LiveMigration migration : spec.migrations()) {
            simulation.schedule(migration.atPs(), time -> pause(time));
            simulation.schedule(migration.atPs() + migration.downtimePs(), time -> resume(migration, time));
        }
    }

    /** A recurring host event. */
    private final class Periodic implements EventHandler {
        private final long periodPs;
        private final LongConsumer action;

        Periodic(long periodPs, LongConsumer action) {
            this.periodPs = periodPs;
            this.action = action;
        }

        @Override
        public void fire(long timePs) {
            action.accept(timePs);
            simulation.schedule(timePs + periodPs, this);
        }
    }

    private void drawNextSteal(int vcpu, long afterPs) {
        RandomStream random = stealRandom[vcpu];
        long gap = Distribution.capped(Math.round(random.nextExponential() * TimeUnits.PS_PER_S
                / spec.steal().ratePerSecond()));
        nextStart[vcpu] = afterPs + 1 + gap;
        nextEnd[vcpu] = nextStart[vcpu] + spec.steal().duration().sample(random);
    }

    private void stealBegins(int vcpu, long timePs) {
        stealStart[vcpu] = nextStart[vcpu];
        stealEnd[vcpu] = nextEnd[vcpu];
        drawNextSteal(vcpu, stealEnd[vcpu]);
        simulation.schedule(stealEnd[vcpu], time -> vcpuLoaded(vcpu, hostCpuRandom.nextInt(spec.hostCpus()), time));
        simulation.schedule(nextStart[vcpu], time -> stealBegins(vcpu, time));
    }

    /**
     * kvm_arch_vcpu_load(): the vCPU runs again on {@code cpu}. On another host CPU and without the master
     * clock: KVM_REQ_GLOBAL_CLOCK_UPDATE, this vCPU now and every vCPU KVMCLOCK_UPDATE_DELAY later
     * (kvm_gen_kvmclock_update(); a pending delayed work is not queued again).
     */
    private void vcpuLoaded(int vcpu, int cpu, long timePs) {
        if (cpu == hostCpu[vcpu]) {
            return;
        }
        // the guest TSC is the host CPU's TSC plus the vCPU's offset: a host CPU whose TSC is offset moves it
        machine.counter(vcpu).adjust(cycles(spec.hostTscOffsetPs(cpu) - spec.hostTscOffsetPs(hostCpu[vcpu])));
        hostCpu[vcpu] = cpu;
        if (!masterClock) {
            sample(vcpu, timePs);
            if (!globalUpdatePending) {
                globalUpdatePending = true;
                simulation.schedule(timePs + CLOCK_UPDATE_DELAY_PS, onGlobalUpdate);
            }
        }
    }

    private void globalUpdate(long timePs) {
        globalUpdatePending = false;
        refreshAll(timePs);
    }

    /** KVM_REQ_CLOCK_UPDATE on every vCPU: with the master clock the same sample again, else a new one each. */
    private void refreshAll(long timePs) {
        for (int v = 0; v < pvclocks.length; v++) {
            if (masterClock) {
                Pvclock pv = pvclocks[v];
                write(v, pv.tscTimestamp(), pv.systemTimeNs(), timePs);
            } else {
                sample(v, timePs);
            }
        }
    }

    /** A new master-clock sample (or, without one, a new sample of each vCPU) at {@code timePs}. */
    private void sampleAll(long timePs) {
        for (int v = 0; v < pvclocks.length; v++) {
            sample(v, timePs);
        }
    }

    /** A new sample of one vCPU now (KVM_REQ_CLOCK_UPDATE without the master clock), for tests. */
    void refreshForTest(int vcpu, long timePs) {
        sample(vcpu, timePs);
    }

    private void sample(int vcpu, long timePs) {
        write(vcpu, machine.readTsc(vcpu, timePs), hostNs(timePs), timePs);
    }

    private void write(int vcpu, long tsc, long systemNs, long timePs) {
        if (guarded(vcpu)) {
            lastValueFloor = Math.max(lastValueFloor, largestClock(timePs));
        }
        pvclocks[vcpu].write(tsc, systemNs, Pvclock.Scale.of(tscHz(vcpu)), masterClock ? Pvclock.TSC_STABLE_BIT : 0);
    }

    private double cycles(long ps) {
        return ps * machine.nominalHz() / TimeUnits.PS_PER_S;
    }

    /** The vCPU's TSC frequency as KVM knows it, in whole kHz (virtual_tsc_khz). */
    private long tscHz(int vcpu) {
        return Math.round(machine.nominalHz() * ratio[vcpu] / HZ_PER_KHZ) * HZ_PER_KHZ;
    }

    /** The host clock behind system_time: true time less the downtimes, frozen during one. */
    long hostNs(long timePs) {
        long running = pauseStartPs >= 0 ? pauseStartPs : timePs;
        return (running - pausedPs) / TimeUnits.PS_PER_NS;
    }

    private void pause(long timePs) {
        pauseStartPs = timePs;
        for (int v = 0; v < pvclocks.length; v++) {
            machine.setCoreRatio(v, 0, timePs);
        }
    }

    private void resume(LiveMigration migration, long timePs) {
        pausedPs += timePs - pauseStartPs;
        pauseStartPs = -1;
        for (int v = 0; v < pvclocks.length; v++) {
            if (!migration.scaled()) {
                ratio[v] = migration.destinationHz() / machine.nominalHz();
            }
            machine.setCoreRatio(v, ratio[v], timePs);
        }
        sampleAll(timePs);
    }

    /**
     * When a step due at {@code timePs} on {@code vcpu} can run: after the steal or the migration downtime it
     * falls in, if any.
     */
    public long resumeAt(int vcpu, long timePs) {
        long at = timePs;
        for (int round = 0; round < 4; round++) {
            long before = at;
            if (at >= stealStart[vcpu] && at < stealEnd[vcpu]) {
                at = stealEnd[vcpu];
            }
            if (at >= nextStart[vcpu] && at < nextEnd[vcpu]) {
                at = nextEnd[vcpu];
            }
            for (LiveMigration migration : spec.migrations()) {
                if (at >= migration.atPs() && at < migration.atPs() + migration.downtimePs()) {
                    at = migration.atPs() + migration.downtimePs();
                }
            }
            if (at == before) {
                return at;
            }
        }
        return at;
    }

    /** Whether vCPUs are ever descheduled (steal or a migration's downtime). */
    public boolean preempts() {
        return spec.steal().ratePerSecond() > 0 || !spec.migrations().isEmpty();
    }

    /** Whether vCPU {@code vcpu}'s structure carries PVCLOCK_TSC_STABLE_BIT and the guest honours it. */
    public boolean stable(int vcpu) {
        return spec.pvclock().stableBit() && (pvclocks[vcpu].flags() & Pvclock.TSC_STABLE_BIT) != 0;
    }

    /**
     * kvm-clock read by the guest kernel on {@code vcpu} (pvclock_clocksource_read(), arch/x86/kernel/pvclock.c):
     * its own structure; without the stable bit the global {@code last_value} compare-and-exchange returns the
     * largest value any CPU has read. clocksim runs independent threads one after the other between events, so
     * the guard cannot be a value the reads share in call order; it is modelled as if every vCPU read
     * kvm-clock continuously: the largest of all vCPUs' kvm-clocks now, and never less than the largest just
     * before a pvclock write. The same at any true time whatever order the reads run in, and monotonic.
     */
    public long kernelRead(int vcpu, long timePs) {
        long ns = clockOf(vcpu, timePs);
        return guarded(vcpu) ? Math.max(Math.max(ns, lastValueFloor), largestClock(timePs)) : ns;
    }

    private boolean guarded(int vcpu) {
        return !stable(vcpu) && spec.pvclock().lastValueGuard();
    }

    private long clockOf(int vcpu, long timePs) {
        return pvclocks[vcpu].readNs(machine.readTsc(vcpu, timePs));
    }

    private long largestClock(long timePs) {
        long largest = Long.MIN_VALUE;
        for (int v = 0; v < pvclocks.length; v++) {
            largest = Math.max(largest, clockOf(v, timePs));
        }
        return largest;
    }

    /**
     * kvm-clock read by the vDSO (vread_pvclock(), arch/x86/include/asm/vdso/gettimeofday.h): vCPU 0's structure
     * with the TSC of the vCPU the thread is on, which the stable bit makes equivalent.
     */
    public long userRead(int vcpu, long timePs) {
        return pvclocks[0].readNs(machine.readTsc(vcpu, timePs));
    }

    /**
     * Extra time a kernel read on {@code vcpu} takes: the compare-and-exchange pulls last_value's cache line from
     * the CPU that wrote it, which with every vCPU reading (the guard's model) is another one on every read.
     * An upper bound for a workload that reads on one vCPU only.
     */
    public long readCostPs(int vcpu) {
        return guarded(vcpu) && pvclocks.length > 1 ? spec.pvclock().lastValueTransferPs() : 0;
    }

    /** kvm-clock's rate on {@code vcpu}, in ns per ps of true time. */
    public double nsPerPs(int vcpu) {
        return machine.counter(vcpu).cyclesPerPs() * 1e9 / tscHz(vcpu);
    }

    /** Whether KVM uses its master clock for this VM. */
    public boolean masterClock() {
        return masterClock;
    }
}
