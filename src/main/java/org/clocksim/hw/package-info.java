/**
 * The hardware: sockets and cores, each core's time stamp counter as a piecewise-affine function
 * of true time (offset, drift, wander), re-anchored only when its rate changes; in {@code hw.kvm}, the KVM
 * host under a guest whose cores are vCPUs.
 *
 * <p>Depends on {@code engine} only (to schedule wander events and draw random numbers).
 */
package org.clocksim.hw;
