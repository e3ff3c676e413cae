package org.clocksim.config;

/** Where a config value came from: a file and line, or an override ({@code --set k=v}, line 0). */
record Origin(String file, int line) {

    static Origin override(String assignment) {
        return new Origin("--set " + assignment, 0);
    }
}
