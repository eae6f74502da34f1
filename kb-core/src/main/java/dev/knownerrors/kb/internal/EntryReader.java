package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.DeadEnd;
import dev.knownerrors.kb.KnownError;
import dev.knownerrors.kb.LoadProblem;
import dev.knownerrors.kb.Workaround;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Maps one JSON object in the seed's flat shape onto a {@link KnownError} and compiles its regex.
 * Unknown fields are ignored. A missing id, or a regex that is missing, invalid or matches the
 * empty string, costs the entry; any other bad field is reported and read as absent.
 */
final class EntryReader {

    private EntryReader() {
    }

    /** The entry, or {@code null} when it cannot be used (the reason is in {@code problems}). */
    static CompiledEntry read(Map<String, Object> json, String source, String label, List<LoadProblem> problems) {
        if (CanonReader.isCanon(json)) {
            return CanonReader.read(json, source, label, problems);
        }
        Object rawId = json.get("id");
        String entry = rawId instanceof String s && !s.isBlank() ? "'" + s + "'" : label;
        Fields f = new Fields(json, source, entry, "", problems);
        String id = f.string("id");
        if (id == null || id.isBlank()) {
            if (!json.containsKey("id") || json.get("id") == null) {
                f.problem("id", "missing; every entry needs an id");
            } else if (id != null) {
                f.problem("id", "is empty");
            }
            return null;
        }
        String signature = f.string("signature");
        String regex = f.string("regex");
        // every field is read (and its problems reported) before the regex decides whether the entry loads
        KnownError knownError = new KnownError(
                id.strip(), signature, f.string("signature_zh"), regex != null ? regex : literal(signature),
                f.string("domain"), f.string("category"), f.string("subcategory"),
                f.string("root_cause"), f.string("root_cause_zh"), f.string("root_cause_type"),
                versions(f), f.stringMap("os_specific"), deadEnds(f), workarounds(f), transitionGraph(f),
                f.string("official_doc_url"), f.string("official_doc_section"), f.scalar("error_code"),
                f.string("verification_tier"), f.rate("confidence"), f.rate("fix_success_rate"),
                f.scalar("resolvable"), f.string("first_seen"), f.string("last_confirmed"),
                f.string("last_updated"), f.integer("evidence_count"), f.strings("tags"),
                f.string("locale"), f.strings("aliases"), f.strings("examples"),
                f.strings("counter_examples"), source);
        return compiled(knownError, regex, signature, CompiledEntry.FLAGS, f, "regex", null);
    }

    private static String literal(String signature) {
        return signature == null || signature.isBlank() ? null : Pattern.quote(signature);
    }

    /**
     * The entry with its compiled regex ({@code regex}, else the signature matched literally),
     * or {@code null} after reporting why it cannot be used.
     */
    static CompiledEntry compiled(KnownError knownError, String regex, String signature, int flags, Fields f,
                                  String field, String attribution) {
        String source = regex != null ? regex : literal(signature);
        if (source == null) {
            f.problem(field, "missing, and there is no signature to match literally");
            return null;
        }
        if (source.isBlank()) {
            f.problem(field, "is empty; it would match every event");
            return null;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(source, flags);
        } catch (PatternSyntaxException e) {
            f.problem(field, "invalid: " + e.getDescription() + " near index " + e.getIndex());
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            f.problem(field, "cannot be compiled: " + e);
            return null;
        }
        if (pattern.matcher("").find()) {
            f.problem(field, "matches the empty string, so it would match every event");
            return null;
        }
        return CompiledEntry.of(knownError, pattern, attribution);
    }

    private static List<KnownError.Version> versions(Fields f) {
        List<KnownError.Version> out = new ArrayList<>();
        List<Map<String, Object>> items = f.objects("versions");
        for (int i = 0; i < items.size(); i++) {
            Fields v = f.nested(items.get(i), "versions[" + i + "]");
            out.add(new KnownError.Version(v.scalar("version"), v.scalar("introduced"), v.scalar("deprecated"),
                    v.scalar("removed"), v.scalar("behavior_change"), v.scalar("status")));
        }
        return out;
    }

    static List<Workaround> workarounds(Fields f) {
        List<Map<String, Object>> items = f.objects("workarounds");
        List<String> zh = f.strings("workarounds_zh");
        List<Workaround> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Fields w = f.nested(items.get(i), "workarounds[" + i + "]");
            String action = w.string("action");
            String how = w.string("how");
            if (isBlank(action) && isBlank(how)) {
                w.problem("", "has neither action nor how; skipped");
                continue;
            }
            out.add(new Workaround(action, how, w.rate("success_rate"), w.string("condition"),
                    w.strings("sources"), i < zh.size() ? zh.get(i) : null));
        }
        // best first; a workaround without a rate goes after those with one; ties keep KB order
        out.sort(Comparator.comparing((Workaround w) -> w.successRate() == null ? -1.0 : w.successRate()).reversed());
        return out;
    }

    static List<DeadEnd> deadEnds(Fields f) {
        List<Map<String, Object>> items = f.objects("dead_ends");
        List<String> zh = f.strings("dead_ends_zh");
        List<DeadEnd> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Fields d = f.nested(items.get(i), "dead_ends[" + i + "]");
            String action = d.string("action");
            String why = d.string("why_fails");
            if (isBlank(action) && isBlank(why)) {
                d.problem("", "has neither action nor why_fails; skipped");
                continue;
            }
            out.add(new DeadEnd(action, why, d.rate("fail_rate"), d.string("condition"),
                    d.strings("sources"), i < zh.size() ? zh.get(i) : null));
        }
        return out;
    }

    static KnownError.TransitionGraph transitionGraph(Fields f) {
        Map<String, Object> graph = f.object("transition_graph");
        if (graph == null) {
            return KnownError.TransitionGraph.EMPTY;
        }
        Fields g = f.nested(graph, "transition_graph");
        return new KnownError.TransitionGraph(g.strings("leads_to"), g.strings("preceded_by"),
                g.strings("frequently_confused_with"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
