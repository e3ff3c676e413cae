package org.clocksim.source;

/**
 * How a kernel-backed call reaches the kernel's clock (KERNEL-FACTS.md §3; lib/vdso/gettimeofday.c,
 * arch/x86/entry/vsyscall/vsyscall_64.c).
 */
enum CallPath {
    /**
     * User-mode code on the data page (vDSO, native vsyscall): seqcount loop around reading the
     * snapshot and the counter of the CPU the thread is on; clock mode NONE falls back to the syscall.
     */
    USER,
    /** User-mode read of the last tick's seconds with no seqcount (vDSO time(), native vsyscall time). */
    USER_NO_SEQUENCE,
    /** The syscall (or an emulated vsyscall): the same arithmetic in the kernel, on the current CPU. */
    SYSCALL,
    /** vsyscall=none: the call faults and returns nothing. */
    FAULT
}
