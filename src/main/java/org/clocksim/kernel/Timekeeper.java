package org.clocksim.kernel;

/**
 * The kernel's clock (kernel/time/timekeeping.c, KERNEL-FACTS.md §2), in its own arithmetic:
 * <ul>
 *   <li>On each tick the timekeeping CPU reads the clocksource and accumulates whole
 *       {@code cycle_interval} steps: {@code cycle_last += n·interval}, base += n·interval·mult;
 *       the remainder stays unaccumulated, so {@code cycle_last} trails by up to a tick.</li>
 *   <li>A reading anywhere is base + ((counter_on_this_cpu − cycle_last)·mult + xtime_nsec) >> shift.</li>
 *   <li>A negative delta (this CPU's counter behind {@code cycle_last}) is clamped to 0: the reading
 *       is the base of the current period (clocksource_delta()).</li>
 *   <li>NTP slews by changing mult; the continuity correction {@code xtime_nsec −= offset·Δmult}
 *       keeps the reading at the change continuous (timekeeping_apply_adjustment()).
 *       {@link NtpUpdate#NAIVE} skips it, which steps time at the tick: the bug class of §4.</li>
 *   <li>MONOTONIC_RAW accumulates with the clocksource's own mult, never slewed.</li>
 *   <li>The release's rules ({@link TimekeepingRules}): an adjtimex frequency change applies at the next tick,
 *       or at once (4.19, c2cda2a5bda9: timekeeping_advance(TK_ADV_FREQ), which accumulates whatever whole
 *       intervals there are and steers mult, usually with nothing accumulated); a tick with less than one
 *       interval updates anyway, or does nothing (3.6, bf2ac3121951); the coarse clocks read the live
 *       {@code xtime_nsec}, which an immediate change that raises mult lowers by offset·Δmult (the rollback of
 *       LKML 2025 "Fix rolling back of CLOCK_MONOTONIC_COARSE"), or the {@code coarse_nsec} saved when a tick
 *       accumulated time or the clock was forwarded (6.15, b71f9804f66c).</li>
 *   <li>BOOTTIME = MONOTONIC (no suspend, offs_boot 0); TAI = REALTIME + the TAI offset (offs_tai).</li>
 * </ul>
 * Shifted nanoseconds ({@code xtime_nsec}) are kept below one second; whole seconds move into
 * the base, as the kernel moves them into {@code xtime_sec}.
 */
public final class Timekeeper {
    private static final long NSEC_PER_SEC = MultShift.NSEC_PER_SEC;

    private final int hz;
    private final TimekeepingRules rules;
    private final NtpUpdate ntpUpdate;
    private final long wallOffsetNs;
    private final long taiOffsetNs;

    private Clocksource clocksource;
    private long mask;
    private int shift;
    private long rawMult;
    private long mult;
    private long cycleInterval;
    private long xtimeRemainder;
    private long cycleLast;
    private long monoBaseNs;
    private long xtimeNsec;
    private long rawBaseNs;
    private long rawXtimeNsec;
    private double ntpFrequencyPpm;
    private int multChanges;
    /** coarse_nsec (with its seconds): MONOTONIC_COARSE as saved at the last accumulation, when the rules say so. */
    private long savedCoarseNs;
    private int coarseStepsBack;

    /**
     * Starts keeping time with {@code clocksource}, read on {@code cpu} at true time {@code timePs}.
     *
     * @param wallOffsetNs REALTIME − MONOTONIC (the wall clock at boot)
     * @param taiOffsetNs  TAI − REALTIME
     */
    public Timekeeper(int hz, TimekeepingRules rules, NtpUpdate ntpUpdate, long wallOffsetNs, long taiOffsetNs,
                      Clocksource clocksource, int cpu, long timePs) {
        this.hz = hz;
        this.rules = rules;
        this.ntpUpdate = ntpUpdate;
        this.wallOffsetNs = wallOffsetNs;
        this.taiOffsetNs = taiOffsetNs;
        setup(clocksource, clocksource.read(cpu, timePs));
    }

