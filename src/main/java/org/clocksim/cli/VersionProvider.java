package org.clocksim.cli;

import org.clocksim.report.chart.ChartStyle;
import org.clocksim.results.Provenance;
import picocli.CommandLine.IVersionProvider;

/** The facts provenance.json records: the version and commit Maven wrote at build time, the JDK, the OS, the chart font. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return Provenance.current(ChartStyle.FONT).lines().toArray(String[]::new);
    }
}
