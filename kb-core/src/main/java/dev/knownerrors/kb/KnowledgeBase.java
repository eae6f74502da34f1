package dev.knownerrors.kb;

import dev.knownerrors.kb.internal.CompiledEntry;
import dev.knownerrors.kb.internal.Engine;
import dev.knownerrors.kb.internal.SourceLoader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
 * of it must contain. {@code diagnose} reads the event's text once through that index (a
 * hash of each position's last four case-folded characters, looked up in a small bitset, and
 * the pieces of literal text that end there compared whole); only the entries whose literals all
 * occur run their regex, in winner order, until one matches. An event that matches nothing
 * costs one pass over its text and allocates nothing. An entry whose regex has no literal of
 * four or more characters that every match must contain is reported and skipped unless
 * {@link Builder#allowUnanchored(boolean)} lets it run on every event.
 *
 * <p><b>Domain filter and precision guard</b> (both on by default, for every source). Entries
 * of the domains in {@link #NON_SOFTWARE_DOMAINS} are left out unless {@link Builder#domains}
 * says otherwise. The guard drops an entry (1) when one of its alternatives requires fewer than
 * {@link #MIN_EVIDENCE} literal characters — a match of a few generic characters is no
 * evidence —, (2) for third-party data (deadends.dev's canons), when every such alternative is
 * everyday log text (fewer than {@link CompiledEntry#EVERYDAY_BELOW} literal characters, each
 * 4-character piece of which occurs in the sample below, like {@code consumer.*lag}: such an
 * alternative's matches never count, whatever the other alternatives),
 * or (3) when it matches any line of a shipped sample of ordinary log output
 * (startup, steady state and DEBUG lines of Spring Boot, Hibernate, HikariCP, Flyway, Kafka,
 * PostgreSQL and Redis). The bundled entries are exempt (the project's tests hold them to a larger
 * benign corpus), which keeps the common case's start-up cheap. What was left out is in
 * {@link #skipped()}, counted in {@link #summary()}. {@link Builder#excludedDomains} and
 * {@link Builder#minimumConfidence} leave out more entries the same way, at build time, so
 * they cost nothing per event.
 *
 * <p>Immutable and thread-safe, lock-free; per-thread scratch state is reused.
 */
public final class KnowledgeBase {

    /** The classpath location of the KB shipped in this jar. */
    public static final String BUNDLED_LOCATION = "classpath:dev/knownerrors/kb/bundled.json";
    /** Default cap on the scanned text of one event (message plus exception chain), in chars. */
    public static final int DEFAULT_MAX_SCAN_LENGTH = 8192;
    /** Default matching time allowed per event. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(1);
    /** Domains left out by default: not software errors (they come with third-party KBs). */
    public static final Set<String> NON_SOFTWARE_DOMAINS = Set.of("culture", "visa", "medical", "legal", "emergency",
            "safety", "food-safety", "mental-health", "disaster", "pet-safety", "banking", "policy");
    /** The precision guard's minimum of literal characters behind a match of a guarded entry. */
    public static final int MIN_EVIDENCE = CompiledEntry.MIN_EVIDENCE;
    private static final String GUARD_EVIDENCE = "precision guard, too little literal evidence";
    private static final String GUARD_SAMPLE = "precision guard, matches ordinary log text";
    private static final String GUARD_EVERYDAY = "precision guard, only everyday words";

    /**
     * The winner rule's candidate order: own and bundled entries before attributed third-party
     * data, then the most literal evidence a match can carry, then confidence, then id. Among
     * the entries that match an event, the engine picks the first tier, then the match with the
     * most actual evidence (see {@code Evidence}), then this order.
     */
    private static Comparator<CompiledEntry> winnerOrder(Map<CompiledEntry, Integer> maxEvidence) {
        return Comparator.comparingInt(Engine::tier)
                .thenComparing(Comparator.comparingInt((CompiledEntry c) -> maxEvidence.get(c)).reversed())
                .thenComparing(Comparator.comparingDouble((CompiledEntry c) -> confidence(c.entry())).reversed())
                .thenComparing(c -> c.entry().id());
    }

    private final List<KnownError> entries;
    private final List<CompiledEntry> byRank;
    private final Engine engine;
    private final Map<String, KnownError> byId;
    private final List<LoadProblem> problems;
    private final List<LoadProblem> skipped;
    private final Map<String, Integer> leftOutByReason;
    private final List<String> attributions;
    private final int maxScanLength;
    private final Duration timeBudget;

    private KnowledgeBase(List<CompiledEntry> loaded, List<LoadProblem> problems, Builder options) {
        Map<String, CompiledEntry> unique = new LinkedHashMap<>();
        List<LoadProblem> all = new ArrayList<>(problems);
        List<LoadProblem> left = new ArrayList<>();
        Map<String, Integer> leftOut = new TreeMap<>();
        Map<CompiledEntry, Integer> maxEvidence = new java.util.IdentityHashMap<>(); // computed once, not per comparison
        for (CompiledEntry c : loaded) {
            if (!options.domainAllowed(c.entry().domain())) {
                left.add(skip(c, "domain", "filtered: domain '" + c.entry().domain() + "' is "
                        + (options.domainExcluded(c.entry().domain()) ? "excluded" : "not enabled")));
                leftOut.merge("domain " + c.entry().domain(), 1, Integer::sum);
                continue;
            }
            if (confidence(c.entry()) < options.minimumConfidence) {
                left.add(skip(c, "confidence", "filtered: confidence " + confidence(c.entry())
                        + " is below the minimum " + options.minimumConfidence));
                leftOut.merge("confidence below " + options.minimumConfidence, 1, Integer::sum);
                continue;
            }
            int evidence = c.maxEvidence();
            maxEvidence.put(c, evidence);
            if (options.precisionGuard && !bundledSource(c) && evidence < MIN_EVIDENCE) {
                left.add(skip(c, "regex", "precision guard: no alternative requires more than " + evidence
                        + " literal characters (minimum " + MIN_EVIDENCE + ")"));
                leftOut.merge(GUARD_EVIDENCE, 1, Integer::sum);
                continue;
            }
            if (options.precisionGuard && !bundledSource(c) && c.maxGuardedEvidence() == 0) {
                List<String> everyday = c.everydayAlternatives();
                left.add(skip(c, "regex", "precision guard: every alternative of " + MIN_EVIDENCE
                        + "+ literal characters is everyday log text (third-party data: under " + CompiledEntry.EVERYDAY_BELOW
                        + " characters, each 4-character piece found in ordinary log lines): "
                        + String.join(" | ", everyday.subList(0, Math.min(3, everyday.size())))
                        + (everyday.size() > 3 ? " | \u2026" : "")));
                leftOut.merge(GUARD_EVERYDAY, 1, Integer::sum);
                continue;
            }
            CompiledEntry first = unique.putIfAbsent(c.entry().id(), c);
            if (first != null) {
                all.add(new LoadProblem(c.entry().source(), "'" + c.entry().id() + "'", "id",
                        "duplicate of the entry loaded from " + first.entry().source() + "; this one is skipped"));
            }
        }
        List<CompiledEntry> ranked = new ArrayList<>(unique.values());
        ranked.sort(winnerOrder(maxEvidence));
        Engine built = new Engine(ranked, options.allowUnanchored, options.maxScanLength, options.timeBudget, guard(options), all);
        if (options.precisionGuard) {
            Set<Integer> dropped = guard(built, ranked, left);
            if (!dropped.isEmpty()) {
                leftOut.put(GUARD_SAMPLE, dropped.size());
                List<CompiledEntry> kept = new ArrayList<>(ranked.size() - dropped.size());
                for (int e = 0; e < ranked.size(); e++) {
                    if (!dropped.contains(e)) {
                        kept.add(ranked.get(e));
                    }
                }
                ranked = kept;
                built = built.without(dropped);
            }
        }
        Set<String> credits = new LinkedHashSet<>();
        Map<String, KnownError> ids = new LinkedHashMap<>();
        Set<CompiledEntry> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        kept.addAll(ranked);
        for (CompiledEntry c : unique.values()) {
            if (kept.contains(c)) {
                ids.put(c.entry().id(), c.entry());
                if (c.attribution() != null) {
                    credits.add(c.attribution());
                }
            }
        }
        this.byRank = List.copyOf(ranked);
        this.engine = built;
        this.byId = java.util.Collections.unmodifiableMap(ids);
        this.entries = List.copyOf(ids.values());
        this.problems = List.copyOf(all);
        this.skipped = List.copyOf(left);
        this.leftOutByReason = java.util.Collections.unmodifiableMap(leftOut);
        this.attributions = List.copyOf(credits);
        this.maxScanLength = options.maxScanLength;
        this.timeBudget = options.timeBudget;
    }

    private static LoadProblem skip(CompiledEntry c, String field, String why) {
        return new LoadProblem(c.entry().source(), "'" + c.entry().id() + "'", field, why);
    }

    /** Which entries' matches the precision guard checks: every entry but the bundled ones, when it is on. */
    private static java.util.function.Predicate<CompiledEntry> guard(Builder options) {
        return c -> options.precisionGuard && !bundledSource(c);
    }

    /** The bundled entries are exempt from the guard: the project's tests hold them to a larger benign corpus. */
    private static boolean bundledSource(CompiledEntry c) {
        return BUNDLED_LOCATION.equals(c.entry().source());
    }

    /**
     * The winner-order indexes of the entries that match a line of the benign sample (each
     * reported in {@code left}); the precision guard drops them.
     */
    private static Set<Integer> guard(Engine engine, List<CompiledEntry> ranked, List<LoadProblem> left) {
        if (ranked.stream().allMatch(KnowledgeBase::bundledSource)) {
            return Set.of();
        }
        Map<Integer, String> hits = new TreeMap<>();
        List<String> lines = dev.knownerrors.kb.internal.BenignSample.lines();
        List<List<Integer>> matching = engine.allMatching(lines);
        for (int i = 0; i < lines.size(); i++) {
            for (int e : matching.get(i)) {
                if (!bundledSource(ranked.get(e))) {
                    hits.putIfAbsent(e, lines.get(i));
                }
            }
        }
        for (Map.Entry<Integer, String> hit : hits.entrySet()) {
            String line = hit.getValue();
            left.add(skip(ranked.get(hit.getKey()), "regex", "precision guard: matches ordinary log text: "
                    + (line.length() > 160 ? line.substring(0, 160) + "\u2026" : line)));
        }
        return hits.keySet();
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

    /** Entries that loaded but were left out by the domain filter or the precision guard, with why. */
    public List<LoadProblem> skipped() {
        return skipped;
    }

    /** Attributions owed for the data loaded (deadends.dev's CC BY 4.0 when its canons are in). */
    public List<String> attributions() {
        return attributions;
    }

    /** One line: entries in use, left out (by reason), and problems. */
    public String summary() {
        StringBuilder sb = new StringBuilder().append(entries.size()).append(" entries in use");
        if (!skipped.isEmpty()) {
            sb.append(", ").append(skipped.size()).append(" left out (");
            leftOutByReason.forEach((r, n) -> sb.append(r).append(": ").append(n).append("; "));
            sb.setLength(sb.length() - 2);
            sb.append(')');
        }
        return sb.append(", ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").toString();
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
    /**
     * Entries taken out of matching at run time because their regex used up the per-event
     * time budget (or overflowed the stack) again and again; each listed once, in the order it
     * happened. Grows while the KB is used.
     */
    public List<LoadProblem> quarantined() {
        return engine.quarantined();
    }

    /** How many events had their matching stopped by the time budget so far. */
    public long budgetOverruns() {
        return engine.overruns();
    }

    /** A description of the first budget overrun, if any happened. */
    public Optional<String> firstOverrun() {
        return Optional.ofNullable(engine.firstOverrun());
    }

    /** The matching time allowed per event ({@link Duration#ZERO}: no limit). */
    public Duration timeBudget() {
        return timeBudget;
    }

    /** The compiled entries in winner order (tests and tools in this package). */
    List<CompiledEntry> compiled() {
        return byRank;
    }

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
        private Set<String> domains;
        private Set<String> excludedDomains = Set.of();
        private double minimumConfidence;
        private boolean precisionGuard = true;
        private Duration timeBudget = DEFAULT_TIME_BUDGET;

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
         * Whether an entry whose regex has no literal of four or more characters that every
         * match must contain runs anyway, on every scanned event (default false: it is
         * reported and skipped).
         */
        public Builder allowUnanchored(boolean allow) {
            this.allowUnanchored = allow;
            return this;
        }

        /**
         * The domains to use: {@code all} (or {@code *}) for every domain, else only the ones
         * listed (case-insensitive). Default: every domain but {@link #NON_SOFTWARE_DOMAINS}.
         * An entry without a domain is always used.
         */
        public Builder domains(Collection<String> allowed) {
            Set<String> set = lowerCase(allowed);
            this.domains = set.isEmpty() ? null : set;
            return this;
        }

        private static Set<String> lowerCase(Collection<String> domains) {
            Set<String> set = new LinkedHashSet<>();
            for (String d : domains) {
                if (d != null && !d.isBlank()) {
                    set.add(d.strip().toLowerCase(Locale.ROOT));
                }
            }
            return set;
        }

        /**
         * Domains never to use (case-insensitive), even when {@link #domains} allows them.
         * Default: none.
         */
        public Builder excludedDomains(Collection<String> excluded) {
            this.excludedDomains = lowerCase(excluded);
            return this;
        }

        /**
         * Leaves out entries whose {@code confidence} is below this (absent counts as 0.5, as
         * in the winner rule). Default 0: every entry is used.
         *
         * @throws IllegalArgumentException unless 0 &lt;= {@code minimum} &lt;= 1
         */
        public Builder minimumConfidence(double minimum) {
            if (!(minimum >= 0 && minimum <= 1)) {
                throw new IllegalArgumentException("minimumConfidence must be between 0 and 1, was " + minimum);
            }
            this.minimumConfidence = minimum;
            return this;
        }

        /** Whether the precision guard runs (default true). */
        public Builder precisionGuard(boolean on) {
            this.precisionGuard = on;
            return this;
        }

        /**
         * The matching time allowed per event (default 1 ms; {@link Duration#ZERO} for no limit).
         * When it is spent the event is left undiagnosed; an entry that uses it up
         * repeatedly is quarantined (see {@link KnowledgeBase#quarantined()}).
         */
        public Builder timeBudget(Duration budget) {
            if (budget == null || budget.isNegative()) {
                throw new IllegalArgumentException("timeBudget must be zero or positive, was " + budget);
            }
            this.timeBudget = budget;
            return this;
        }

        boolean domainExcluded(String domain) {
            return domain != null && excludedDomains.contains(domain.toLowerCase(Locale.ROOT));
        }

        boolean domainAllowed(String domain) {
            if (domain == null) {
                return true;
            }
            String d = domain.toLowerCase(Locale.ROOT);
            if (excludedDomains.contains(d)) {
                return false;
            }
            if (domains == null) {
                return !NON_SOFTWARE_DOMAINS.contains(d);
            }
            return domains.contains("all") || domains.contains("*") || domains.contains(d);
        }

        /** Loads and compiles everything; problems are in {@link KnowledgeBase#problems()}. */
        public KnowledgeBase build() {
            SourceLoader loader = new SourceLoader();
            sources.forEach(loader::load);
            if (bundled) {
                loader.load(BUNDLED_LOCATION);
            }
            return new KnowledgeBase(loader.entries(), loader.problems(), this);
        }
    }
}
