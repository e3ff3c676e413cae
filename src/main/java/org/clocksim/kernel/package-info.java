/**
 * What the operating system does: for now, the scheduler that places threads on cores and
 * migrates them. The timekeeper, vDSO data page, clocksources, sync check and watchdog join here.
 *
 * <p>Depends on {@code engine} and {@code hw}.
 */
package org.clocksim.kernel;
