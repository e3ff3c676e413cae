/**
 * What the operating system does: the scheduler that places threads on cores and migrates them, and
 * the kernel's timekeeping: the timekeeper (tick, cycle_last, mult/shift, NTP), the vDSO data page and
 * its seqcount, the clocksources, the boot-time TSC sync check and the clocksource watchdog.
 *
 * <p>Depends on {@code engine} and {@code hw}.
 */
package org.clocksim.kernel;
