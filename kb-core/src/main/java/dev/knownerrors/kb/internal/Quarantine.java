package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.LoadProblem;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time budget's bookkeeping for one engine: overruns, strikes per entry, and the entries
 * quarantined after {@link #STRIKES} strikes, each listed once. Lock-free; checking whether an
 * entry may run is one volatile read.
 */
final class Quarantine {

    /** Strikes (budget overruns or stack overflows) after which an entry is quarantined. */
    static final int STRIKES = 3;

    private final CompiledEntry[] ranked;
    private final String budgetText;
    private final AtomicIntegerArray strikes;
    private final List<LoadProblem> quarantined = new CopyOnWriteArrayList<>();
    private final AtomicLong overruns = new AtomicLong();
    private volatile String firstOverrun;

    Quarantine(CompiledEntry[] ranked, Duration budget) {
        this.ranked = ranked;
        this.budgetText = Durations.format(budget);
        this.strikes = new AtomicIntegerArray(ranked.length);
    }

    /** Whether entry {@code e} (winner order) is quarantined. */
    boolean out(int e) {
        return strikes.get(e) >= STRIKES;
    }

    List<LoadProblem> quarantined() {
        return quarantined;
    }

    long overruns() {
        return overruns.get();
    }

    String firstOverrun() {
        return firstOverrun;
    }

    /**
     * An event ran out of its budget while entry {@code e} (or -1) was the most costly; it gets a
     * strike only if the thread really computed for the whole budget.
     */
    void overrun(int e, boolean onCpu, boolean warmingUp) {
        if (overruns.getAndIncrement() == 0) {
            firstOverrun = "an event used up its matching time budget (" + budgetText
                    + (warmingUp ? ", " + Engine.WARM_UP_FACTOR + " times that while the thread warms up" : "") + ")"
                    + (e < 0 ? "" : " while entry '" + ranked[e].entry().id() + "' ran")
                    + (onCpu ? "" : " (the thread was mostly descheduled: " + TimedText.WALL_CAP_FACTOR
                    + " times the budget in wall-clock time)")
                    + "; it was passed on undiagnosed";
        }
        if (e >= 0 && onCpu) {
            strike(e, "its regex used up the per-event time budget (" + budgetText + ")");
        }
    }

    void strike(int e, String why) {
        if (strikes.incrementAndGet(e) == STRIKES) {
            CompiledEntry c = ranked[e];
            quarantined.add(new LoadProblem(c.entry().source(), "'" + c.entry().id() + "'", "regex",
                    "quarantined: " + why + " " + STRIKES + " times; it no longer runs"));
        }
    }
}
