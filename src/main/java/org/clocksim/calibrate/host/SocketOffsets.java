package org.clocksim.calibrate.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clocksim.calibrate.probe.ProbeMeasurements.WarpPair;

/**
 * Each socket's TSC offset from socket 0, where the warp test resolves it: for the pair (first
 * measured CPU of socket 0, first measured CPU of socket s) the hand-off bounds the offset to
 * [−minStep(B→A), +minStep(A→B)]; an interval that excludes 0 gives its midpoint, one that contains
 * 0 (the usual, synchronised case: the hand-off costs more than any offset) gives 0.
 */
public final class SocketOffsets {
    private SocketOffsets() {
    }

    /** One offset in cycles per socket, in socket order (socket 0 first, always 0). */
    public static List<Double> cycles(Map<Integer, List<Integer>> cpusBySocket, List<WarpPair> pairs) {
        List<Integer> sockets = cpusBySocket.keySet().stream().sorted().toList();
        List<Double> offsets = new ArrayList<>();
        for (int socket : sockets) {
            if (offsets.isEmpty()) {
                offsets.add(0.0);
                continue;
            }
            offsets.add(resolved(cpusBySocket.get(sockets.get(0)), cpusBySocket.get(socket), pairs).orElse(0.0));
        }
        return offsets;
    }

    private static Optional<Double> resolved(List<Integer> reference, List<Integer> other, List<WarpPair> pairs) {
        for (WarpPair pair : pairs) {
            boolean forward = reference.contains(pair.cpuA()) && other.contains(pair.cpuB());
            boolean backward = reference.contains(pair.cpuB()) && other.contains(pair.cpuA());
            if (!forward && !backward) {
                continue;
            }
            Optional<double[]> bound = pair.offsetBoundCycles();
            if (bound.isEmpty()) {
                continue;
            }
            double low = bound.get()[0];
            double high = bound.get()[1];
            if (low <= 0 && high >= 0) {
                return Optional.of(0.0);
            }
            double mid = (low + high) / 2;
            return Optional.of(forward ? mid : -mid);
        }
        return Optional.empty();
    }
}