    /**
     * tk_setup_internals(): mult and shift for the clocksource's frequency, the cycle interval of
     * one tick (NTP_INTERVAL_LENGTH = NSEC_PER_SEC / HZ, rounded to whole cycles) and what that
     * rounding leaves over.
     */
    private void setup(Clocksource source, long now) {
        int oldShift = shift;
        MultShift conversion = MultShift.forFrequency(source.frequencyHz(), MultShift.CONVERSION_RANGE_SECONDS);
        clocksource = source;
        mask = source.mask();
        shift = conversion.shift();
        rawMult = conversion.mult();
        long tickNsShifted = (NSEC_PER_SEC / hz) << shift;
        cycleInterval = Math.max(1, (tickNsShifted + rawMult / 2) / rawMult);
        xtimeRemainder = tickNsShifted - cycleInterval * rawMult;
        mult = rawMult;
        cycleLast = now;
        xtimeNsec = reshift(xtimeNsec, oldShift, shift);
        rawXtimeNsec = reshift(rawXtimeNsec, oldShift, shift);
        applyNtp(0);
        saveCoarse();
    }

    private static long reshift(long shifted, int from, int to) {
        return from == 0 && shifted == 0 ? 0 : (shifted >> from) << to;
    }

    public Clocksource clocksource() {
        return clocksource;
    }

    /**
     * Cycles since {@code cycle_last}, with the negative-delta clamp; on a counter the same on every CPU a reading
     * behind {@code cycle_last} comes only from a fast-mode thread behind the kernel by a few plain ticks, which do
     * not change the conversion: the delta is then negative, and the reading the one it had at its time.
     */
    long delta(long cycles) {
        return clocksource.sameOnEveryCpu() ? Clocksource.signedDelta(cycles, cycleLast, mask)
                : Clocksource.delta(cycles, cycleLast, mask);
    }

    /** The clock's value in ns for a counter value read on some CPU (ignored by coarse clocks). */
    public long readNs(ClockId clock, long cycles) {
        return switch (clock) {
            case MONOTONIC, BOOTTIME -> monoBaseNs + mulShift(delta(cycles), mult, xtimeNsec);
            case REALTIME -> wallOffsetNs + monoBaseNs + mulShift(delta(cycles), mult, xtimeNsec);
            case TAI -> taiOffsetNs + wallOffsetNs + monoBaseNs + mulShift(delta(cycles), mult, xtimeNsec);
            case MONOTONIC_RAW -> rawBaseNs + mulShift(delta(cycles), rawMult, rawXtimeNsec);
            case MONOTONIC_COARSE -> coarseNs();
            case REALTIME_COARSE -> wallOffsetNs + coarseNs();
        };
    }

    /** The coarse clocks' MONOTONIC: the saved coarse_nsec (6.15 on) or the live xtime_nsec (before). */
    private long coarseNs() {
        return rules.coarseAtAccumulation() ? savedCoarseNs : liveCoarseNs();
    }

    private long liveCoarseNs() {
        return monoBaseNs + (xtimeNsec >> shift);
    }

    /** tk_update_coarse_nsecs(). */
    private void saveCoarse() {
        savedCoarseNs = liveCoarseNs();
    }

    /**
     * The counter value at which MONOTONIC reaches {@code monotonicNs} with the current snapshot
     * (the inverse of the reading; used to fire the tick at a kernel-time boundary).
     */
    public long cyclesAtMonotonic(long monotonicNs) {
        long shiftedNs = (monotonicNs - monoBaseNs << shift) - xtimeNsec;
        long cycles = shiftedNs <= 0 ? 0 : (shiftedNs + mult - 1) / mult;
        return (cycleLast + cycles) & mask;
    }

    /** {@code xtime_sec}: the wall clock's whole seconds as of the last tick (what time() returns). */
    public long realtimeSeconds() {
        return Math.floorDiv(readNs(ClockId.REALTIME_COARSE, 0), NSEC_PER_SEC);
    }

    private long mulShift(long delta, long multiplier, long addend) {
        return MultShift.mulAddShift(delta, multiplier, addend, shift);
    }

    /** Whether the next update steers mult (to a new NTP frequency): a tick then changes what reads return. */
    public boolean steersAtNextUpdate() {
        return ntpMult() != mult;
    }

    /**
     * The tick's timekeeping_advance(TK_ADV_TICK) with {@code cycles} read on the timekeeping CPU: nothing when
     * less than one interval has elapsed and the release returns early ({@link TimekeepingRules#shortTickReturns}),
     * else {@link #update}.
     *
     * @return whether the timekeeper was updated (and the vDSO page must be rewritten)
     */
    public boolean advance(long cycles) {
        long offset = delta(cycles);
        if (offset < cycleInterval && rules.shortTickReturns()) {
            return false;
        }
        update(offset);
        return true;
    }

