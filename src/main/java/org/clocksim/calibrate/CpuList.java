package org.clocksim.calibrate;

import java.util.List;
import java.util.TreeSet;

/** A CPU list as Linux writes them ({@code 0-3,6}): distinct CPU numbers, ascending. */
public final class CpuList {
    private CpuList() {
    }

    /** @throws IllegalArgumentException with a message for the user when {@code text} is no CPU list */
    public static List<Integer> parse(String text) {
        TreeSet<Integer> cpus = new TreeSet<>();
        for (String part : text.strip().split(",")) {
            String[] range = part.strip().split("-", -1);
            try {
                int from = Integer.parseInt(range[0].strip());
                int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
                if (range.length > 2 || from < 0 || to < from || to - from > 4096) {
                    throw new NumberFormatException();
                }
                for (int cpu = from; cpu <= to; cpu++) {
                    cpus.add(cpu);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a CPU list such as 0-3,6; got '" + text + "'");
            }
        }
        return List.copyOf(cpus);
    }
}
