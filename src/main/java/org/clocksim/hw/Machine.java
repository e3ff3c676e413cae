package org.clocksim.hw;

import java.util.Arrays;
import org.clocksim.engine.TimeUnits;

/**
 * Sockets of cores, each core with its own counter. Cores are numbered socket by socket:
 * core {@code c} is on socket {@code c / coresPerSocket}.
 */
public final class Machine {

    private final int sockets;
    private final int coresPerSocket;
    private final double nominalHz;
    private final TscCounter[] counters;
    private final double[] socketPpm;
    private final double[] socketFrequencyRatio;
    private final boolean[] halted;
    private final double[] tscAdjustDrift;
    private final double[] coreRatio;
    private TscListener listener = (timePs, reason) -> { };
    private int tscWrites;

    /** @param socketPpm each socket's rate error (common drift plus the socket's), ppm */
    Machine(int sockets, int coresPerSocket, double nominalHz, TscCounter[] counters, double[] socketPpm) {
        this.sockets = sockets;
        this.coresPerSocket = coresPerSocket;
        this.nominalHz = nominalHz;
        this.counters = counters;
        this.socketPpm = socketPpm.clone();
        this.socketFrequencyRatio = new double[sockets];
        Arrays.fill(socketFrequencyRatio, 1.0);
        this.halted = new boolean[counters.length];
        this.tscAdjustDrift = new double[counters.length];
        this.coreRatio = new double[counters.length];
        Arrays.fill(coreRatio, 1.0);
    }

    /** Hears of what makes a TSC unreliable as a clock: a frequency change, a halt in idle. */
    @FunctionalInterface
    public interface TscListener {
        void unreliable(long timePs, String reason);
    }

    public void setListener(TscListener listener) {
        this.listener = listener;
    }

    /** The socket's oscillator now runs {@code ppm} off nominal (drift and wander). */
    public void setSocketPpm(int socket, double ppm, long timePs) {
        socketPpm[socket] = ppm;
        updateSocket(socket, timePs);
    }

    /**
     * A P-state change of a non-invariant TSC: the counter ticks at the core clock
     * (KERNEL-FACTS.md §1). Without constant_tsc the kernel's cpufreq notifier marks the TSC
     * unstable (arch/x86/kernel/tsc.c).
     */
    public void setSocketFrequency(int socket, double hz, long timePs) {
        socketFrequencyRatio[socket] = hz / nominalHz;
        updateSocket(socket, timePs);
        listener.unreliable(timePs, "cpufreq changes");
    }

    /**
     * A core with a TSC that is not nonstop enters or leaves a deep C-state: the counter stops
     * meanwhile (KERNEL-FACTS.md §1); the kernel marks such a TSC unstable
     * (drivers/acpi/processor_idle.c: "TSC halts in idle").
     */
    public void setHalted(int core, boolean halt, long timePs) {
        if (halted[core] == halt) {
            return;
        }
        halted[core] = halt;
        updateRate(core, timePs);
        if (halt) {
            listener.unreliable(timePs, "TSC halts in idle");
        }
    }

    private void updateSocket(int socket, long timePs) {
        for (int core = socket * coresPerSocket; core < (socket + 1) * coresPerSocket; core++) {
            updateRate(core, timePs);
        }
    }

    private void updateRate(int core, long timePs) {
        int socket = socketOf(core);
        double rate = halted[core] ? 0
                : nominalHz / TimeUnits.PS_PER_S * socketFrequencyRatio[socket] * (1 + socketPpm[socket] * 1e-6)
                        * coreRatio[core];
        counters[core].setRate(timePs, rate);
    }

    /**
     * A vCPU's TSC scaling ratio (VMX/SVM TSC scaling, set by a hypervisor): from {@code timePs} on the core's
     * counter runs {@code ratio} times its oscillator's rate; 0 stops it (a paused VM). Not a TSC write and
     * not a frequency change the guest hears of.
     */
    public void setCoreRatio(int core, double ratio, long timePs) {
        coreRatio[core] = ratio;
        updateRate(core, timePs);
    }

    public long readTsc(int core, long timePs) {
        return counters[core].read(timePs);
    }

    public TscCounter counter(int core) {
        return counters[core];
    }

    /**
     * A write to a core's TSC or TSC_ADJUST during the run (a {@code tsc-write} cause). Either moves TSC_ADJUST by
     * the same amount (a WRMSR to the TSC adds its change to IA32_TSC_ADJUST: Intel SDM vol. 3, "Time-Stamp
     * Counter Adjustment"), which is how the kernel can notice it ({@link #tscAdjustDrift}).
     */
    public void writeTsc(int core, double cycles) {
        counters[core].adjust(cycles);
        tscAdjustDrift[core] += cycles;
        tscWrites++;
    }

    /** How far the core's TSC_ADJUST has moved, in cycles, since the kernel last set it. */
    public double tscAdjustDrift(int core) {
        return tscAdjustDrift[core];
    }

    /** The kernel writes back the TSC_ADJUST it had set: the core's counter loses its drift (a TSC write too). */
    public void restoreTscAdjust(int core) {
        counters[core].adjust(-tscAdjustDrift[core]);
        tscAdjustDrift[core] = 0;
        tscWrites++;
    }

    /** How many TSC writes have happened during the run so far. */
    public int tscWrites() {
        return tscWrites;
    }

    public int cores() {
        return counters.length;
    }

    public int sockets() {
        return sockets;
    }

    public int socketOf(int core) {
        return core / coresPerSocket;
    }

    public double nominalHz() {
        return nominalHz;
    }

    /** The core's offset from true time in ns, reading its counter at the nominal frequency. */
    public double offsetNs(int core, long timePs) {
        return TimeUnits.ns(counters[core].exactAt(timePs) / nominalHz * TimeUnits.PS_PER_S - timePs);
    }
}
