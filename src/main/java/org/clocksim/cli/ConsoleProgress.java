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
    private static final long PS_PER_UNIT = 1_000_000;
    private final ProgressBar bar;

    private ConsoleProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code totalPs} of simulated time, or none when stderr is not a console. */
    static ConsoleProgress start(String task, long totalPs) {
        if (System.console() == null) {
            return new ConsoleProgress(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalPs / PS_PER_UNIT)
                .setUnit(" us", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis((int) TimeUnit.MILLISECONDS.toMillis(200))
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
        return new ConsoleProgress(bar);
    }

    @Override
    public void advanced(long donePs) {
        if (bar != null) {
            synchronized (bar) {
                bar.stepBy(donePs / PS_PER_UNIT);
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
