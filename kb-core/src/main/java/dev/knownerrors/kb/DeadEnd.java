package dev.knownerrors.kb;

import java.util.List;

/**
 * Something people try against a known error that does not help, and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param action what people try; may be empty, the seed format allows it (then {@code whyFails} says it all)
 * @param whyFails why it does not help
 * @param failRate share of cases where it does not help, 0..1; {@code null} when the KB does not say
 * @param condition when this applies (may be empty)
 * @param sources links backing the claim
 * @param textZh the Chinese text, from {@code dead_ends_zh}; {@code null} when absent
 */
public record DeadEnd(String action, String whyFails, Double failRate, String condition,
                      List<String> sources, String textZh) {

    public DeadEnd {
        action = action == null ? "" : action;
        whyFails = whyFails == null ? "" : whyFails;
        condition = condition == null ? "" : condition;
        sources = List.copyOf(sources);
    }

    /** The text to show: "action — why it fails", or whichever of the two is present. */
    public String text(Language language, String dash) {
        if (language == Language.ZH && textZh != null && !textZh.isBlank()) {
            return textZh;
        }
        if (action.isBlank()) {
            return whyFails;
        }
        return whyFails.isBlank() ? action : action + dash + whyFails;
    }
}
