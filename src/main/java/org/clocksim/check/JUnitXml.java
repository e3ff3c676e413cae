package org.clocksim.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The verdicts as a JUnit XML report (the format CI systems read): one test suite per checked run,
 * one test case per expectation, a failure element with the actual value when it failed.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    /** One checked run: its name (the config, and the sweep point if any) and its verdicts. */
    public record Suite(String name, List<Verdict> verdicts) {
        long failures() {
            return verdicts.stream().filter(v -> !v.passed()).count();
        }
    }

    public static void write(List<Suite> suites, Path file) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = suites.stream().mapToLong(s -> s.verdicts().size()).sum();
        long failures = suites.stream().mapToLong(Suite::failures).sum();
        xml.append("<testsuites name=\"clocksim check\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\">\n");
        for (Suite suite : suites) {
            xml.append("  <testsuite name=\"").append(escape(suite.name())).append("\" tests=\"")
                    .append(suite.verdicts().size()).append("\" failures=\"").append(suite.failures()).append("\">\n");
            for (Verdict verdict : suite.verdicts()) {
                xml.append("    <testcase classname=\"").append(escape(suite.name())).append("\" name=\"")
                        .append(escape(verdict.expectation().describe())).append('"');
                if (verdict.passed()) {
                    xml.append("/>\n");
                } else {
                    xml.append(">\n      <failure message=\"").append(escape("actual " + verdict.actual()))
                            .append("\">").append(escape(verdict.expectation().origin() + ": expected "
                                    + verdict.expectation().describe() + ", actual " + verdict.actual()))
                            .append("</failure>\n    </testcase>\n");
                }
            }
            xml.append("  </testsuite>\n");
        }
        xml.append("</testsuites>\n");
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        Files.writeString(temporary, xml, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
