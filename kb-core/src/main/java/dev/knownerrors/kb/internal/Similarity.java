package dev.knownerrors.kb.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How much of an entry's signature (its canonical message) the event's text repeats: the share
 * of the signature's words that occur as words in the text. Regexes of different entries
 * overlap ({@code 401.*Unauthorized} is in many); when several entries match one event, the one
 * whose signature the event resembles most is the better diagnosis.
 */
final class Similarity {

    /** The share of a signature whose every word is in the text. */
    static final int FULL = 20;

    private Similarity() {
    }

    /** The distinct words (letters and digits, two or more, lower-cased) of a signature; empty for none. */
    static String[] words(String signature) {
        if (signature == null) {
            return new String[0];
        }
        Set<String> out = new LinkedHashSet<>();
        collect(signature, out);
        return out.toArray(new String[0]);
    }

    /** The words of an event's text, for {@link #share}. */
    static Set<String> words(CharSequence text) {
        Set<String> out = new HashSet<>();
        collect(text, out);
        return out;
    }

    /** The share of {@code signature}'s words found in {@code text}, in twentieths (0 to 20). */
    static int share(String[] signature, Set<String> text) {
        if (signature.length == 0) {
            return 0;
        }
        int found = 0;
        for (String w : signature) {
            if (text.contains(w)) {
                found++;
            }
        }
        return found * FULL / signature.length;
    }

    private static void collect(CharSequence s, Set<String> out) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            if (i - start >= 2) {
                out.add(s.subSequence(start, i).toString().toLowerCase(Locale.ROOT));
            }
        }
    }
}
