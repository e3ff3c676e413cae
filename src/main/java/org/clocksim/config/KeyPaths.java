package org.clocksim.config;

/** Builds key paths as users write them: {@code machine.tsc.socketOffset[2]}. */
final class KeyPaths {

    private KeyPaths() {
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
