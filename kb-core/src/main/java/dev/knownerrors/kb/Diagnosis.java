package dev.knownerrors.kb;

/**
 * A known error recognised in one event: the entry, and where in the scanned text it matched.
 *
 * <p>Immutable and thread-safe.
 *
 * @param knownError the entry that explains the event
 * @param matchedText the part of the scanned text the entry's regex matched
 * @param start start of the match in the scanned text
 * @param end end (exclusive) of the match in the scanned text
 */
public record Diagnosis(KnownError knownError, String matchedText, int start, int end) {

    /** Shorthand for {@code knownError().id()}. */
    public String id() {
        return knownError.id();
    }
}
