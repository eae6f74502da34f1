package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.KnownError;

import java.util.regex.Pattern;

/**
 * An entry with its compiled pattern and its specificity (how many literal characters any match
 * of the pattern must contain; the first key of the winner rule).
 */
public record CompiledEntry(KnownError entry, Pattern pattern, int specificity) {

    /** Case-insensitive with Unicode case folding, as the seed's regexes expect. */
    public static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
}
