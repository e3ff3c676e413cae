package org.clocksim.hw;

/** The machine's shape and its counters, as configured. */
public record MachineSpec(int sockets, int coresPerSocket, TscSpec tsc) {
    public int cores() {
        return sockets * coresPerSocket;
    }
}
