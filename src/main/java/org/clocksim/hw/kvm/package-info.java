/**
 * A KVM host under the machine: the vCPUs' TSC offsets and scaling, steal, the per-vCPU pvclock structures
 * the host writes (kvm-clock's data), and live migration. Part of {@code hw}: depends on {@code engine} and
 * {@code hw} only.
 */
package org.clocksim.hw.kvm;
