package org.clocksim.config;

/**
 * A config value after validation: the value read (or its default when absent), or, when it was
 * invalid and the error is already reported, a fallback that keeps the records constructible.
 * Cross-field checks look at {@link #valid()} so one mistake is not reported twice.
 */
record Checked<T>(T value, boolean valid) {

    static <T> Checked<T> ok(T value) {
        return new Checked<>(value, true);
    }

    static <T> Checked<T> invalid(T fallback) {
        return new Checked<>(fallback, false);
    }
}
