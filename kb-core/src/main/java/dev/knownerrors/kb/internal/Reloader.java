package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.LoadProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Hot reload for both adapters ({@code scanPeriod}): every period it looks at the file and
 * directory KB locations ({@link SourceSnapshot}); once a change has stayed the same for one
 * period (so a file caught half-written is not loaded), it builds a new KB on the scheduler's
 * thread, never a logging thread, and either puts it in use ({@link Diagnoser#use}: one volatile
 * write, so an event is diagnosed with the old KB or the new one, never a mix) or, when the new
 * one is worse, keeps the one in use and says why through the status channel, once per change.
 *
 * <p>Worse means: loading it failed, it has no entry left while the one in use has some, or some
 * source has more load problems than it had in the KB in use (a broken file, a configured file
 * that is gone). A file removed from a watched directory just takes its entries away.
 *
 * <p>Thread-safe; checks never overlap. Cost per period: listing the locations and reading each
 * watched file once (size, modification time and a CRC-32 of the content).
 */
public final class Reloader {

    /** Name prefix of the watcher thread an adapter owns. */
    public static final String THREAD_PREFIX = "known-errors-reload-";
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final int LISTED_PROBLEMS = 5;

    /** Where the periodic check runs: the framework's scheduler or a thread of our own. */
    public interface Scheduler {
        ScheduledFuture<?> every(long periodMillis, Runnable task);

        /** Releases what the scheduler owns (its thread); called on {@link #stop()}. */
        default void close() {
        }
    }

    private final List<Path> watched;
    private final long periodMillis;
    private final Consumer<String> info;
    private final Consumer<String> warn;
    private SourceSnapshot seen;
    private SourceSnapshot pending;
    private Diagnoser diagnoser;
    private Supplier<KnowledgeBase> load;
    private Scheduler scheduler;
    private ScheduledFuture<?> task;
    private volatile boolean stopped;

    private Reloader(List<Path> watched, long periodMillis, Consumer<String> info, Consumer<String> warn) {
        this.watched = watched;
        this.periodMillis = periodMillis;
        this.info = info;
        this.warn = warn;
        this.seen = SourceSnapshot.take(watched);
    }

    /**
     * A reloader for these KB locations, or {@code null} when {@code scanPeriod} is not set or
     * invalid (reported to {@code error}) or no location is a file or directory (reported to
     * {@code warn}). Call it before loading the KB: the files are looked at now, so a change
     * made while the KB loads is seen by the first check.
     */
    public static Reloader watch(String scanPeriod, List<String> locations, Consumer<String> info,
                                 Consumer<String> warn, Consumer<String> error) {
        if (scanPeriod == null || scanPeriod.isBlank()) {
            return null;
        }
        long period;
        try {
            period = periodMillis(scanPeriod);
        } catch (IllegalArgumentException e) {
            error.accept("known-errors: " + e.getMessage() + "; knowledge-base files are not watched");
            return null;
        }
        List<Path> paths = SourceSnapshot.watchable(locations);
        if (paths.isEmpty()) {
            warn.accept("known-errors: scanPeriod is set but no knowledge base is a file or directory; nothing to watch");
            return null;
        }
        return new Reloader(paths, period, info, warn);
    }

    /**
     * Parses a period: a number and a unit ({@code 30 seconds}, {@code 500 milliseconds},
     * {@code 2 minutes}; also {@code ms}, {@code s}, {@code min}, {@code h}) or an ISO-8601
     * duration ({@code PT30S}). A bare number is rejected: Logback reads it as milliseconds and
     * Log4j as seconds, so it would mean different things in the two backends.
     */
    public static long periodMillis(String text) {
        String t = text.strip();
        if (BARE_NUMBER.matcher(t).matches()) {
            throw new IllegalArgumentException("scanPeriod '" + text + "' is not a period; write a number and a unit,"
                    + " e.g. '30 seconds'");
        }
        long millis;
        try {
            millis = Durations.parse(t).toMillis();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scanPeriod " + e.getMessage());
        }
        if (millis < 1) {
            throw new IllegalArgumentException("scanPeriod '" + text + "' must be at least 1 millisecond");
        }
        return millis;
    }

    /** A scheduler with one daemon thread of its own, {@code known-errors-reload-<name>}, ended by {@link #stop()}. */
    public static Scheduler ownThread(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, THREAD_PREFIX + name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return new OwnThread(executor);
    }

    private record OwnThread(ScheduledExecutorService executor) implements Scheduler {
        @Override
        public ScheduledFuture<?> every(long periodMillis, Runnable task) {
            return executor.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS); // a check under way finishes first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts checking every period on {@code scheduler}; {@code load} builds a KB with the adapter's settings. */
    public synchronized void start(Diagnoser diagnoser, Supplier<KnowledgeBase> load, Scheduler scheduler) {
        this.diagnoser = diagnoser;
        this.load = load;
        this.scheduler = scheduler;
        this.task = scheduler.every(periodMillis, this::check);
        info.accept("known-errors: watching " + watched + " for changes every " + periodMillis + " ms");
    }

    /** Stops checking and releases the scheduler's thread when it is ours; a check under way is not applied. */
    public void stop() {
        stopped = true;
        Scheduler s;
        synchronized (this) {
            if (task != null) {
                task.cancel(false);
            }
            s = scheduler;
        }
        if (s != null) {
            s.close();
        }
    }

    /** Whether checks are still scheduled. */
    public boolean running() {
        ScheduledFuture<?> t = task;
        return !stopped && t != null && !t.isDone();
    }

    /** One check; returns whether another KB was put in use. Never throws. */
    public synchronized boolean check() {
        try {
            if (stopped || diagnoser == null) {
                return false;
            }
            SourceSnapshot now = SourceSnapshot.take(watched);
            if (now.equals(seen)) {
                pending = null;
                return false;
            }
            if (!now.equals(pending)) {
                pending = now; // changed since the last look: wait until it stays the same for one period
                return false;
            }
            List<String> changes = now.changesSince(seen);
            seen = now;
            pending = null;
            return reload(String.join(", ", changes));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            warn.accept("known-errors: checking the knowledge-base files failed; the knowledge base in use stays: " + e);
            return false;
        }
    }

    private boolean reload(String changes) {
        KnowledgeBase old = diagnoser.knowledgeBase();
        KnowledgeBase fresh;
        try {
            fresh = load.get();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            warn.accept("known-errors: " + changes + ": loading the changed knowledge base failed, so the one loaded"
                    + " before stays in use: " + e);
            return false;
        }
        String worse = worse(old, fresh);
        if (stopped) {
            return false;
        }
        if (worse != null) {
            warn.accept("known-errors: " + changes + ": the changed knowledge base is not used, the one loaded before"
                    + " stays in use: " + worse);
            return false;
        }
        diagnoser.use(fresh);
        info.accept("known-errors: " + changes + ": knowledge base reloaded: " + fresh.summary());
        Set<String> known = new HashSet<>();
        old.problems().forEach(p -> known.add(p.toString()));
        for (LoadProblem p : fresh.problems()) {
            if (!known.contains(p.toString())) {
                warn.accept("known-errors: " + p);
            }
        }
        return true;
    }

    /** Why {@code fresh} is worse than {@code old}, or {@code null} when it may be used. */
    private static String worse(KnowledgeBase old, KnowledgeBase fresh) {
        Map<String, Integer> before = new HashMap<>();
        old.problems().forEach(p -> before.merge(p.source(), 1, Integer::sum));
        Map<String, Integer> after = new HashMap<>();
        fresh.problems().forEach(p -> after.merge(p.source(), 1, Integer::sum));
        List<String> reasons = new ArrayList<>();
        for (LoadProblem p : fresh.problems()) {
            if (after.get(p.source()) > before.getOrDefault(p.source(), 0)) {
                reasons.add(p.toString());
            }
        }
        if (reasons.isEmpty()) {
            return fresh.entries().isEmpty() && !old.entries().isEmpty() ? "it has no entries" : null;
        }
        int more = reasons.size() - LISTED_PROBLEMS;
        List<String> listed = reasons.subList(0, Math.min(reasons.size(), LISTED_PROBLEMS));
        return String.join("; ", listed) + (more > 0 ? "; and " + more + " more" : "");
    }
}
