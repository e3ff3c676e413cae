package org.clocksim.kernel;

/**
 * The legacy vsyscall page at 0xffffffffff600000 (the {@code vsyscall=} boot option,
 * arch/x86/entry/vsyscall/vsyscall_64.c, KERNEL-FACTS.md §3).
 */
public enum VsyscallMode {
    /** User-mode code on the page with the vDSO's snapshot and clamp (up to 3.0; KernelRules refuses it later). */
    NATIVE("native"),
    /** Calls fault and the kernel emulates them: syscall semantics, higher cost (since 3.1, the default to 5.2). */
    EMULATE("emulate"),
    /** Execute-only page, emulated the same way (since 5.3, the default). */
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
