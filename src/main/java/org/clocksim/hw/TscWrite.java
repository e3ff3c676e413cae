package org.clocksim.hw;

/**
 * A scripted write to one core's TSC or TSC_ADJUST during the run (firmware, a hypervisor, a
 * resume: KERNEL-FACTS.md §1): from {@code atPs} on, the core's counter reads {@code deltaPs} more
 * (converted to cycles at the nominal frequency; negative moves it back).
 */
public record TscWrite(long atPs, int core, long deltaPs) {
}
