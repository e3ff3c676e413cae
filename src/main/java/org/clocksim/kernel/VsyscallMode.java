package org.clocksim.kernel;

/**
 * The legacy vsyscall page at 0xffffffffff600000 (the {@code vsyscall=} boot option,
 * arch/x86/entry/vsyscall/vsyscall_64.c, KERNEL-FACTS.md §3).
 */
public enum VsyscallMode {
    /** User-mode code on the page with the vDSO's snapshot and clamp (before 2011, dropped in 4.17). */
    NATIVE("native"),
    /** Calls fault and the kernel emulates them: syscall semantics, higher cost. */
    EMULATE("emulate"),
    /** Execute-only page, emulated the same way (the default since 5.19). */
    XONLY("xonly"),
    /** No page: calls get SIGSEGV. */
    NONE("none");

    private final String id;

    VsyscallMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean emulated() {
        return this == EMULATE || this == XONLY;
    }
}
