package org.clocksim.engine;

/**
 * The natural logarithm, bit for bit {@link StrictMath#log(double)} (NaN payloads aside; fdlibm 5.3's
 * {@code __ieee754_log}, e_log.c), in plain Java. Why not call {@code StrictMath.log}: on JDK 17 it
 * is a native method, and a native call per pair of Gaussians (one per simulated read) cost a
 * quarter of the read throughput; this port is inlined by the JIT. Being strict {@code double}
 * arithmetic, it gives the same result on every JVM, and the tests check it against
 * {@code StrictMath.log}.
 *
 * <p>The method (from e_log.c): write x = 2<sup>k</sup> (1 + f) with sqrt(2)/2 &lt; 1 + f &lt;
 * sqrt(2); then log(1 + f) = 2s + s R(s²) with s = f / (2 + f) and R a degree-14 minimax polynomial
 * in s (7 coefficients in s²); log(x) = k ln2 + log(1 + f), with ln2 split in a high and a low part.
 *
 * <p>Derived from fdlibm: Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 * Developed at SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and
 * distribute this software is freely granted, provided that this notice is preserved.
 */
final class FdlibmLog {
    private static final double LN2_HI = Double.longBitsToDouble(0x3FE62E42FEE00000L);
    private static final double LN2_LO = Double.longBitsToDouble(0x3DEA39EF35793C76L);
    private static final double TWO54 = 0x1.0p54;
    private static final double LG1 = Double.longBitsToDouble(0x3FE5555555555593L);
    private static final double LG2 = Double.longBitsToDouble(0x3FD999999997FA04L);
    private static final double LG3 = Double.longBitsToDouble(0x3FD2492494229359L);
    private static final double LG4 = Double.longBitsToDouble(0x3FCC71C51D8E78AFL);
    private static final double LG5 = Double.longBitsToDouble(0x3FC7466496CB03DEL);
    private static final double LG6 = Double.longBitsToDouble(0x3FC39A09D078C69FL);
    private static final double LG7 = Double.longBitsToDouble(0x3FC2F112DF3E5244L);

    private FdlibmLog() {
    }

    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        int lx = (int) bits;
        int k = 0;
        if (hx < 0x00100000) { // x < 2^-1022
            if (((hx & 0x7FFFFFFF) | lx) == 0) {
                return Double.NEGATIVE_INFINITY; // log(+-0)
            }
            if (hx < 0) {
                return Double.NaN; // log(negative)
            }
            k -= 54; // subnormal: scale up
            x *= TWO54;
            bits = Double.doubleToRawLongBits(x);
            hx = (int) (bits >> 32);
        }
        if (hx >= 0x7FF00000) {
            return x + x; // infinity or NaN
        }
        k += (hx >> 20) - 1023;
        hx &= 0x000FFFFF;
        int i = (hx + 0x95F64) & 0x100000;
        // normalise x or x/2 into [sqrt(2)/2, sqrt(2))
        x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3FF00000)) << 32) | (bits & 0xFFFFFFFFL));
        k += i >> 20;
        double f = x - 1.0;
        double dk = k;
        if ((0x000FFFFF & (2 + hx)) < 3) { // |f| < 2^-20
            if (f == 0) {
                return k == 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            return k == 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        i = hx - 0x6147A;
        double w = z * z;
        int j = 0x6B851 - hx;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        i |= j;
        double r = t2 + t1;
        if (i > 0) {
            double hfsq = 0.5 * f * f;
            return k == 0 ? f - (hfsq - s * (hfsq + r))
                    : dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        return k == 0 ? f - s * (f - r) : dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }
}
