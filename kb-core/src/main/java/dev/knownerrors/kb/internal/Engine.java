package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.LoadProblem;
import dev.knownerrors.kb.ThrowableView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
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
    private final boolean[] runnable;
    private final int[] always;
    private final Prefilter prefilter;
    private final int maxScanLength;
    private final ThreadLocal<Scratch> scratch;
    /** Nanoseconds of matching per event; 0 for no limit. */
    private final long budgetNanos;
    private final String budgetText;
    private final AtomicIntegerArray strikes;
    private final List<LoadProblem> quarantined = new CopyOnWriteArrayList<>();
    private final AtomicLong overruns = new AtomicLong();
    private volatile String firstOverrun;

    /** Strikes (budget overruns or stack overflows) after which an entry is quarantined. */
    public static final int QUARANTINE_STRIKES = 3;

    /**
     * @param ranked           the entries, in winner order
     * @param allowUnanchored  run entries without a usable literal on every event (else skip them)
     * @param problems         receives one problem per entry without a usable literal
     * @param timeBudget       matching time allowed per event; zero for no limit
     */
    public Engine(List<CompiledEntry> ranked, boolean allowUnanchored, int maxScanLength, Duration timeBudget,
                  List<LoadProblem> problems) {
        this.ranked = ranked.toArray(new CompiledEntry[0]);
        this.budgetNanos = timeBudget.toNanos();
        this.budgetText = Durations.format(timeBudget);
        this.strikes = new AtomicIntegerArray(this.ranked.length);
        this.runnable = new boolean[this.ranked.length];
        this.maxScanLength = maxScanLength;
        List<List<List<String>>> windows = new ArrayList<>(this.ranked.length);
        List<Integer> unanchored = new ArrayList<>();
        for (int e = 0; e < this.ranked.length; e++) {
            List<List<String>> entryWindows = windows(this.ranked[e]);
            windows.add(entryWindows);
            if (entryWindows != null) {
                runnable[e] = true;
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
        this.scratch = ThreadLocal.withInitial(Scratch::new);
    }

    /** Per alternative its windows, or {@code null} when some alternative has none (or no analysis). */
    private static List<List<String>> windows(CompiledEntry c) {
        if (c.literals() == null || c.literals().isEmpty()) {
            return null;
        }
        List<List<String>> out = new ArrayList<>(c.literals().size());
        for (List<String> runs : c.literals()) {
            List<String> w = Windows.of(runs);
            if (w.isEmpty()) {
                return null;
            }
            out.add(w);
        }
        return out;
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

    /** Every runnable regex in winner order, no prefilter: the reference the engine must agree with. */
    public Optional<Diagnosis> diagnoseWithoutPrefilter(CharSequence text) {
        CharSequence scanned = text.length() > maxScanLength ? text.subSequence(0, maxScanLength) : text;
        for (int e = 0; e < ranked.length; e++) {
            if (runnable[e]) {
                Matcher m = ranked[e].pattern().matcher(scanned);
                if (m.find()) {
                    return Optional.of(new Diagnosis(ranked[e].entry(), m.group(), m.start(), m.end()));
                }
            }
        }
        return Optional.empty();
    }

    /** Winner-order indexes of every runnable entry whose regex matches the text (not just the winner). */
    public List<Integer> allMatching(CharSequence text) {
        Scratch s = new Scratch();
        s.begin();
        s.append(text, 0, Math.min(text.length(), maxScanLength));
        int n = s.candidates();
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int e = s.candidates[i];
            if (ranked[e].pattern().matcher(text).find()) {
                out.add(e);
            }
        }
        return out;
    }

    /** The ids of the entries the prefilter lets through for this text (for tests and tuning). */
    public List<String> candidates(CharSequence text) {
        Scratch s = new Scratch();
        s.begin();
        s.append(text, 0, Math.min(text.length(), maxScanLength));
        int n = s.candidates();
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(ranked[s.candidates[i]].entry().id());
        }
        return ids;
    }

    /** Trigger windows and DFA states of the prefilter (for benchmarks and docs). */
    public String describe() {
        return prefilter.windows() + " windows, " + prefilter.states() + " states, " + prefilter.classes() + " classes, "
                + always.length + " unanchored";
    }

    /** Entries taken out of matching for using up the time budget again and again; each listed once. */
    public List<LoadProblem> quarantined() {
        return quarantined;
    }

    /** Events whose matching was stopped by the time budget. */
    public long overruns() {
        return overruns.get();
    }

    /** What the first overrun was, or {@code null} before any. */
    public String firstOverrun() {
        return firstOverrun;
    }

    private void overrun(int e) {
        if (overruns.getAndIncrement() == 0) {
            firstOverrun = "an event used up its matching time budget (" + budgetText + ")"
                    + (e < 0 ? "" : " while entry '" + ranked[e].entry().id() + "' ran")
                    + "; it was passed on undiagnosed";
        }
        if (e >= 0) {
            strike(e, "its regex used up the per-event time budget (" + budgetText + ")");
        }
    }

    private void strike(int e, String why) {
        if (strikes.incrementAndGet(e) == QUARANTINE_STRIKES) {
            CompiledEntry c = ranked[e];
            quarantined.add(new LoadProblem(c.entry().source(), "'" + c.entry().id() + "'", "regex",
                    "quarantined: " + why + " " + QUARANTINE_STRIKES + " times; it no longer runs"));
        }
    }

    private Scratch acquire() {
        Scratch s = scratch.get();
        // re-entrant use on one thread (a throwable accessor that logs) gets a scratch of its own
        return s.busy ? new Scratch() : s.take();
    }

    /** One thread's reusable state: the scan, the candidate list, matchers, walk space. */
    private final class Scratch implements EventText.Sink {
        final Prefilter.Scan scan = prefilter.new Scan();
        final int[] candidates = new int[ranked.length + always.length];
        final Matcher[] matchers = new Matcher[ranked.length];
        final Object[] work = new Object[2 * EventText.MAX_THROWABLES];
        final TimedText timed = new TimedText();
        int length;
        boolean busy;

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
        public void append(char c) {
            scan.feed(c);
            length++;
        }

        @Override
        public int length() {
            return length;
        }

        int candidates() {
            int n = scan.candidates(candidates);
            if (always.length > 0) {
                for (int e : always) {
                    candidates[n++] = e;
                }
                java.util.Arrays.sort(candidates, 0, n);
            }
            return n;
        }

        Optional<Diagnosis> run(CharSequence text, int n) {
            if (budgetNanos <= 0) {
                return runUnlimited(text, n);
            }
            long start = System.nanoTime();
            TimedText timed = this.timed.reset(text, start + budgetNanos);
            int slowest = -1;
            long slowestNanos = -1;
            try {
                for (int i = 0; i < n; i++) {
                    int e = candidates[i];
                    if (strikes.get(e) >= QUARANTINE_STRIKES) {
                        continue;
                    }
                    Matcher m = matcher(e, timed);
                    long t0 = System.nanoTime();
                    try {
                        if (m.find()) {
                            return Optional.of(new Diagnosis(ranked[e].entry(), m.group(), m.start(), m.end()));
                        }
                    } catch (TimedText.BudgetSpent spent) {
                        long own = System.nanoTime() - t0;
                        overrun(own >= slowestNanos ? e : slowest);
                        return Optional.empty();
                    } catch (StackOverflowError deep) {
                        strike(e, "its regex overflowed the stack");
                    } finally {
                        m.reset("");
                    }
                    long own = System.nanoTime() - t0;
                    if (own > slowestNanos) {
                        slowestNanos = own;
                        slowest = e;
                    }
                }
                return Optional.empty();
            } finally {
                timed.clear();
            }
        }

        private Optional<Diagnosis> runUnlimited(CharSequence text, int n) {
            for (int i = 0; i < n; i++) {
                int e = candidates[i];
                if (strikes.get(e) >= QUARANTINE_STRIKES) {
                    continue;
                }
                Matcher m = matcher(e, text);
                try {
                    if (m.find()) {
                        return Optional.of(new Diagnosis(ranked[e].entry(), m.group(), m.start(), m.end()));
                    }
                } catch (StackOverflowError deep) {
                    strike(e, "its regex overflowed the stack");
                } finally {
                    m.reset(""); // drop the reference to the event's text
                }
            }
            return Optional.empty();
        }

        private Matcher matcher(int e, CharSequence text) {
            Matcher m = matchers[e];
            if (m == null) {
                m = ranked[e].pattern().matcher(text);
                matchers[e] = m;
            } else {
                m.reset(text);
            }
            return m;
        }
    }
}
