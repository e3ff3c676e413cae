package org.clocksim.report.sweep;

import java.util.List;
import org.clocksim.results.Metrics;
import org.clocksim.results.SourceMetric;

/** Which of the catalogue's swept metrics the sweep report charts and tabulates, in report order. */
final class ReportedMetrics {
    /** The metrics drawn as metric-against-parameter charts (cross-thread ones where present). */
    static final List<SourceMetric> CHARTED = List.of(Metrics.BACKWARD_PER_MILLION, Metrics.MAX_BACKWARD,
            Metrics.LATENCY_P50, Metrics.CROSS_PER_MILLION, Metrics.CROSS_MAX_BACKWARD);
    /** The metrics of the report's tables. */
    static final List<SourceMetric> TABULATED = List.of(Metrics.BACKWARD_PER_MILLION, Metrics.MAX_BACKWARD,
            Metrics.LATENCY_P50, Metrics.LATENCY_P99, Metrics.ERROR_MAX_ABS, Metrics.CROSS_PER_MILLION,
            Metrics.CROSS_MAX_BACKWARD);

    /** How the tables split them, so that none is wider than GitHub's page: backward steps, then latency and error. */
    static final List<List<SourceMetric>> TABLES = List.of(
            List.of(Metrics.BACKWARD_PER_MILLION, Metrics.MAX_BACKWARD, Metrics.CROSS_PER_MILLION,
                    Metrics.CROSS_MAX_BACKWARD),
            List.of(Metrics.LATENCY_P50, Metrics.LATENCY_P99, Metrics.ERROR_MAX_ABS));
    /** The metrics the headline reports the range of. */
    static final List<SourceMetric> HEADLINE = List.of(Metrics.BACKWARD_PER_MILLION, Metrics.MAX_BACKWARD,
            Metrics.CROSS_PER_MILLION, Metrics.CROSS_MAX_BACKWARD);

    private ReportedMetrics() {
    }
}
