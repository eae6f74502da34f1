package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.KnownError;
import dev.knownerrors.kb.LoadProblem;

import java.util.List;
import java.util.Map;

/**
 * Maps a deadends.dev "canon" (nested {@code error} / {@code verdict} / {@code environment} /
 * {@code metadata}) onto the same model as the seed's flat shape: {@code verdict.summary} is the
 * root cause, {@code url} the doc link, the regex is translated from Python's syntax and
 * compiled with Python-like flags. Dead ends and workarounds have the seed's item shape.
 */
final class CanonReader {

    /** The attribution the deadends.dev data's CC BY 4.0 license asks for. */
    static final String ATTRIBUTION = "deadends.dev (github.com/dbwls99706/deadends.dev), CC BY 4.0";

    private CanonReader() {
    }

    /** Whether a JSON object has the canon shape. */
    static boolean isCanon(Map<String, Object> json) {
        return json.get("error") instanceof Map && json.get("verdict") instanceof Map;
    }

    @SuppressWarnings("unchecked")
    static CompiledEntry read(Map<String, Object> json, String source, String label, List<LoadProblem> problems) {
        Object rawId = json.get("id");
        String entry = rawId instanceof String s && !s.isBlank() ? "'" + s + "'" : label;
        Fields f = new Fields(json, source, entry, "", problems);
        String id = f.string("id");
        if (id == null || id.isBlank()) {
            f.problem("id", "missing; every canon needs an id");
            return null;
        }
        Fields error = f.nested((Map<String, Object>) json.get("error"), "error");
        Fields verdict = f.nested((Map<String, Object>) json.get("verdict"), "verdict");
        Map<String, Object> meta = f.object("metadata");
        Fields metadata = meta == null ? null : f.nested(meta, "metadata");
        String signature = error.string("signature");
        String regex = error.string("regex");
        String javaRegex = regex == null ? null : PythonRegex.toJava(regex);
        String url = f.string("url");
        KnownError knownError = new KnownError(
                id.strip(), signature, null, javaRegex, error.string("domain"), error.string("category"), null,
                verdict.string("summary"), null, null, List.of(), Map.of(),
                EntryReader.deadEnds(f), EntryReader.workarounds(f), EntryReader.transitionGraph(f),
                url, null, null, metadata == null ? null : metadata.string("review_status"),
                verdict.rate("confidence"), verdict.rate("fix_success_rate"), verdict.scalar("resolvable"),
                error.string("first_seen"), error.string("last_confirmed"), verdict.string("last_updated"),
                metadata == null ? null : metadata.integer("evidence_count"), List.of(), null, List.of(),
                List.of(), List.of(), source);
        return EntryReader.compiled(knownError, regex == null ? null : javaRegex, signature, PythonRegex.FLAGS,
                error, "regex", ATTRIBUTION);
    }
}
