package org.clocksim.config;

import java.util.List;

/**
 * Scripted changes (TSC writes, P-state changes, NTP frequency changes) must fall inside the run: one at or
 * after its end would be accepted and never take effect, so it is reported at its {@code at}.
 */
final class ScheduledChanges {
    private ScheduledChanges() {
    }

    /**
     * @param list the list of changes, e.g. {@code machine.events}, as read
     * @param ats  each change's time, in the list's order (the list is read only when every item is valid)
     */
    static void requireBeforeEnd(Section parent, String list, List<Long> ats, long durationPs) {
        if (ats.stream().allMatch(at -> at < durationPs)) {
            return;
        }
        parent.get(list).flatMap(Field::items).ifPresent(items -> {
            for (int i = 0; i < items.size() && i < ats.size(); i++) {
                if (ats.get(i) >= durationPs) {
                    Section.of(items.get(i), "a change").errorAt("at", Units.formatDuration(ats.get(i))
                            + " is not before the end of the run (duration " + Units.formatDuration(durationPs)
                            + "), so it would never take effect");
                }
            }
        });
    }
}
