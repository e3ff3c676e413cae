package org.clocksim.hw;

/**
 * Sockets of cores, each core with its own counter. Cores are numbered socket by socket:
 * core {@code c} is on socket {@code c / coresPerSocket}.
 */
public final class Machine {
    private static final double PS_PER_SECOND = 1e12;

    private final int sockets;
    private final int coresPerSocket;
    private final double nominalHz;
    private final TscCounter[] counters;
    private int tscWrites;

    Machine(int sockets, int coresPerSocket, double nominalHz, TscCounter[] counters) {
        this.sockets = sockets;
        this.coresPerSocket = coresPerSocket;
        this.nominalHz = nominalHz;
        this.counters = counters;
    }

    public long readTsc(int core, long timePs) {
        return counters[core].read(timePs);
    }

    public TscCounter counter(int core) {
        return counters[core];
    }

    /** A write to a core's TSC or TSC_ADJUST during the run (a {@code tsc-write} cause). */
    public void writeTsc(int core, double cycles) {
        counters[core].adjust(cycles);
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
        return (counters[core].exactAt(timePs) / nominalHz * PS_PER_SECOND - timePs) / 1000.0;
    }
}
