package dev.knownerrors.kb.internal;

/**
 * The event's text as a regex sees it, with a clock: every {@link #CHECK_EVERY} character reads
 * it looks at the time and, once the deadline has passed, aborts the match by throwing
 * {@link BudgetSpent}. A backtracking regex reads characters for as long as it works, so this
 * bounds its time without a thread, an interrupt or a change to the regex. One instance per
 * thread, reused: nothing is allocated per event.
 */
final class TimedText implements CharSequence {

    /** Character reads between two looks at the clock: about a microsecond of matching. */
    static final int CHECK_EVERY = 1024;

    /** Thrown out of a match when the event's time is up; preallocated, without a stack trace. */
    static final class BudgetSpent extends RuntimeException {
        static final BudgetSpent INSTANCE = new BudgetSpent();

        private BudgetSpent() {
            super("known-errors: matching time budget spent", null, false, false);
        }
    }

    private CharSequence text = "";
    private long deadline;
    private int countdown;

    /** Starts an event: {@code text} may be read until {@code deadline} ({@link System#nanoTime()}). */
    TimedText reset(CharSequence text, long deadline) {
        this.text = text;
        this.deadline = deadline;
        this.countdown = CHECK_EVERY;
        return this;
    }

    /** Forgets the event's text. */
    void clear() {
        this.text = "";
    }

    @Override
    public char charAt(int index) {
        if (--countdown < 0) {
            countdown = CHECK_EVERY;
            if (System.nanoTime() - deadline > 0) {
                throw BudgetSpent.INSTANCE;
            }
        }
        return text.charAt(index);
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
