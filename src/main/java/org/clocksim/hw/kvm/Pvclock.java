package org.clocksim.hw.kvm;

/**
 * One vCPU's pvclock structure (struct pvclock_vcpu_time_info, arch/x86/include/asm/pvclock-abi.h), written
 * by the host and read by the guest: {@code time = system_time + scale(tsc - tsc_timestamp)}, where the
 * scale shifts the delta by {@code tsc_shift} (left if positive) and multiplies it by the 32.32 fixed-point
 * {@code tsc_to_system_mul} (include/asm/pvclock.h, pvclock_scale_delta(); __pvclock_read_cycles()). The
 * delta is unsigned: a TSC behind {@code tsc_timestamp} reads as a huge delta, as in the kernel.
 *
 * <p>The version is a seqcount: the host makes it odd, writes, makes it even (kvm_setup_guest_pvclock()).
 * KVM's writes are atomic as seen by every vCPU (the vDSO's comment, arch/x86/include/asm/vdso/gettimeofday.h),
 * so a write here is instantaneous and the version counts the writes.
 */
public final class Pvclock {
    /** PVCLOCK_TSC_STABLE_BIT: every vCPU's structure comes from one master-clock sample and the TSCs match. */
    public static final int TSC_STABLE_BIT = 1;

    private int version;
    private long tscTimestamp;
    private long systemTimeNs;
    private long mul;
    private int shift;
    private int flags;

    /** The host's write (kvm_guest_time_update()). */
    void write(long tsc, long systemNs, Scale scale, int newFlags) {
        version++;
        tscTimestamp = tsc;
        systemTimeNs = systemNs;
        mul = scale.mul();
        shift = scale.shift();
        flags = newFlags;
        version++;
    }

    /** The guest's reading for a TSC value read on this vCPU (or, in the vDSO, on any vCPU). */
    public long readNs(long tsc) {
        return systemTimeNs + scaleDelta(tsc - tscTimestamp, mul, shift);
    }

    public int version() {
        return version;
    }

    public int flags() {
        return flags;
    }

    public long tscTimestamp() {
        return tscTimestamp;
    }

    public long systemTimeNs() {
        return systemTimeNs;
    }

    /** pvclock_scale_delta(): an unsigned 64-bit delta, shifted, times a 32-bit fraction, the top 64 bits of 96. */
    static long scaleDelta(long delta, long mul, int shift) {
        long shifted = shift < 0 ? delta >>> -shift : delta << shift;
        long high = shifted >>> 32;
        long low = shifted & 0xFFFF_FFFFL;
        return high * mul + ((low * mul) >>> 32);
    }

    /**
     * The conversion from TSC cycles to ns as the host computes it (kvm_get_time_scale(NSEC_PER_SEC, tsc_hz)):
     * halve the counter's rate (shift down) until it is at most twice a GHz and fits 32 bits, double it (shift
     * up) until it exceeds a GHz, then {@code mul = 1e9 · 2^32 / rate}, below 2^32.
     */
    public record Scale(long mul, int shift) {
        private static final long NS_PER_S = 1_000_000_000L;

        public static Scale of(long tscHz) {
            long rate = tscHz;
            int shift = 0;
            while (rate > 2 * NS_PER_S || (rate >>> 32) != 0) {
                rate >>>= 1;
                shift--;
            }
            long target = NS_PER_S;
            while (rate <= target) {
                if ((rate & 0x8000_0000L) != 0) {
                    target >>>= 1;
                } else {
                    rate <<= 1;
                }
                shift++;
            }
            return new Scale((target << 32) / rate, shift);
        }
    }
}
