package org.clocksim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.clocksim.config.ConfigReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clocksim schema}: the experiment file's reference, as Markdown or as a JSON Schema. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the reference of every config key (Markdown, as docs/CONFIG.md) or the JSON Schema of "
                + "an experiment file, for editors.",
        footer = {"", "Examples:", "  clocksim schema > docs/CONFIG.md",
                "  clocksim schema --format json > clocksim-experiment.schema.json"})
final class SchemaCommand implements Callable<Integer> {
    enum Format { markdown, json }

    @Option(names = "--format", paramLabel = "markdown|json", description = "Output format (default: markdown).")
    Format format = Format.markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? ConfigReference.jsonSchema() : ConfigReference.markdown());
        out.flush();
        return 0;
    }
}
