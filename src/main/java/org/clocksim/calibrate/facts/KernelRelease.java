package org.clocksim.calibrate.facts;

/** The running kernel's release, {@code /proc/sys/kernel/osrelease} (what {@code uname -r} prints). */
public record KernelRelease(String release) {
    public static final String PATH = "/proc/sys/kernel/osrelease";

    public static KernelRelease read(SystemFiles files) {
        return new KernelRelease(files.read(PATH).orElse("unknown"));
    }
}
