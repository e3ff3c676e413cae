package org.clocksim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clocksim.config.ConfigException;
import org.clocksim.config.ExperimentLoader;
import org.clocksim.config.HostLayer;
import org.clocksim.config.WorkLimits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options shared by commands that load a config. */
final class ConfigOptions {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. --set machine.tsc.socketOffset=[0ns,0ns] "
                    + "or --set machine.tsc.socketOffset[1]=5us (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--host", paramLabel = "FILE",
            description = "Run on another machine: FILE's machine, kernel and source latencies (the host.yaml "
                    + "clocksim calibrate writes) replace the config's; its workload, scheduler, output and "
                    + "expectations stay. The experiment is renamed NAME-on-HOST. --set applies after.")
    Path host;

    @Option(names = "--limit", paramLabel = "KEY=VALUE", converter = LimitConverter.class,
            description = "Raise (or lower) a limit on the estimated work of a run: events=N (default 5e8), reads=N "
                    + "(2e9), wakeups=N (2e10), memory=SIZE (2GB, or -Xmx if smaller); VALUE none removes it "
                    + "(repeatable).")
    List<String> limits = new ArrayList<>();

    /** The default limits with the {@code --limit}s applied. */
    WorkLimits workLimits() {
        return WorkLimits.DEFAULT.with(limits);
    }

    /**
     * The overrides to load {@code config} with: the {@code --set}s, preceded by the {@code --host}'s
     * machine, kernel and latencies and followed by the experiment's new name when there is a host.
     *
     * @throws ConfigException when the host file is no valid experiment, or the config on it is none
     */
    List<String> overrides(Path config) throws ConfigException {
        if (host == null) {
            return overrides;
        }
        HostLayer layer = HostLayer.read(host);
        return layer.onto(ExperimentLoader.load(config, layer.under(overrides), WorkLimits.NONE), overrides);
    }

    /** Checks a {@code --limit} while the command line is parsed, so a bad one is a usage error (exit 2). */
    static final class LimitConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                WorkLimits.DEFAULT.with(value);
                return value;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
