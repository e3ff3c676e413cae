package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * What produced a results directory, beyond its config: the clocksim build, the JDK, the OS, the
 * font the charts are drawn with (the requested family, and the one Java resolved it to: another
 * font moves pixels, not numbers). Kept apart from the outputs whose bytes are compared
 * (provenance.json, {@link ProvenanceFile}) and printed by {@code clocksim --version}.
 *
 * @param commit the git commit the jar was built from ("-dirty" with uncommitted changes), or "unknown"
 */
@JsonPropertyOrder({"clocksimVersion", "commit", "javaVendor", "javaVersion", "javaRuntime", "osName", "osArch",
        "osVersion", "chartFont", "chartFontResolved"})
public record Provenance(String clocksimVersion, String commit, String javaVendor, String javaVersion,
                         String javaRuntime, String osName, String osArch, String osVersion, String chartFont,
                         String chartFontResolved) {
    static final String UNKNOWN = "unknown";

    /** This process's facts; {@code chartFont} is the family the charts ask for. */
    public static Provenance current(String chartFont) {
        return new Provenance(resource("/clocksim.properties").getProperty("version", UNKNOWN), builtCommit(),
                System.getProperty("java.vendor"), System.getProperty("java.version"),
                System.getProperty("java.runtime.version"), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("os.version"), chartFont,
                new Font(chartFont, Font.PLAIN, 12).getFamily());
    }

    /** The facts as "name: value" lines, for {@code --version}. */
    public List<String> lines() {
        return List.of("clocksim " + clocksimVersion + " (commit " + commit + ")",
                "java: " + javaVendor + " " + javaVersion + " (runtime " + javaRuntime + ")",
                "os: " + osName + " " + osVersion + " " + osArch,
                "chart font: " + chartFont + (chartFont.equals(chartFontResolved) ? ""
                        : " (not installed: charts use " + chartFontResolved + ")"));
    }

    private static String builtCommit() {
        try (InputStream in = Provenance.class.getResourceAsStream("/clocksim-commit.txt")) {
            String commit = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return commit.isEmpty() ? UNKNOWN : commit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties resource(String name) {
        Properties properties = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream(name)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
