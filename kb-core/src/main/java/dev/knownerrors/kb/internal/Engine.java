package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.LoadProblem;
import dev.knownerrors.kb.ThrowableView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * The matcher over compiled entries held in winner order. One pass of the {@link Prefilter}
 * over the event's text (fed piece by piece, never built for an event that matches nothing)
 * gives the candidate entries; their regexes run in winner order and the first match wins —
 * exactly what running every regex in winner order would give, since a match implies its
 * literals occur. Entries without a usable literal are reported; they run on every event
 * only when allowed.
 *
 * <p>Matching has a time budget per event: the regexes read the text through a
 * {@link TimedText} that aborts them once the budget is spent, and the event is then left
 * undiagnosed. The entry that used most of the event's time gets a strike; at
 * {@link #QUARANTINE_STRIKES} strikes (or stack overflows) it is quarantined: it no longer
 * runs, and it is listed once in {@link #quarantined()}.
 *
 * <p>Thread-safe and lock-free: each thread reuses its own scanning state and matchers, so a
 * non-matching event allocates nothing.
 */
public final class Engine {

    private final CompiledEntry[] ranked;
    private final boolean[] guarded;
    /** Per guarded entry, the alternatives that can never pass the guard ({@code null}: none). */
    private final boolean[][] ignored;
    private final int[] tier;
    /** Per entry the most evidence a match of it can carry; non-increasing within a tier. */
    private final int[] upper;
    private final String[][] signatureWords;
    private final boolean[] runnable;
    /** Whether some entry was taken out by {@link #without}: the prefilter may still name it. */
    private final boolean someDropped;
    private final int[] always;
    private final Prefilter prefilter;
    /** Per entry, per alternative in the prefilter, its folded literal runs in regex order; null: no check. */
    private final char[][][][] order;
    /**
     * Per entry whose every match begins with the first run of its alternative, those first runs
     * (folded); else null. The regex is tried only from the first place where one occurs.
     */
    private final char[][][] starts;
    private final int maxScanLength;
    private final ThreadLocal<Scratch> scratch;
    /** Nanoseconds of matching per event; 0 for no limit. */
    private final long budgetNanos;
    private final Quarantine quarantine;

    /** Successive matches of one guarded entry looked at for one whose evidence passes the guard. */
    static final int MAX_TRIES = 8;

    /**
     * A thread's first events with candidates run cold code (the interpreter, first-time linking):
     * measured on JDK 25, an ordinary bundled regex took over 1 ms on its first event. They get
     * {@link #WARM_UP_FACTOR} times the budget, so that start-up neither loses diagnoses nor
     * quarantines sound entries; a pathological regex is still stopped, a little later.
     */
    public static final int WARM_UP_RUNS = 200;
    public static final int WARM_UP_FACTOR = 10;

    /** Strikes (budget overruns or stack overflows) after which an entry is quarantined. */
    public static final int QUARANTINE_STRIKES = Quarantine.STRIKES;

    /**
     * @param ranked           the entries, in winner order
     * @param allowUnanchored  run entries without a usable literal on every event (else skip them)
     * @param problems         receives one problem per entry without a usable literal
     * @param timeBudget       matching time allowed per event; zero for no limit
     * @param guarded          the entries whose matches must pass the precision guard's evidence rule
     */
    public Engine(List<CompiledEntry> ranked, boolean allowUnanchored, int maxScanLength, Duration timeBudget,
                  Predicate<CompiledEntry> guarded, List<LoadProblem> problems) {
        this.ranked = ranked.toArray(new CompiledEntry[0]);
        this.guarded = new boolean[this.ranked.length];
        this.ignored = new boolean[this.ranked.length][];
        this.tier = new int[this.ranked.length];
        this.upper = new int[this.ranked.length];
        this.signatureWords = new String[this.ranked.length][];
        for (int e = 0; e < this.ranked.length; e++) {
            this.signatureWords[e] = Similarity.words(this.ranked[e].entry().signature());
            this.guarded[e] = guarded.test(this.ranked[e]);
            this.ignored[e] = Evidence.ignored(this.ranked[e], this.guarded[e]);
            this.tier[e] = tier(this.ranked[e]);
            this.upper[e] = Evidence.max(this.ranked[e]);
        }
        this.budgetNanos = timeBudget.toNanos();
        if (budgetNanos > 0) {
            TimedText.ready();
        }
        this.quarantine = new Quarantine(this.ranked, timeBudget);
        this.runnable = new boolean[this.ranked.length];
        this.maxScanLength = maxScanLength;
        List<List<List<String>>> windows = new ArrayList<>(this.ranked.length);
        List<Integer> unanchored = new ArrayList<>();
        this.order = new char[this.ranked.length][][][];
        this.starts = new char[this.ranked.length][][];
        for (int e = 0; e < this.ranked.length; e++) {
            starts[e] = InOrder.starts(this.ranked[e]);
            List<List<String>> entryWindows = windows(this.ranked[e], this.ignored[e]);
            windows.add(entryWindows);
            if (entryWindows != null) {
                runnable[e] = true;
                order[e] = InOrder.runs(this.ranked[e].literals(), this.ignored[e]);
                continue;
            }
            CompiledEntry c = this.ranked[e];
            problems.add(new LoadProblem(c.entry().source(), "'" + c.entry().id() + "'", "regex",
                    "has no literal text of " + Prefilter.MIN_LITERAL + "+ characters that every match must contain, so it"
                            + (allowUnanchored ? " runs on every scanned event (allowUnanchored)"
                            : " would run on every scanned event; skipped (allowUnanchored runs it)")));
            if (allowUnanchored) {
                runnable[e] = true;
                unanchored.add(e);
            }
        }
        this.always = unanchored.stream().mapToInt(Integer::intValue).toArray();
        this.prefilter = new Prefilter(windows);
        this.someDropped = false;
        this.scratch = ThreadLocal.withInitial(Scratch::new);
    }

    private Engine(Engine base, Set<Integer> dropped) {
        this.ranked = base.ranked;
        this.guarded = base.guarded;
        this.ignored = base.ignored;
        this.tier = base.tier;
        this.upper = base.upper;
        this.signatureWords = base.signatureWords;
        this.prefilter = base.prefilter;
        this.order = base.order;
        this.starts = base.starts;
        this.maxScanLength = base.maxScanLength;
        this.budgetNanos = base.budgetNanos;
        this.quarantine = new Quarantine(ranked, Duration.ofNanos(budgetNanos));
        this.runnable = base.runnable.clone();
        for (int e : dropped) {
            runnable[e] = false;
        }
        this.always = Arrays.stream(base.always).filter(e -> runnable[e]).toArray();
        this.someDropped = base.someDropped || !dropped.isEmpty();
        this.scratch = ThreadLocal.withInitial(Scratch::new);
    }

    /**
     * This engine without the entries at the given winner-order indexes: they never run. It
     * shares the index (the prefilter still names them, and they are skipped), so
     * that dropping a few entries, as the precision guard does at load, costs no second build.
     */
    public Engine without(Set<Integer> dropped) {
        return new Engine(this, dropped);
    }

    /**
     * The winner rule's first key: the entries written for this deployment and the bundled ones
     * (tier 0) before third-party data that carries an attribution (tier 1).
     */
    public static int tier(CompiledEntry c) {
        return c.attribution() == null ? 0 : 1;
    }

    /**
     * Per alternative its windows, or {@code null} when some alternative has none (or no
     * analysis). The alternatives in {@code ignored} (a guarded entry's that can never pass the
     * guard) are left out: they cannot produce a diagnosis, so they need not make the entry a
     * candidate.
     */
    private static List<List<String>> windows(CompiledEntry c, boolean[] ignored) {
        if (c.literals() == null || c.literals().isEmpty()) {
            return null;
        }
        List<List<String>> out = new ArrayList<>(c.literals().size());
        for (int k = 0; k < c.literals().size(); k++) {
            List<String> runs = c.literals().get(k);
            if (ignored != null && ignored[k]) {
                continue;
            }
            List<String> w = Windows.of(runs);
            if (w.isEmpty()) {
                return null;
            }
            out.add(w);
        }
        return out.isEmpty() ? null : out;
    }

    public <T> Optional<Diagnosis> diagnose(String message, T thrown, ThrowableView<T> view) {
        Scratch s = acquire();
        try {
            s.begin();
            EventText.walk(message, thrown, view, maxScanLength, s, s.work);
            int n = s.candidates();
            if (n == 0) {
                return Optional.empty();
            }
            CharSequence text = thrown != null ? EventText.of(message, thrown, view, maxScanLength)
                    : message == null ? "" : message.length() > maxScanLength ? message.substring(0, maxScanLength) : message;
            return s.run(text, n);
        } finally {
            s.release();
        }
    }

    public Optional<Diagnosis> diagnose(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        CharSequence scanned = text.length() > maxScanLength ? text.subSequence(0, maxScanLength) : text;
        Scratch s = acquire();
        try {
            s.begin();
            s.append(scanned, 0, scanned.length());
            int n = s.candidates();
            return n == 0 ? Optional.empty() : s.run(scanned, n);
        } finally {
            s.release();
        }
    }

    /**
     * Every runnable entry is a candidate, no prefilter, no time budget: the reference the engine
     * must agree with (the same winner rule over a candidate list that cannot miss).
     */
    public Optional<Diagnosis> diagnoseWithoutPrefilter(CharSequence text) {
        CharSequence scanned = text.length() > maxScanLength ? text.subSequence(0, maxScanLength) : text;
        Scratch s = new Scratch();
        int n = 0;
        for (int e = 0; e < ranked.length; e++) {
            if (runnable[e]) {
                s.candidates[n++] = e;
            }
        }
        return s.runUnlimited(scanned, n, false);
    }

    /** Winner-order indexes of every runnable entry with an accepted match in the text (not just the winner). */
    public List<Integer> allMatching(CharSequence text) {
        return allMatching(new Scratch(), text);
    }

    /**
     * {@link #allMatching(CharSequence)} for each text, with one scratch for all of them (the
     * precision guard's pass over the benign sample: a scratch per line would be 1,099 of them).
     */
    public List<List<Integer>> allMatching(List<? extends CharSequence> texts) {
        Scratch s = new Scratch();
        List<List<Integer>> out = new ArrayList<>(texts.size());
        for (CharSequence text : texts) {
            out.add(allMatching(s, text));
        }
        return out;
    }

    private List<Integer> allMatching(Scratch s, CharSequence text) {
        s.begin();
        s.append(text, 0, Math.min(text.length(), maxScanLength));
        int n = s.inOrder(text, s.candidates());
        List<Integer> out = new ArrayList<>(n);
        s.tailText = text;
        s.tailLength = Math.min(text.length(), maxScanLength);
        for (int i = 0; i < n; i++) {
            int e = s.candidates[i];
            Matcher m = ranked[e].pattern().matcher(text);
            if (s.rule.accepted(e, m, text) >= 0) {
                out.add(e);
            }
        }
        s.tailText = null;
        s.inOrder.begin(); // forget the text
        return out;
    }

    /** The ids of the entries the prefilter lets through for this text (for tests and tuning). */
    public List<String> candidates(CharSequence text) {
        Scratch s = new Scratch();
        s.begin();
        s.append(text, 0, Math.min(text.length(), maxScanLength));
        int n = s.inOrder(text, s.candidates());
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(ranked[s.candidates[i]].entry().id());
        }
        return ids;
    }

    /** Windows, anchors and character classes of the prefilter (for benchmarks and docs). */
    public String describe() {
        return prefilter.windows() + " windows, " + prefilter.keys() + " keys, " + prefilter.anchors() + " anchors, "
                + prefilter.classes() + " classes, "
                + always.length + " unanchored";
    }

    /** Entries taken out of matching for using up the time budget again and again; each listed once. */
    public List<LoadProblem> quarantined() {
        return quarantine.quarantined();
    }

    /** Events whose matching was stopped by the time budget. */
    public long overruns() {
        return quarantine.overruns();
    }

    /** What the first overrun was, or {@code null} before any. */
    public String firstOverrun() {
        return quarantine.firstOverrun();
    }

    private Scratch acquire() {
        Scratch s = scratch.get();
        // re-entrant use on one thread (a throwable accessor that logs) gets a scratch of its own
        return s.busy ? new Scratch() : s.take();
    }

    /** One thread's reusable state: the scan, the candidate list, matchers, walk space. */
    private final class Scratch implements EventText.Sink, WinnerRule.Tail {
        final Prefilter.Scan scan = prefilter.new Scan();
        final int[] candidates = new int[ranked.length + always.length];
        final Matcher[] matchers = new Matcher[ranked.length];
        final Object[] work = new Object[2 * EventText.MAX_THROWABLES];
        final TimedText timed = new TimedText();
        final InOrder inOrder = new InOrder();
        /** Events with candidates this thread has matched, counted up to {@link #WARM_UP_RUNS}. */
        int warmUp;
        final WinnerRule rule = new WinnerRule(ranked, guarded, ignored, tier, upper, signatureWords, this);
        int length;
        boolean busy;
        /** The event's text while its candidates run, for {@link #mayMatchFrom}; {@code null}: no such check. */
        private CharSequence tailText;
        private int tailLength;

        @Override
        public boolean mayMatchFrom(int e, int from) {
            return tailText == null || inOrder.admitsFrom(order[e], tailText, tailLength, from);
        }

        @Override
        public int nextStart(int e, int from) {
            return tailText == null ? from : inOrder.nextStart(starts[e], tailText, tailLength, from);
        }

        Scratch take() {
            busy = true;
            return this;
        }

        void release() {
            busy = false;
        }

        void begin() {
            scan.reset();
            length = 0;
        }

        @Override
        public void append(CharSequence s, int start, int end) {
            scan.feed(s, start, end);
            length += end - start;
        }

        @Override
        public int length() {
            return length;
        }

        int candidates() {
            int n = scan.candidates(candidates);
            if (someDropped) {
                int kept = 0;
                for (int i = 0; i < n; i++) {
                    if (runnable[candidates[i]]) {
                        candidates[kept++] = candidates[i];
                    }
                }
                n = kept;
            }
            if (always.length > 0) {
                for (int e : always) {
                    candidates[n++] = e;
                }
                Arrays.sort(candidates, 0, n);
            }
            return n;
        }

        /** Keeps the candidates one of whose alternatives has its literal runs in order in the text; returns how many. */
        int inOrder(CharSequence text, int n) {
            return inOrder.filter(text, Math.min(text.length(), maxScanLength), candidates, n, order, scan);
        }

        /** The best accepted match of the candidates (in winner order), within the time budget. */
        Optional<Diagnosis> run(CharSequence text, int n) {
            if (budgetNanos <= 0) {
                return runUnlimited(text, n, true);
            }
            long budget = budgetNanos;
            if (warmUp < WARM_UP_RUNS) {
                warmUp++;
                budget *= WARM_UP_FACTOR;
            }
            TimedText timed = this.timed.reset(text, System.nanoTime(), budget);
            int slowest = -1;
            long slowestNanos = -1;
            rule.reset();
            inOrder.begin();
            int length = Math.min(text.length(), maxScanLength);
            tailText = text;
            tailLength = length;
            try {
                for (int i = 0; i < n; i++) {
                    int e = candidates[i];
                    if (quarantine.out(e)) {
                        continue;
                    }
                    if (rule.settled(e)) {
                        break;
                    }
                    if (!inOrder.admits(order[e], text, length, scan, e)) {
                        continue;
                    }
                    Matcher m = matcher(e, timed);
                    from(m, inOrder.earliest(starts[e], text, length));
                    long t0 = System.nanoTime();
                    try {
                        rule.consider(e, m, timed, i == n - 1); // evidence and signature words are read on the clock too
                    } catch (TimedText.BudgetSpent spent) {
                        long own = System.nanoTime() - t0;
                        // only a thread that really computed for the whole budget puts blame on an entry
                        quarantine.overrun(own >= slowestNanos ? e : slowest, timed.spentOnCpu(), budget != budgetNanos);
                        return Optional.empty();
                    } catch (StackOverflowError deep) {
                        quarantine.strike(e, "its regex overflowed the stack");
                    } finally {
                        m.reset("");
                    }
                    long own = System.nanoTime() - t0;
                    if (own > slowestNanos) {
                        slowestNanos = own;
                        slowest = e;
                    }
                }
                return rule.result();
            } finally {
                timed.clear();
                inOrder.begin();
                tailText = null;
            }
        }

        /** @param positional whether candidates must pass the positional step (not for the reference) */
        Optional<Diagnosis> runUnlimited(CharSequence text, int n, boolean positional) {
            rule.reset();
            inOrder.begin();
            int length = Math.min(text.length(), maxScanLength);
            tailText = positional ? text : null; // the reference retries by the regex alone
            tailLength = length;
            for (int i = 0; i < n; i++) {
                int e = candidates[i];
                if (quarantine.out(e)) {
                    continue;
                }
                if (rule.settled(e)) {
                    break;
                }
                if (positional && !inOrder.admits(order[e], text, length, scan, e)) {
                    continue;
                }
                Matcher m = matcher(e, text);
                if (positional) {
                    from(m, inOrder.earliest(starts[e], text, length));
                }
                try {
                    rule.consider(e, m, text, i == n - 1);
                } catch (StackOverflowError deep) {
                    quarantine.strike(e, "its regex overflowed the stack");
                } finally {
                    m.reset(""); // drop the reference to the event's text
                }
            }
            inOrder.begin(); // forget the text
            tailText = null;
            return rule.result();
        }

        /**
         * Starts the search at {@code from} (no match starts before it), with the text before it
         * still visible to look-behinds and word boundaries, and {@code ^} only at the real start.
         */
        private void from(Matcher m, int from) {
            if (from > 0) {
                m.region(from, m.regionEnd());
            }
        }

        private Matcher matcher(int e, CharSequence text) {
            Matcher m = matchers[e];
            if (m == null) {
                m = ranked[e].pattern().matcher(text);
                m.useTransparentBounds(true).useAnchoringBounds(false);
                matchers[e] = m;
            } else {
                m.reset(text);
            }
            return m;
        }
    }
}
