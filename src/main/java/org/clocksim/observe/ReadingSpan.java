package org.clocksim.observe;

/** The earliest and latest readings in true time: the clock's rate over the run (raw-skew). */
final class ReadingSpan {
    private long firstPs = -1;
    private double firstNs;
    private long lastPs;
    private double lastNs;

    void add(long samplePs, double readingNs) {
        if (firstPs < 0 || samplePs < firstPs) {
            firstPs = samplePs;
            firstNs = readingNs;
        }
        if (samplePs >= lastPs) {
            lastPs = samplePs;
            lastNs = readingNs;
        }
    }

    SourceResult.Span result() {
        return new SourceResult.Span(Math.max(0, firstPs), firstNs, lastPs, lastNs);
    }
}
