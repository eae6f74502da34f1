package dev.knownerrors.kb.internal;

/**
 * The case folding of {@code Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE}: a text character
 * matches a pattern character when {@code toLowerCase(toUpperCase(c))} of both agree. Folding
 * the literals and the text the same way keeps the prefilter exact for what the regex accepts.
 */
final class CaseFold {

    /** The fold of every character, computed once. */
    private static final char[] FOLD = new char[65536];
    /** Characters whose fold is not itself folded (a second fold changes it); never used in literals. */
    private static final boolean[] UNSTABLE = new boolean[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            FOLD[c] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : (char) c)
                    : Character.toLowerCase(Character.toUpperCase((char) c));
        }
        for (int c = 0; c < 65536; c++) {
            UNSTABLE[c] = FOLD[FOLD[c]] != FOLD[c];
        }
    }

    private CaseFold() {
    }

    static char fold(char c) {
        return FOLD[c];
    }

    /**
     * The whole table, indexed by character, for loops over many characters at a KB load (an
     * array read where the interpreter would make a call per character). Not to be written to.
     */
    static char[] table() {
        return FOLD;
    }

    /** Whether {@code c} can stand in a folded literal (its fold is stable and not a surrogate). */
    static boolean usable(char c) {
        char f = fold(c);
        return !UNSTABLE[c] && !UNSTABLE[f] && !Character.isSurrogate(c);
    }
}
