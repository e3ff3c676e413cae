package org.clocksim.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * One change of a {@link KernelRule} at a release, with where it comes from.
 *
 * @param release         the first release with the change
 * @param rule            the rule that changed
 * @param what            the rule from this release on, in clocksim's words
 * @param commit          the commit (abbreviated hash and subject) or pull that made the change
 * @param releaseVerified whether the release was read from a source; false: inferred from the commit's date
 * @param backports       stable updates of older releases that took the change too (5.15.17: the 5.15 series from then on)
 */
public record KernelChange(KernelVersion release, KernelRule rule, String what, String commit,
                           boolean releaseVerified, List<KernelVersion> backports) {
    public KernelChange {
        backports = List.copyOf(backports);
    }

    static KernelChange at(String release, KernelRule rule, String what, String commit, boolean releaseVerified) {
        return new KernelChange(KernelVersion.parse(release), rule, what, commit, releaseVerified, List.of());
    }

    /** The same change, also taken by the stable update {@code version} of an older release. */
    KernelChange backportedTo(String version) {
        List<KernelVersion> more = new ArrayList<>(backports);
        more.add(KernelVersion.parse(version));
        return new KernelChange(release, rule, what, commit, releaseVerified, more);
    }

    /** Whether {@code version} has the change: a release from this one on, or a stable update that took it. */
    public boolean appliesTo(KernelVersion version) {
        return version.isAtLeast(release) || backports.stream()
                .anyMatch(b -> b.release().equals(version.release()) && version.isAtLeast(b));
    }
}
