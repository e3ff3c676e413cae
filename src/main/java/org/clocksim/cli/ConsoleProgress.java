package org.clocksim.cli;

import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.clocksim.run.ProgressListener;

/**
 * An ASCII progress bar on stderr, in simulated microseconds, shown only when there is a console
 * (never in CI logs or pipes).
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private static final long PS_PER_US = 1_000_000;
    private final ProgressBar bar;
    private final long perStep;

    private ConsoleProgress(ProgressBar bar, long perStep) {
        this.bar = bar;
        this.perStep = perStep;
    }

    /** A bar for {@code totalPs} of simulated time, in us, or none when stderr is not a console. */
    static ConsoleProgress simulated(String task, long totalPs) {
        return start(task, totalPs / PS_PER_US, " us", PS_PER_US);
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
                bar.stepBy(done / perStep);
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
