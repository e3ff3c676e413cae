package org.clocksim.calibrate.facts;

import org.clocksim.kernel.VsyscallMode;

/**
 * The vsyscall mode, from the {@code [vsyscall]} line of a process's {@code /proc/self/maps}:
 * {@code r-xp} is {@code emulate} (or {@code native} on kernels before 4.17, which the mapping
 * does not tell apart), {@code --xp} is {@code xonly}, no line is {@code none}.
 */
public final class VsyscallMapping {
    private VsyscallMapping() {
    }

    /** @param maps the whole maps text, or only its [vsyscall] line (empty: no mapping) */
    public static VsyscallMode parse(String maps) {
        for (String line : maps.split("\n")) {
            if (line.contains("[vsyscall]")) {
                String[] fields = line.strip().split("\\s+");
                String perms = fields.length > 1 ? fields[1] : "";
                if (perms.startsWith("r") && perms.indexOf('x') > 0) {
                    return VsyscallMode.EMULATE;
                }
                return perms.indexOf('x') > 0 ? VsyscallMode.XONLY : VsyscallMode.NONE;
            }
        }
        return VsyscallMode.NONE;
    }
}
