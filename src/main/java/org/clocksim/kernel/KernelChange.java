package org.clocksim.kernel;

/**
 * One change of a {@link KernelRule} at a release, with where it comes from.
 *
 * @param release         the first release with the change
 * @param rule            the rule that changed
 * @param what            the rule from this release on, in clocksim's words
 * @param commit          the commit (abbreviated hash and subject) or pull that made the change
 * @param releaseVerified whether the release was read from a source; false: inferred from the commit's date
 */
public record KernelChange(KernelVersion release, KernelRule rule, String what, String commit,
                           boolean releaseVerified) {
    static KernelChange at(String release, KernelRule rule, String what, String commit, boolean releaseVerified) {
        return new KernelChange(KernelVersion.parse(release), rule, what, commit, releaseVerified);
    }
}
