package org.clocksim.source;

/**
 * A source's calls as exact mode may run them whole, with none of their steps a step of the workload's loop
 * (docs/PERFORMANCE.md, "Whole calls"): between two events, on the core of the thread's last call, a call is one
 * latency draw, samples its counter at a fixed point of it and reads a function of the sample time alone, so its
 * steps, run one by one, would give the same reading at the same times. Only for the calls after one that ran
 * step by step since the last event (it saw the event's changes; the whole calls see none): their readings
 * then never fall below the thread's last one.
 */
public interface WholeCall {
    /** The next call's latency, drawn from the thread's stream as {@link TimeSource#begin} draws it. */
    long drawLatencyPs(Read read);

    /** When a call begun at {@code startPs} with that latency draw samples its counter. */
    long samplePs(long startPs, long latencyPs);

    /** When it returns. */
    long endPs(long startPs, long latencyPs);

    /** Its reading, sampled on {@code core} at {@code samplePs}. */
    long valueAt(int core, long samplePs);

    /**
     * A call whose latency is drawn but which does not return before the next event: begun as
     * {@link TimeSource#begin} begins it, its steps run one by one from here.
     *
     * @return the time of its first step
     */
    long begin(Read read, long startPs, long latencyPs);
}