    /**
     * Accumulates the whole intervals in {@code offset}, then steers mult towards the NTP frequency; the coarse
     * clocks' nanoseconds are saved when something was accumulated (6.15: "if (orig_offset != offset)").
     */
    private void update(long offset) {
        long intervals = offset / cycleInterval;
        boolean accumulated = intervals > 0;
        while (intervals > 0) {
            long chunk = Math.min(intervals, 1024);
            cycleLast = (cycleLast + chunk * cycleInterval) & mask;
            xtimeNsec += chunk * cycleInterval * mult;
            rawXtimeNsec += chunk * cycleInterval * rawMult;
            normalize();
            intervals -= chunk;
        }
        long before = liveCoarseNs();
        applyNtp(offset % cycleInterval);
        if (accumulated) {
            saveCoarse();
        } else if (!rules.coarseAtAccumulation() && liveCoarseNs() < before) {
            coarseStepsBack++;
        }
    }

    /**
     * timekeeping_adjust(): the mult that makes one interval last the NTP tick length,
     * {@code (ntp_tick − xtime_remainder) / cycle_interval}, applied with the continuity correction
     * (unless naive). The kernel's ±1 dithering of mult against the accumulated NTP error is not
     * modelled: mult granularity is ~0.06 ppm (KERNEL-FACTS.md §2).
     */
    private void applyNtp(long unaccumulated) {
        long target = ntpMult();
        long adjustment = target - mult;
        if (adjustment == 0) {
            return;
        }
        mult = target;
        multChanges++;
        if (ntpUpdate == NtpUpdate.CONTINUOUS) {
            xtimeNsec -= unaccumulated * adjustment;
            normalize();
        }
    }

    /** The mult that makes one interval last the NTP tick length at the current frequency. */
    private long ntpMult() {
        double tickNs = (double) (NSEC_PER_SEC / hz) * (1 + ntpFrequencyPpm * 1e-6);
        long ntpTick = Math.round(tickNs * (1L << shift));
        return (ntpTick - xtimeRemainder) / cycleInterval;
    }

    private void normalize() {
        long second = NSEC_PER_SEC << shift;
        while (xtimeNsec >= second) {
            xtimeNsec -= second;
            monoBaseNs += NSEC_PER_SEC;
        }
        while (xtimeNsec < 0) {
            xtimeNsec += second;
            monoBaseNs -= NSEC_PER_SEC;
        }
        while (rawXtimeNsec >= second) {
            rawXtimeNsec -= second;
            rawBaseNs += NSEC_PER_SEC;
        }
    }

    /**
     * adjtimex(ADJ_FREQUENCY) with {@code cycles} read on the calling CPU: at once since 4.19
     * (do_adjtimex() → timekeeping_advance(TK_ADV_FREQ), no early return), else at the next tick.
     *
     * @return whether the timekeeper was updated now (and the vDSO page must be rewritten)
     */
    public boolean setNtpFrequency(double ppm, long cycles) {
        ntpFrequencyPpm = ppm;
        if (!rules.frequencyAtOnce()) {
            return false;
        }
        update(delta(cycles));
        return true;
    }

    /**
     * The frequency in force when time starts counting (the experiment's boot value, as if adjtimex had set
     * it before): mult is steered at once, from t = 0, with nothing accumulated to keep continuous. Not a
     * mult change.
     */
    public void startAtNtpFrequency(double ppm) {
        ntpFrequencyPpm = ppm;
        mult = ntpMult();
    }

    /**
     * change_clocksource(): accumulates everything up to now with the old clocksource
     * (timekeeping_forward_now()), then continues from the new one's current value.
     */
    public void changeClocksource(Clocksource next, long oldCycles, long newCycles) {
        long offset = delta(oldCycles);
        xtimeNsec += offset * mult;
        rawXtimeNsec += offset * rawMult;
        normalize();
        setup(next, newCycles);
    }

    /** How many times an immediate frequency change stepped the coarse clocks back (pre-6.15 arithmetic). */
    public int coarseStepsBack() {
        return coarseStepsBack;
    }

    /** How many times NTP changed mult (each a possible step in naive mode). */
    public int multChanges() {
        return multChanges;
    }

    public long cycleLast() {
        return cycleLast;
    }

    public long cycleInterval() {
        return cycleInterval;
    }

    public long mult() {
        return mult;
    }
}
