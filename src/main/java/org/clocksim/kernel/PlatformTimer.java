package org.clocksim.kernel;

import org.clocksim.engine.Distribution;
import org.clocksim.engine.TimeUnits;
import org.clocksim.hw.ReturnDelay;

/**
 * A global platform counter, the same for every CPU: HPET (14.318 MHz, 32 bits) or the
 * ACPI PM timer (3.579545 MHz, 24 bits). Monotonic, not vDSO-capable, slow to read:
 * ~1.2 us for HPET, ~2.5 us for ACPI PM (KERNEL-FACTS.md §1; RHEL 7 Real Time guide §15.2.4,
 * arch/x86/kernel/hpet.c, drivers/clocksource/acpi_pm.c).
 *
 * @param driftPpm    the counter's own rate error against true time
 * @param returnDelay which of the watchdog's reads return late ({@link WatchdogReads})
 */
public record PlatformTimer(ClocksourceId name, long mask, long frequencyHz, double driftPpm,
                            Distribution readLatency, ReturnDelay returnDelay) implements Clocksource {

    public static PlatformTimer hpet(long frequencyHz, double driftPpm, Distribution readLatency,
                                     ReturnDelay returnDelay) {
        return new PlatformTimer(ClocksourceId.HPET, 0xFFFF_FFFFL, frequencyHz, driftPpm, readLatency, returnDelay);
    }

    public static PlatformTimer acpiPm(long frequencyHz, double driftPpm, Distribution readLatency,
                                       ReturnDelay returnDelay) {
        return new PlatformTimer(ClocksourceId.ACPI_PM, 0xFF_FFFFL, frequencyHz, driftPpm, readLatency, returnDelay);
    }

    /** One device for the whole machine, read at the same cost from every CPU. */
    @Override
    public boolean sameOnEveryCpu() {
        return true;
    }

    @Override
    public boolean vdsoCapable() {
        return false;
    }

    @Override
    public long read(int cpu, long timePs) {
        return (long) Math.floor(timePs * cyclesPerPs(cpu)) & mask;
    }

    /** The counter counts whole ticks of its oscillator: it lags true time by the fraction of one gone by. */
    @Override
    public double lagPs(int cpu, long timePs) {
        double position = timePs * cyclesPerPs(cpu);
        return (position - Math.floor(position)) / cyclesPerPs(cpu);
    }

    @Override
    public double stepPs(int cpu) {
        return 1 / cyclesPerPs(cpu);
    }

    @Override
    public double cyclesPerPs(int cpu) {
        return frequencyHz * (1 + driftPpm * 1e-6) / TimeUnits.PS_PER_S;
    }
}
