package org.clocksim.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** A config file's text, and its tree with the {@code --set} overrides applied: what every loader starts from. */
final class ConfigSource {
    private ConfigSource() {
    }

    /** The file's text; a missing or unreadable file is a {@link ConfigException} naming it. */
    static String read(Path file) throws ConfigException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileError(file, "no such file");
        } catch (CharacterCodingException e) {
            throw fileError(file, "cannot read: not UTF-8 text");
        } catch (IOException e) {
            throw fileError(file, "cannot read: " + e);
        }
    }

    /** The parsed tree with the overrides applied; problems go to {@code problems}. */
    static YamlNode tree(String text, String sourceName, List<String> overrides, Problems problems)
            throws ConfigException {
        return Overrides.apply(YamlTreeParser.parseFile(text, sourceName, problems), overrides, problems);
    }

    private static ConfigException fileError(Path file, String message) {
        return new ConfigException(List.of(new ConfigError(file.toString(), 0, "", message)));
    }
}
