package org.clocksim.calibrate.host;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clocksim.kernel.KernelRules;
import org.clocksim.kernel.KernelVersion;

/**
 * The host's kernel release as clocksim's {@code kernel.version}: the leading X.Y[.Z] of
 * {@code /proc/sys/kernel/osrelease} ("6.18.44-fc-v1045" is 6.18.44), brought into the releases
 * clocksim models (a newer one runs on the newest rules, an older one on the oldest, with a note).
 */
final class ModelledRelease {
    private static final Pattern LEADING = Pattern.compile("^(\\d{1,3}\\.\\d{1,3}(?:\\.\\d{1,4})?)");

    private ModelledRelease() {
    }

    /** The version, or empty when the release names none (then the config's default applies, noted). */
    static Optional<KernelVersion> of(String release, List<String> notes) {
        Matcher m = LEADING.matcher(release.strip());
        if (!m.find()) {
            notes.add("the kernel release '" + release + "' names no version; kernel.version is clocksim's default");
            return Optional.empty();
        }
        KernelVersion version = KernelVersion.parse(m.group(1));
        if (KernelRules.NEWEST.isBefore(version.release())) {
            notes.add("Linux " + version + " is newer than the releases clocksim models; " + KernelRules.NEWEST
                    + "'s rules apply");
            return Optional.of(KernelRules.NEWEST);
        }
        if (version.isBefore(KernelRules.OLDEST)) {
            notes.add("Linux " + version + " is older than the releases clocksim models; " + KernelRules.OLDEST
                    + "'s rules apply");
            return Optional.of(KernelRules.OLDEST);
        }
        return Optional.of(version);
    }
}
