package dev.knownerrors.kb.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The event's text as a regex sees it, with a clock: every {@link #CHECK_EVERY} character reads
 * it looks at the time and, once the budget is spent, aborts the match by throwing
 * {@link BudgetSpent}. A backtracking regex reads characters for as long as it works, so this
 * bounds its time without a thread, an interrupt or a change to the regex. One instance per
 * thread, reused: nothing is allocated per event.
 *
 * <p>The budget is CPU time of the matching thread: on a loaded machine a thread can be
 * descheduled for milliseconds in the middle of a cheap match, and that must neither cost the
 * event its diagnosis nor count against the entry. The wall clock (cheap to read) decides when to
 * look; the thread's CPU clock (a system call) is read only when the wall-clock budget has run
 * out, and once per event whose regexes read more than {@link #CPU_PROBE_CHECKS} times
 * {@link #CHECK_EVERY} characters. A hard wall-clock cap of {@link #WALL_CAP_FACTOR} times the
 * budget ends the match in any case.
 */
final class TimedText implements CharSequence {

    /** Character reads between two looks at the clock: a few microseconds of matching. */
    static final int CHECK_EVERY = 1024;
    /**
     * The thread's CPU clock (a system call, about a microsecond) is first read after this many
     * looks at the wall clock, or once an eighth of the budget has passed, so that the many short
     * matches never read it.
     */
    static final int CPU_PROBE_CHECKS = 16;
    /** The most CPU one character read stands for, when estimating the time before the first CPU reading. */
    static final long MAX_NANOS_PER_READ = 50;
    /** However descheduled the thread is, matching stops after this many budgets of wall time. */
    static final int WALL_CAP_FACTOR = 50;

    private static final ThreadMXBean THREADS = threads();

    /** Thrown out of a match when the event's time is up; preallocated, without a stack trace. */
    static final class BudgetSpent extends RuntimeException {
        static final BudgetSpent INSTANCE = new BudgetSpent();

        private BudgetSpent() {
            super("known-errors: matching time budget spent", null, false, false);
        }
    }

    private CharSequence text = "";
    private long budget;
    private long wallStart;
    private long wallDeadline;
    private long wallCap;
    private long cpuStart;
    private boolean cpuKnown;
    private boolean spentOnCpu;
    private int countdown;
    private int checks;

    /** Starts an event at {@code wallStart} ({@link System#nanoTime()}) with {@code budget} nanoseconds. */
    TimedText reset(CharSequence text, long wallStart, long budget) {
        this.text = text;
        this.budget = budget;
        this.wallStart = wallStart;
        this.wallDeadline = wallStart + budget;
        this.wallCap = wallStart + budget * WALL_CAP_FACTOR;
        this.cpuKnown = false;
        this.spentOnCpu = false;
        this.countdown = CHECK_EVERY;
        this.checks = 0;
        return this;
    }

    /** Forgets the event's text. */
    void clear() {
        this.text = "";
    }

    /**
     * Whether the last {@link BudgetSpent} was this thread really computing for the whole budget
     * (true), rather than the wall-clock cap of a thread that was mostly not running (false).
     */
    boolean spentOnCpu() {
        return spentOnCpu;
    }

    @Override
    public char charAt(int index) {
        if (--countdown < 0) {
            countdown = CHECK_EVERY;
            check();
        }
        return text.charAt(index);
    }

    private void check() {
        long now = System.nanoTime();
        if (!cpuKnown && (++checks == CPU_PROBE_CHECKS || now - wallStart > budget / 8)) {
            // tens of microseconds in, or sooner when reading is slow (a costly regex, or the thread
            // was descheduled). The CPU used so far is the wall time, but no more than the reads
            // done could take: a thread descheduled before this point must not be charged for it.
            cpuKnown = true;
            long ran = Math.min(now - wallStart, (long) checks * CHECK_EVERY * MAX_NANOS_PER_READ);
            cpuStart = cpu() - ran;
        }
        if (now - wallDeadline <= 0) {
            return;
        }
        if (now - wallCap > 0) {
            spentOnCpu = THREADS == null;
            throw BudgetSpent.INSTANCE;
        }
        if (THREADS != null) {
            long used = cpu() - cpuStart;
            if (used < budget) {
                wallDeadline = now + (budget - used); // it was descheduled meanwhile: look again later
                return;
            }
        }
        spentOnCpu = true;
        throw BudgetSpent.INSTANCE;
    }

    /**
     * Loads the class and the thread-CPU clock (java.management's start-up takes milliseconds):
     * called when a KB is built, so that the first event does not pay for it.
     */
    static boolean ready() {
        return THREADS != null;
    }

    private static long cpu() {
        return THREADS == null ? System.nanoTime() : THREADS.getCurrentThreadCpuTime();
    }

    private static ThreadMXBean threads() {
        try {
            ThreadMXBean t = ManagementFactory.getThreadMXBean();
            return t.isCurrentThreadCpuTimeSupported() && t.isThreadCpuTimeEnabled() ? t : null;
        } catch (RuntimeException | LinkageError e) {
            return null; // no java.management: the wall clock alone
        }
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
