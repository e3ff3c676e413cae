package org.clocksim.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clocksim.workload.Program;

/**
 * A check program's verdict, {@code pass} or {@code fail}, with the numbers it was decided on.
 */
public record ProgramResult(Program program, boolean passed, Map<String, Double> details) {
    public ProgramResult {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public String verdict() {
        return passed ? "pass" : "fail";
    }
}
