package org.clocksim.calibrate.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.clocksim.calibrate.CpuList;
import org.clocksim.calibrate.probe.ProbeMeasurements.WarpPair;
import org.junit.jupiter.api.Test;

/** HZ from the coarse resolution, socket offsets from the warp test, CPU lists. */
class HostUnitsTest {
    @Test
    void hzFromTheCoarseResolution() {
        assertThat(KernelHz.fromCoarseResolution(4_000_000)).hasValue(250);
        assertThat(KernelHz.fromCoarseResolution(1_000_000)).hasValue(1000);
        assertThat(KernelHz.fromCoarseResolution(3_333_333)).hasValue(300);
        assertThat(KernelHz.fromCoarseResolution(10_000_000)).hasValue(100);
        assertThat(KernelHz.fromCoarseResolution(1)).isEmpty();
        assertThat(KernelHz.fromCoarseResolution(0)).isEmpty();
    }

    @Test
    void anOffsetIsResolvedOnlyWhenTheBoundExcludesZero() {
        Map<Integer, List<Integer>> sockets = Map.of(0, List.of(0, 1), 1, List.of(2, 3));
        // B (cpu 2) ahead by ~1000 cycles, hand-off 200: steps A->B at least 1200, B->A at most -800 (warps)
        WarpPair bounded = new WarpPair(0, 2, 1000, 500, 800, 1200L, -800L, null);
        // bound [800, 1200]: midpoint 1000
        assertThat(SocketOffsets.cycles(sockets, List.of(bounded))).containsExactly(0.0, 1000.0);
        WarpPair reversed = new WarpPair(2, 0, 1000, 500, 800, 1200L, -800L, null);
        assertThat(SocketOffsets.cycles(sockets, List.of(reversed))).containsExactly(0.0, -1000.0);
        WarpPair oneWayOnly = new WarpPair(0, 2, 1000, 0, 0, 1200L, null, null);
        assertThat(SocketOffsets.cycles(sockets, List.of(oneWayOnly))).containsExactly(0.0, 0.0);
        WarpPair synchronised = new WarpPair(0, 2, 1000, 0, 0, 150L, 140L, null);
        assertThat(SocketOffsets.cycles(sockets, List.of(synchronised))).containsExactly(0.0, 0.0);
        WarpPair sameSocket = new WarpPair(0, 1, 1000, 500, 800, 1200L, -800L, null);
        assertThat(SocketOffsets.cycles(sockets, List.of(sameSocket))).containsExactly(0.0, 0.0);
    }

    @Test
    void cpuLists() {
        assertThat(CpuList.parse("0-3,6")).containsExactly(0, 1, 2, 3, 6);
        assertThat(CpuList.parse("1,1,0")).containsExactly(0, 1);
        assertThatThrownBy(() -> CpuList.parse("3-1")).hasMessageContaining("CPU list");
        assertThatThrownBy(() -> CpuList.parse("a")).hasMessageContaining("CPU list");
        assertThatThrownBy(() -> CpuList.parse("-1")).hasMessageContaining("CPU list");
    }
}
