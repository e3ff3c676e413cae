package org.clocksim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.clocksim.results.ExpectationResult;
import org.clocksim.results.ResultsJson;
import org.clocksim.results.Summary;
import org.clocksim.results.SummaryFile;

/** What {@code run --format json} prints: the results directory, summary.json's contents, the verdicts. */
final class RunJson {
    private RunJson() {
    }

    static String of(Summary summary, Path dir, List<ExpectationResult> verdicts) {
        ObjectNode root = ResultsJson.MAPPER.createObjectNode();
        root.put("results", dir.toString());
        root.set("summary", SummaryFile.toJson(summary));
        root.set("expectations", ResultsJson.MAPPER.valueToTree(verdicts));
        return text(root);
    }

    static String text(Object json) {
        try {
            return ResultsJson.MAPPER.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
