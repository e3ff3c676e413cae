package org.clocksim.config;

import java.util.Collection;
import java.util.Optional;

/** Suggests the allowed word closest to a misspelt one (Levenshtein distance). */
final class DidYouMean {

    private DidYouMean() {
    }

    /** The closest candidate if it is close enough to be a plausible typo (first one on a tie). */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= threshold(best) ? Optional.of(best) : Optional.empty();
    }

    /** "did you mean 'x'?" when a candidate is close, otherwise "expected one of a, b, c". */
    static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates)
                .map(c -> "did you mean '" + c + "'?")
                .orElseGet(() -> "expected one of " + String.join(", ", candidates));
    }

    /** "unknown source 'x'; expected one of a, b", plus "; did you mean 'y'?" when one is close. */
    static String unknown(String what, String value, Collection<String> allowed) {
        return "unknown " + what + " '" + value + "'; expected one of " + String.join(", ", allowed)
                + closest(value, allowed).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    /** Edits a typo may take: 1 for short words, 2 from four letters (a swap is two), 3 from nine. */
    private static int threshold(String candidate) {
        int length = candidate.length();
        return length <= 3 ? 1 : length < 9 ? 2 : 3;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
