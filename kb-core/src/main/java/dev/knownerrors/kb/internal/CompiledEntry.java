package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.KnownError;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An entry with its compiled pattern, its specificity (how many literal characters any match
 * must contain; the first key of the winner rule) and, per alternative of its regex, the
 * case-folded literal runs every match of that alternative contains ({@code null} when the
 * regex could not be analysed) and whether every match of it begins with its first run
 * ({@code starts}, in the same order; {@code null} with {@code literals}).
 */
public record CompiledEntry(KnownError entry, Pattern pattern, int specificity, List<List<String>> literals,
                            List<Boolean> starts, String attribution) {

    /** Case-insensitive with Unicode case folding, as the seed's regexes expect. */
    public static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** The most literal evidence a match of this entry can carry: the best alternative's literal characters. */
    public int maxEvidence() {
        return Evidence.max(this);
    }

    /**
     * The most evidence a guarded match of this entry can carry: its best alternative with enough
     * literal text, not all of it everyday log text; 0 when there is none.
     */
    public int maxGuardedEvidence() {
        return Evidence.maxGuarded(this);
    }

    /** Its alternatives whose literal text is everyday log text (the precision guard ignores them), each as {@code run…run}. */
    public List<String> everydayAlternatives() {
        List<String> out = new java.util.ArrayList<>();
        if (literals != null) {
            for (List<String> runs : literals) {
                if (Evidence.everyday(runs)) {
                    out.add(String.join("\u2026", runs));
                }
            }
        }
        return out;
    }

    /** The least literal evidence a guarded entry's match must carry. */
    public static final int MIN_EVIDENCE = Evidence.MIN_EVIDENCE;

    /** A third-party entry's alternative with less literal text than this, all of it everyday log text, is no evidence. */
    public static final int EVERYDAY_BELOW = Evidence.EVERYDAY_BELOW;

    static CompiledEntry of(KnownError entry, Pattern pattern, String attribution) {
        RegexTree.Node tree = RegexTree.parse(pattern.pattern());
        int specificity = tree == null ? 0 : RegexTree.specificity(tree);
        RequiredLiterals.Analysis literals = RequiredLiterals.analyse(tree);
        return literals == null ? new CompiledEntry(entry, pattern, specificity, null, null, attribution)
                : new CompiledEntry(entry, pattern, specificity, literals.runs(), literals.starts(), attribution);
    }
}
