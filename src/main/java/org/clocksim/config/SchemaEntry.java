package org.clocksim.config;

/** An entry of the config schema: a key holding a value, or a group of entries. */
sealed interface SchemaEntry permits Key, Group {
    String name();

    /** One line saying what it is for. */
    String doc();
}
