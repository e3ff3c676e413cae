package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class CheckCommandTest {
    private static final Path HANDOFF = Path.of("experiments/two-socket-handoff.yaml");

    @TempDir
    Path tmp;

    @Test
    void passingExpectationsExitZeroAndWriteJUnitXml() throws Exception {
        Path xml = tmp.resolve("reports/check.xml");
        Cli cli = Cli.run("check", HANDOFF, "--set", "duration=5ms", "--junit-xml", xml);
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("ok    rdtsc.crossThread.backwardEvents >= 1").contains("5 passed, 0 failed");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertThat(document.getDocumentElement().getAttribute("tests")).isEqualTo("5");
        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(document.getElementsByTagName("testcase").getLength()).isEqualTo(5);
    }

    @Test
    void aFailingExpectationExitsOneAndNamesTheActualValue() throws Exception {
        Path xml = tmp.resolve("check.xml");
        Cli cli = Cli.run("check", HANDOFF, "--set", "duration=5ms", "--set", "machine.tsc.socketOffset=[0ns, 0ns]",
                "--junit-xml", xml);
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).contains("FAIL  rdtsc.crossThread.backwardEvents >= 1").contains("actual 0")
                .contains("2 passed, 3 failed");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertThat(document.getElementsByTagName("failure").getLength()).isEqualTo(3);
        assertThat(Files.readString(xml)).contains("two-socket-handoff.yaml:");
    }

    @Test
    void aBadConfigExitsTwoAndRunsNothing() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "duration: 1ms\nexpect:\n  rdtsc: {backwardEvent: 0}\n");
        Cli cli = Cli.run("check", HANDOFF, bad);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("bad.yaml:3: expect.rdtsc.backwardEvent: unknown metric");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aJUnitXmlPathThatIsADirectoryIsRefusedBeforeRunningAndKept() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("reports"));
        Cli cli = Cli.run("check", HANDOFF, "--set", "duration=5ms", "--junit-xml", dir);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("will not write the JUnit XML to " + dir + ": it is a directory");
        assertThat(cli.out()).as("nothing ran").isEmpty();
        assertThat(dir).isEmptyDirectory();
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("reports");
        }
    }
}
