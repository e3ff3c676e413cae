package org.clocksim.cli;

import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.clocksim.run.ProgressListener;

/**
 * An ASCII progress bar on stderr, shown only when there is a console (never in CI logs or pipes)
 * and not {@code --quiet}.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private static final long PS_PER_MS = 1_000_000_000L;
    private final ProgressBar bar;
    private final long perStep;
    /** Picoseconds (or things) reported but not yet a whole step. */
    private long pending;

    private ConsoleProgress(ProgressBar bar, long perStep) {
        this.bar = bar;
        this.perStep = perStep;
    }

    /**
     * A bar in milliseconds of the run's simulated time: {@code passes} passes (one per source) cover
     * {@code durationPs} each, in parallel, so the bar advances by their mean; none without a console.
     */
    static ConsoleProgress simulated(String task, long durationPs, int passes) {
        return start(task + (passes > 1 ? " (" + passes + " passes)" : ""), Math.max(durationPs / PS_PER_MS, 1),
                " ms simulated", PS_PER_MS * passes);
    }

    /** No bar at all ({@code --quiet}). */
    static ConsoleProgress none() {
        return new ConsoleProgress(null, 1);
    }

    /** Says on the console (when there is one) what comes after the bar: "rendering charts and report.md". */
    static void phase(String what) {
        if (System.console() != null) {
            System.err.println("clocksim: " + what + " …");
        }
    }

    /** A bar counting {@code total} things ({@code unit}: " runs"), or none without a console. */
    static ConsoleProgress counting(String task, long total, String unit) {
        return start(task, total, unit, 1);
    }

    private static ConsoleProgress start(String task, long max, String unit, long perStep) {
        if (System.console() == null) {
            return new ConsoleProgress(null, perStep);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis((int) TimeUnit.MILLISECONDS.toMillis(200))
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .build();
        return new ConsoleProgress(bar, perStep);
    }

    @Override
    public void advanced(long done) {
        if (bar != null) {
            synchronized (bar) {
                pending += done;
                bar.stepBy(pending / perStep);
                pending %= perStep;
            }
        }
    }

    /** Whether a bar is shown (there is a console). */
    boolean shown() {
        return bar != null;
    }

    /** Shows {@code message} beside the bar (what is being done now). */
    void message(String message) {
        if (bar != null) {
            bar.setExtraMessage(message);
        }
    }

    /** Sets the total once it is known (a sweep counts what is left to run). */
    void maxHint(long max) {
        if (bar != null) {
            bar.maxHint(max);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
