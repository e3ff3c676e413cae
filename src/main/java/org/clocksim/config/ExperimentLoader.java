package org.clocksim.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.clocksim.run.Experiment;

/** The entry point: a YAML experiment file plus {@code --set} overrides to a validated {@link Experiment}. */
public final class ExperimentLoader {

    private ExperimentLoader() {
    }

    /**
     * Reads {@code file}, applies the overrides ({@code key.path=value}; the path may index lists,
     * {@code machine.tsc.socketOffset[1]=5us}; the value is a YAML flow value, so {@code
     * machine.tsc.socketOffset=[0ns, 0ns]} works) and validates the result.
     *
     * @throws ConfigException listing every problem, each with file, line and key path
     */
    public static Experiment load(Path file, List<String> overrides) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileError(file, "no such file");
        } catch (CharacterCodingException e) {
            throw fileError(file, "cannot read: not UTF-8 text");
        } catch (IOException e) {
            throw fileError(file, "cannot read: " + e);
        }
        return parse(text, file.toString(), overrides);
    }

    /**
     * Like {@link #load} for text already read; {@code sourceName} is the file name errors carry,
     * and its base name is the experiment's default name.
     */
    public static Experiment parse(String yamlText, String sourceName, List<String> overrides)
            throws ConfigException {
        Problems problems = new Problems();
        YamlNode root = YamlTreeParser.parseFile(yamlText, sourceName, problems);
        root = Overrides.apply(root, overrides, problems);
        return ExperimentReader.read(root, baseName(sourceName), problems);
    }

    /** {@code experiments/two.yaml} → {@code two}. */
    static String baseName(String sourceName) {
        String name = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base.isBlank() ? "experiment" : base;
    }

    private static ConfigException fileError(Path file, String message) {
        return new ConfigException(List.of(new ConfigError(file.toString(), 0, "", message)));
    }
}
