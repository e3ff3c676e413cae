package org.clocksim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clocksim.config.ConfigException;
import org.clocksim.report.out.OutputClaim;
import org.clocksim.sweep.SweepMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clocksim merge --out DIR SHARD...}: combine a sharded sweep's parts. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine the results directories of a sweep's shards into one, as a single run would write it.")
final class MergeCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The merged results directory.")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "The shards' results directories.")
    List<Path> shards;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, ConfigException {
        PrintWriter err = spec.commandLine().getErr();
        try (OutputClaim claim = OutputClaim.acquire(out, err::println)) {
            SweepMerger.merge(shards, out);
        }
        PrintWriter writer = spec.commandLine().getOut();
        writer.println("merged " + shards.size() + " shards into " + out);
        writer.flush();
        return 0;
    }
}
