package org.clocksim.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --threads N}: worker threads for the passes or replications, at least one. */
final class ThreadsOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    void threads(int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "--threads: expected an integer >= 1, got " + value);
        }
        threads = value;
    }

    int threads() {
        return threads;
    }
}
