package org.clocksim.hw.kvm;

/** What the machine runs on: bare metal, or a KVM host (the machine's cores are then vCPUs). */
public enum HypervisorKind {
    NONE("none"),
    KVM("kvm");

    private final String id;

    HypervisorKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
