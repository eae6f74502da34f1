package dev.knownerrors.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code scan --follow FILE}: scans the file, then keeps reading what is appended to it (like
 * {@code tail -F}), handing each event to the scan as soon as it is complete: when the next event
 * starts, or when the file has been quiet for {@link #QUIET_MILLIS} ms. A truncated or replaced
 * (rotated) file is read again from its beginning, with line numbers from 1. Runs until the
 * thread is interrupted; Ctrl-C (or SIGTERM) interrupts it through a shutdown hook, which waits
 * for the scan to print its summary. Not thread-safe.
 */
final class Follower {

    static final long POLL_MILLIS = 100;
    static final long QUIET_MILLIS = 300;
    /** How long the shutdown hook waits for the summary. */
    static final long STOP_MILLIS = 3000;

    /** The scan's loop: takes events until {@code events} says there is none for now. */
    interface Drain {
        void drain(LogEventReader events) throws IOException;
    }

    private Follower() {
    }

    /** Follows {@code path} until interrupted, then returns normally. */
    static void follow(Path path, String name, int maxChars, Progress progress, Drain drain) throws IOException {
        try (FollowedFile file = new FollowedFile(path, POLL_MILLIS, QUIET_MILLIS)) {
            progress.start("following", name, file::size, file::position);
            while (true) {
                LogEventReader events = new LogEventReader(new LineReader(file, maxChars), maxChars);
                do {
                    drain.drain(events);
                } while (!file.restarted());
            }
        } catch (InterruptedIOException e) {
            Thread.interrupted(); // the stop is handled: the caller prints the summary
        }
    }

    /**
     * Runs {@code task} with a shutdown hook that interrupts this thread and waits (at most
     * {@link #STOP_MILLIS} ms) until the task has returned, so that Ctrl-C ends it cleanly.
     */
    static <T> T stoppableByShutdown(IoCallable<T> task) throws IOException {
        Thread worker = Thread.currentThread();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                done.await(STOP_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "known-errors-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return task.call();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for the countDown above
            }
        }
    }

    interface IoCallable<T> {
        T call() throws IOException;
    }
}
