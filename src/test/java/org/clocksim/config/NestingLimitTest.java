package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.config.Configs.errors;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A config nested deeper than the documented limit is a file:line error, never a StackOverflowError. */
class NestingLimitTest {
    private static String nested(int depth, String open, String close) {
        return "duration: 1s\ndescription: " + open.repeat(depth) + "1" + close.repeat(depth) + "\n";
    }

    @Test
    void tooDeepIsAnErrorAtItsLine() {
        assertThat(errors(nested(1000, "[", "]"))).singleElement().asString()
                .startsWith("x.yaml:2: description")
                .endsWith("nested deeper than " + YamlTreeParser.MAX_DEPTH + " levels of mappings and lists (the limit)");
        assertThat(errors(nested(YamlTreeParser.MAX_DEPTH + 1, "{a: ", "}"))).singleElement().asString()
                .contains("nested deeper than");
    }

    @Test
    void theLimitItselfIsFine() {
        // one level is the top-level mapping: description then holds MAX_DEPTH - 1 more
        assertThat(errors(nested(YamlTreeParser.MAX_DEPTH - 1, "[", "]"))).singleElement().asString()
                .doesNotContain("nested deeper").contains("expected a single value");
    }

    @Test
    void repeatedDeepFilesOnASmallStackNeverOverflow() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<List<String>> last = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                for (int i = 0; i < 5; i++) {
                    last.set(errors(nested(5000, "{a: ", "}")));
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertThat(failure.get()).isNull();
        assertThat(last.get()).singleElement().asString().contains("nested deeper than");
    }
}
