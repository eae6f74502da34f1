package dev.knownerrors.kb;

import java.util.List;

/**
 * One thing to do about a known error, as the knowledge base states it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param action what to do (may be empty when only {@code how} is given)
 * @param how how to do it, in more detail (may be empty)
 * @param successRate share of cases the action fixes, 0..1; {@code null} when the KB does not say
 * @param condition when the action applies (may be empty)
 * @param sources links backing the action
 * @param actionZh the Chinese text of the action, from {@code workarounds_zh}; {@code null} when absent
 */
public record Workaround(String action, String how, Double successRate, String condition,
                         List<String> sources, String actionZh) {

    public Workaround {
        action = action == null ? "" : action;
        how = how == null ? "" : how;
        condition = condition == null ? "" : condition;
        sources = List.copyOf(sources);
    }

    /** The text to show in the given language: the action, else {@code how}. */
    public String text(Language language) {
        if (language == Language.ZH && actionZh != null && !actionZh.isBlank()) {
            return actionZh;
        }
        return action.isBlank() ? how : action;
    }
}
