package org.clocksim.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Identifies a sweep point by its fully resolved config: SHA-256, hex, first 16 digits. */
final class PointHash {
    private PointHash() {
    }

    static String of(String resolvedConfig) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(resolvedConfig.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
