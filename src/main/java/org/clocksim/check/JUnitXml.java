package org.clocksim.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.clocksim.report.out.Siblings;
import org.clocksim.report.out.Trees;
import org.clocksim.report.out.UnusablePathException;

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
        writeAtomically(xml.toString(), file);
    }

    /**
     * Writes {@code file} through a sibling {@code .NAME.tmp-PID-N} created with the umask's
     * permissions (0644 by default, readable by a CI uploader), then moved into place. Replaces
     * only a regular file: a directory, a device or a link is refused, untouched.
     */
    private static void writeAtomically(String text, Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        checkTarget(file);
        Files.createDirectories(absolute.getParent());
        Path temporary = Siblings.createFile(absolute, Siblings.Role.TMP);
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (Throwable e) {
            Trees.deleteAfter(temporary, e);
            throw e;
        }
    }

    /**
     * Checks, before anything runs, that {@code file} may be written: nothing is there, or a
     * regular file (not a directory, a device or a link).
     */
    public static void checkTarget(Path file) throws UnusablePathException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnusablePathException("will not write the JUnit XML to " + file + ": it is "
                    + (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS) ? "a directory"
                    : Files.isSymbolicLink(absolute) ? "a symbolic link" : "a device or other special file")
                    + "; give the path of a file");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
