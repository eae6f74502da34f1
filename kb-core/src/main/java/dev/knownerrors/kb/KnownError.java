package dev.knownerrors.kb;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the knowledge base: an error signature, how to recognise it, why it happens and
 * what to do. Field names follow the seed's JSON format (snake_case there, camelCase here).
 *
 * <p>Immutable and thread-safe. Workarounds are held best first (highest {@code success_rate};
 * entries without a rate last, in KB order); dead ends in KB order.
 *
 * @param id unique id, {@code <domain>/<slug>}
 * @param regex the pattern that recognises the error, matched case-insensitively
 * @param confidence how sure the KB is of the entry, 0..1; {@code null} when absent
 * @param fixSuccessRate share of cases the entry's advice fixes, 0..1; {@code null} when absent
 * @param resolvable the seed's string ({@code "true"}, {@code "false"}, {@code "partial"} …), or {@code null}
 * @param examples message texts this entry must diagnose (our extension)
 * @param counterExamples message texts this entry must not match (our extension)
 * @param source where the entry was loaded from
 */
public record KnownError(
        String id,
        String signature,
        String signatureZh,
        String regex,
        String domain,
        String category,
        String subcategory,
        String rootCause,
        String rootCauseZh,
        String rootCauseType,
        List<Version> versions,
        Map<String, String> osSpecific,
        List<DeadEnd> deadEnds,
        List<Workaround> workarounds,
        TransitionGraph transitionGraph,
        String officialDocUrl,
        String officialDocSection,
        String errorCode,
        String verificationTier,
        Double confidence,
        Double fixSuccessRate,
        String resolvable,
        String firstSeen,
        String lastConfirmed,
        String lastUpdated,
        Integer evidenceCount,
        List<String> tags,
        String locale,
        List<String> aliases,
        List<String> examples,
        List<String> counterExamples,
        String source) {

    public KnownError {
        versions = List.copyOf(versions);
        osSpecific = Map.copyOf(osSpecific);
        deadEnds = List.copyOf(deadEnds);
        workarounds = List.copyOf(workarounds);
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        examples = List.copyOf(examples);
        counterExamples = List.copyOf(counterExamples);
    }

    /** The workaround with the highest success rate, if the entry has any. */
    public Optional<Workaround> topWorkaround() {
        return workarounds.isEmpty() ? Optional.empty() : Optional.of(workarounds.get(0));
    }

    /** The first dead end the KB lists, if any. */
    public Optional<DeadEnd> firstDeadEnd() {
        return deadEnds.isEmpty() ? Optional.empty() : Optional.of(deadEnds.get(0));
    }

    /** The root cause in the given language, falling back to English; empty string when absent. */
    public String rootCause(Language language) {
        if (language == Language.ZH && rootCauseZh != null && !rootCauseZh.isBlank()) {
            return rootCauseZh;
        }
        return rootCause == null ? "" : rootCause;
    }

    /** The signature in the given language, falling back to English. */
    public String signature(Language language) {
        if (language == Language.ZH && signatureZh != null && !signatureZh.isBlank()) {
            return signatureZh;
        }
        return signature == null ? "" : signature;
    }

    /** One item of {@code versions}: a product version the entry was seen with. */
    public record Version(String version, String introduced, String deprecated, String removed,
                          String behaviorChange, String status) {
    }

    /** The seed's {@code transition_graph}: ids or signatures of related errors. */
    public record TransitionGraph(List<String> leadsTo, List<String> precededBy,
                                  List<String> frequentlyConfusedWith) {

        public static final TransitionGraph EMPTY = new TransitionGraph(List.of(), List.of(), List.of());

        public TransitionGraph {
            leadsTo = List.copyOf(leadsTo);
            precededBy = List.copyOf(precededBy);
            frequentlyConfusedWith = List.copyOf(frequentlyConfusedWith);
        }
    }
}
