package org.clocksim.calibrate.facts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU vulnerabilities and the kernel's mitigation of each, from
 * {@code /sys/devices/system/cpu/vulnerabilities/*} (file name → its one line). Mitigations make
 * the syscall paths slower (KERNEL-FACTS.md §3).
 */
public record Mitigations(Map<String, String> byVulnerability) {
    public static final String DIR = "/sys/devices/system/cpu/vulnerabilities";

    public Mitigations {
        byVulnerability = Map.copyOf(byVulnerability);
    }

    /** Vulnerabilities whose line starts with "Mitigation". */
    public long mitigated() {
        return byVulnerability.values().stream().filter(v -> v.startsWith("Mitigation")).count();
    }

    /** Vulnerabilities the kernel reports as open ("Vulnerable..."). */
    public long vulnerable() {
        return byVulnerability.values().stream().filter(v -> v.startsWith("Vulnerable")).count();
    }

    public static Mitigations read(SystemFiles files) {
        Map<String, String> lines = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(files.path(DIR))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                files.read(DIR + "/" + name).ifPresent(line -> lines.put(name, line));
            }
        } catch (IOException e) {
            // none readable
        }
        return new Mitigations(lines);
    }
}
