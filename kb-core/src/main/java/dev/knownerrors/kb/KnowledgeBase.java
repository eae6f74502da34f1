package dev.knownerrors.kb;

import dev.knownerrors.kb.internal.CompiledEntry;
import dev.knownerrors.kb.internal.Engine;
import dev.knownerrors.kb.internal.SourceLoader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, compiled knowledge base of known errors, and the matcher over it.
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.builder().source("/etc/known-errors").build();
 * kb.problems().forEach(System.err::println);          // whatever could not be loaded
 * Optional<Diagnosis> d = kb.diagnose(message, throwable);
 * }</pre>
 *
 * <p><b>Winner rule.</b> When several entries match an event, the diagnosis is the entry with
 * (1) the highest specificity — the number of literal characters every match of its regex must
 * contain (an alternation counts its weakest branch; classes, wildcards and optional parts count
 * nothing) — then (2) the highest {@code confidence} (absent counts as 0.5), then (3) the
 * smallest id. File order never decides.
 *
 * <p><b>Cost.</b> Building compiles every regex once and indexes the literal text every match
 * of it must contain. {@code diagnose} reads the event's text once through that index (an
 * Aho–Corasick automaton over case-folded characters); only the entries whose literals all
 * occur run their regex, in winner order, until one matches. An event that matches nothing
 * costs one pass over its text and allocates nothing. An entry whose regex has no literal of
 * three or more characters that every match must contain is reported and skipped unless
 * {@link Builder#allowUnanchored(boolean)} lets it run on every event.
 *
 * <p>Immutable and thread-safe, lock-free; per-thread scratch state is reused.
 */
public final class KnowledgeBase {

    /** The classpath location of the KB shipped in this jar. */
    public static final String BUNDLED_LOCATION = "classpath:dev/knownerrors/kb/bundled.json";
    /** Default cap on the scanned text of one event (message plus exception chain), in chars. */
    public static final int DEFAULT_MAX_SCAN_LENGTH = 8192;

    private static final Comparator<CompiledEntry> WINNER_ORDER = Comparator
            .comparingInt(CompiledEntry::specificity).reversed()
            .thenComparing(Comparator.comparingDouble((CompiledEntry c) -> confidence(c.entry())).reversed())
            .thenComparing(c -> c.entry().id());

    private final List<KnownError> entries;
    private final List<CompiledEntry> byRank;
    private final Engine engine;
    private final Map<String, KnownError> byId;
    private final List<LoadProblem> problems;
    private final int maxScanLength;

    private KnowledgeBase(List<CompiledEntry> loaded, List<LoadProblem> problems, int maxScanLength,
                          boolean allowUnanchored) {
        Map<String, CompiledEntry> unique = new LinkedHashMap<>();
        List<LoadProblem> all = new ArrayList<>(problems);
        for (CompiledEntry c : loaded) {
            CompiledEntry first = unique.putIfAbsent(c.entry().id(), c);
            if (first != null) {
                all.add(new LoadProblem(c.entry().source(), "'" + c.entry().id() + "'", "id",
                        "duplicate of the entry loaded from " + first.entry().source() + "; this one is skipped"));
            }
        }
        List<CompiledEntry> ranked = new ArrayList<>(unique.values());
        ranked.sort(WINNER_ORDER);
        Map<String, KnownError> ids = new LinkedHashMap<>();
        unique.forEach((id, c) -> ids.put(id, c.entry()));
        this.byRank = List.copyOf(ranked);
        this.engine = new Engine(byRank, allowUnanchored, maxScanLength, all);
        this.byId = java.util.Collections.unmodifiableMap(ids);
        this.entries = List.copyOf(ids.values());
        this.problems = List.copyOf(all);
        this.maxScanLength = maxScanLength;
    }

    /** A builder; by default it includes the bundled KB. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bundled KB alone, loaded once per class loader on first use. */
    public static KnowledgeBase bundled() {
        return BundledHolder.INSTANCE;
    }

    /** Diagnoses an event from its formatted message and its throwable (either may be null). */
    public Optional<Diagnosis> diagnose(String message, Throwable error) {
        return diagnose(message, error, ThrowableView.THROWABLE);
    }

    /** Diagnoses an event whose throwable is read through {@code view} (adapters use this). */
    public <T> Optional<Diagnosis> diagnose(String message, T error, ThrowableView<T> view) {
        return engine.diagnose(message, error, view);
    }

    /** Diagnoses already assembled text (it is cut at the maximum scan length first). */
    public Optional<Diagnosis> diagnoseText(CharSequence text) {
        return engine.diagnose(text);
    }

    /** The entries that loaded, in load order (duplicates removed). */
    public List<KnownError> entries() {
        return entries;
    }

    /** The entry with this id, if loaded. */
    public Optional<KnownError> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Everything that could not be loaded, one problem each; empty when all loaded cleanly. */
    public List<LoadProblem> problems() {
        return problems;
    }

    public int maxScanLength() {
        return maxScanLength;
    }

    /**
     * Checks every entry's own data: each of its {@code examples} must be diagnosed as that
     * entry (the winner rule applied over the whole KB, so two entries cannot win on each
     * other's examples), none of its {@code counter_examples} may match its regex, and its text
     * holds no control or bidi-override characters. Returns one problem per failure.
     */
    public List<LoadProblem> checkExamples() {
        List<LoadProblem> out = new ArrayList<>();
        for (CompiledEntry c : byRank) {
            KnownError e = c.entry();
            String label = "'" + e.id() + "'";
            for (String example : e.examples()) {
                Optional<Diagnosis> d = diagnoseText(example);
                if (d.isEmpty()) {
                    out.add(new LoadProblem(e.source(), label, "examples", "not matched: " + example));
                } else if (!d.get().id().equals(e.id())) {
                    out.add(new LoadProblem(e.source(), label, "examples",
                            "diagnosed as " + d.get().id() + " instead: " + example));
                }
            }
            for (String counter : e.counterExamples()) {
                if (c.pattern().matcher(counter).find()) {
                    out.add(new LoadProblem(e.source(), label, "counter_examples", "matched: " + counter));
                }
            }
            checkText(e, label, out);
        }
        return out;
    }

    /** The engine, for the differential test and benchmarks in this module. */
    Engine engine() {
        return engine;
    }

    /** Text meant for a log line must hold no control or bidi-override characters (they are neutralised on output anyway). */
    private static void checkText(KnownError e, String label, List<LoadProblem> out) {
        checkText(e, label, "root_cause", e.rootCause(), out);
        checkText(e, label, "root_cause_zh", e.rootCauseZh(), out);
        checkText(e, label, "signature", e.signature(), out);
        checkText(e, label, "official_doc_url", e.officialDocUrl(), out);
        for (int i = 0; i < e.workarounds().size(); i++) {
            Workaround w = e.workarounds().get(i);
            checkText(e, label, "workarounds[" + i + "]", w.action() + w.how() + (w.actionZh() == null ? "" : w.actionZh()), out);
        }
        for (int i = 0; i < e.deadEnds().size(); i++) {
            DeadEnd d = e.deadEnds().get(i);
            checkText(e, label, "dead_ends[" + i + "]", d.action() + d.whyFails() + (d.textZh() == null ? "" : d.textZh()), out);
        }
    }

    private static void checkText(KnownError e, String label, String field, String text, List<LoadProblem> out) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                out.add(new LoadProblem(e.source(), label, field, String.format("contains the control character U+%04X", (int) c)));
                return;
            }
        }
    }

    private static double confidence(KnownError e) {
        return e.confidence() == null ? 0.5 : e.confidence();
    }

    private static final class BundledHolder {
        static final KnowledgeBase INSTANCE = builder().build();
    }

    /** Collects KB locations and options; {@link #build()} never throws for bad sources. */
    public static final class Builder {
        private final List<String> sources = new ArrayList<>();
        private boolean bundled = true;
        private int maxScanLength = DEFAULT_MAX_SCAN_LENGTH;
        private boolean allowUnanchored;

        private Builder() {
        }

        /**
         * Adds a location: a file (one JSON object, an array, or JSON Lines), a directory (read
         * recursively), a {@code file:} URL or a {@code classpath:} resource. Sources load in the
         * order added, before the bundled KB, so an entry of yours with a bundled id replaces it.
         */
        public Builder source(String location) {
            sources.add(location);
            return this;
        }

        public Builder sources(Iterable<String> locations) {
            locations.forEach(sources::add);
            return this;
        }

        /** Whether to include the bundled KB (default true). */
        public Builder bundled(boolean include) {
            this.bundled = include;
            return this;
        }

        /** Cap on the scanned text of one event, in characters (default 8192). */
        public Builder maxScanLength(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("maxScanLength must be positive, was " + chars);
            }
            this.maxScanLength = chars;
            return this;
        }

        /**
         * Whether an entry whose regex has no literal of three or more characters that every
         * match must contain runs anyway, on every scanned event (default false: it is
         * reported and skipped).
         */
        public Builder allowUnanchored(boolean allow) {
            this.allowUnanchored = allow;
            return this;
        }

        /** Loads and compiles everything; problems are in {@link KnowledgeBase#problems()}. */
        public KnowledgeBase build() {
            SourceLoader loader = new SourceLoader();
            sources.forEach(loader::load);
            if (bundled) {
                loader.load(BUNDLED_LOCATION);
            }
            return new KnowledgeBase(loader.entries(), loader.problems(), maxScanLength, allowUnanchored);
        }
    }
}
