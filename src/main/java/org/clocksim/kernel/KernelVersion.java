package org.clocksim.kernel;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linux kernel release, "X.Y" or "X.Y.Z" (the {@code kernel.version} key): what selects every
 * era-dependent rule of {@link KernelRules}. Ordered as releases are ("5.9" &lt; "5.10" &lt; "5.10.1").
 *
 * @param major X
 * @param minor Y
 * @param patch Z (0 when not given); 2.6.x releases have their x here
 */
public record KernelVersion(int major, int minor, int patch) implements Comparable<KernelVersion> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,4}))?");
    private static final Comparator<KernelVersion> ORDER = Comparator.comparingInt(KernelVersion::major)
            .thenComparingInt(KernelVersion::minor).thenComparingInt(KernelVersion::patch);

    public KernelVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("a kernel version has no negative parts, got " + major + "." + minor
                    + "." + patch);
        }
    }

    /** Parses "X.Y" or "X.Y.Z"; anything else is an {@link IllegalArgumentException} with a message for the user. */
    public static KernelVersion parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a kernel release such as 6.18 or 5.10.1, got '" + text + "'");
        }
        return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public static KernelVersion of(int major, int minor) {
        return new KernelVersion(major, minor, 0);
    }

    /** The release this version belongs to: X.Y (its stable updates X.Y.Z are the same release), or 2.6.Z itself. */
    public KernelVersion release() {
        return major < 3 ? this : new KernelVersion(major, minor, 0);
    }

    public boolean isAtLeast(KernelVersion other) {
        return compareTo(other) >= 0;
    }

    public boolean isBefore(KernelVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(KernelVersion other) {
        return ORDER.compare(this, other);
    }

    /** "X.Y", or "X.Y.Z" when Z is not 0: reads back as the same version. */
    @Override
    public String toString() {
        return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
    }
}
