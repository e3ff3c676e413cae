package org.clocksim.kernel;

import org.clocksim.engine.Require;

/**
 * The vDSO data page's costs (kernel/time/vsyscall.c, KERNEL-FACTS.md §2).
 *
 * @param publishTimePs  how long an update of the page takes (its seq is odd)
 * @param dataPageMissPs extra time of a CPU's first vDSO read after an update (cache miss)
 */
public record VdsoPageSpec(long publishTimePs, long dataPageMissPs) {
    public VdsoPageSpec {
        Require.nonNegative(publishTimePs, "publishTimePs");
        Require.nonNegative(dataPageMissPs, "dataPageMissPs");
    }
}
