package org.clocksim.calibrate.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clocksim.kernel.KernelRules;
import org.clocksim.kernel.KernelVersion;
import org.junit.jupiter.api.Test;

/** The host's osrelease as kernel.version: its leading X.Y.Z, brought into the modelled releases with a note. */
class ModelledReleaseTest {
    @Test
    void theLeadingVersionOfADistributionsReleaseIsTaken() {
        List<String> notes = new ArrayList<>();
        assertThat(ModelledRelease.of("6.18.44-fc-v1045", notes)).contains(KernelVersion.parse("6.18.44"));
        assertThat(ModelledRelease.of("5.15.0-91-generic", notes)).contains(KernelVersion.parse("5.15"));
        assertThat(notes).isEmpty();
    }

    @Test
    void aReleaseOutsideTheModelledOnesRunsOnTheNearestRulesWithANote() {
        List<String> notes = new ArrayList<>();
        assertThat(ModelledRelease.of("7.2.1-arch1", notes)).contains(KernelRules.NEWEST);
        assertThat(ModelledRelease.of("2.6.18-419.el5", notes)).contains(KernelRules.OLDEST);
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).contains("7.2.1", "newer", KernelRules.NEWEST.toString());
    }

    @Test
    void aReleaseWithoutAVersionLeavesTheDefaultWithANote() {
        List<String> notes = new ArrayList<>();
        assertThat(ModelledRelease.of("unknown", notes)).isEmpty();
        assertThat(notes).singleElement().asString().contains("unknown");
    }
}
