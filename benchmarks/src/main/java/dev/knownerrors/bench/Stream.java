package dev.knownerrors.bench;

import java.net.ConnectException;

/**
 * A realistic stream of 100 log events: in the {@code info95} mix 95 INFO and 5 WARN/ERROR
 * (two of them known errors: the Redis fork failure, and a connection refused with its
 * exception); in {@code allScanned} the INFO events are logged at WARN, so every event is
 * scanned; {@code info95benign} is {@code info95} with those two replaced by WARN+ events that
 * are no known error (one with an exception): every event is checked as in {@code info95}, and
 * nothing is diagnosed, so the check's cost shows apart from the diagnosis written;
 * {@code benign200} is 100 INFO events of the first eight {@link Messages#benign200} lines
 * (logged as {@code "{}"} with the line as argument): the lines {@link MatchBenchmark#nonMatching}
 * checks when its KB diagnoses none of them, so that {@link CoreSideBySide} can weigh the check
 * against a bare appender's event of the same text.
 */
final class Stream {

    enum Level { INFO, WARN, ERROR }

    record Event(Level level, String format, Object arg, Throwable error) {
    }

    private static final String[] INFO = {
        "Order {} accepted", "GET /api/orders/{} 200 OK", "Reconciled {} orders", "Cache hit ratio {} %",
        "Published OrderCreated for order {}", "Consumer group rebalanced; assigned {} partitions",
        "HikariPool-1 - Pool stats (total=10, active={}, idle=8, waiting=0)", "Scheduled export finished in {} ms",
    };

    private Stream() {
    }

    static Event[] events(String mix) {
        if (mix.equals("benign200")) {
            String[] lines = Messages.benign200();
            Event[] events = new Event[100];
            for (int i = 0; i < events.length; i++) {
                events[i] = new Event(Level.INFO, "{}", lines[i % 8], null);
            }
            return events;
        }
        if (!mix.equals("info95") && !mix.equals("allScanned") && !mix.equals("info95benign")) {
            throw new IllegalArgumentException("no mix " + mix + " (info95, allScanned, info95benign, benign200)");
        }
        boolean allScanned = mix.equals("allScanned");
        ConnectException refused = new ConnectException("Connection refused");
        Event[] events = new Event[100];
        for (int i = 0; i < events.length; i++) {
            events[i] = new Event(allScanned ? Level.WARN : Level.INFO, INFO[i % INFO.length], 8800 + i, null);
        }
        if (mix.equals("info95benign")) {
            events[17] = new Event(Level.ERROR, "Nightly cleanup left {} orders unarchived; next run at 02:00", 17, null);
            events[42] = new Event(Level.ERROR, "Inventory service rejected sku {}", "311-204",
                    new IllegalStateException("sku 311-204 is discontinued"));
        } else {
            events[17] = new Event(Level.ERROR, Messages.REDIS, null, null);
            events[42] = new Event(Level.ERROR, "Inventory service unreachable for sku {}", "311-204", refused);
        }
        events[63] = new Event(Level.WARN, "Slow request GET /orders/{} took 2140 ms", 8812, null);
        events[81] = new Event(Level.WARN, "Retrying payment capture for order {} (attempt 2 of 3)", 8815, null);
        events[97] = new Event(Level.ERROR, "Export of report {} failed validation; skipped", "monthly-11", null);
        return events;
    }

    /**
     * Fails unless the bundled KB diagnoses exactly the stream's known errors: two events, or none
     * in {@code info95benign} and {@code benign200} (a KB that grows must not turn a benign event
     * of it into a diagnosis unnoticed).
     */
    static void checkKnownErrors(String mix, Event[] events) {
        dev.knownerrors.kb.KnowledgeBase kb = dev.knownerrors.kb.KnowledgeBase.bundled();
        java.util.List<String> diagnosed = new java.util.ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            Event e = events[i];
            if (e.level() == Level.INFO) {
                continue;
            }
            String message = e.format().replace("{}", String.valueOf(e.arg()));
            int at = i;
            kb.diagnose(message, e.error()).ifPresent(d -> diagnosed.add("event " + at + " as " + d.id()));
        }
        int expected = mix.equals("info95") || mix.equals("allScanned") ? 2 : 0;
        if (diagnosed.size() != expected) {
            throw new IllegalStateException("the " + mix + " stream should have " + expected + " known errors, the bundled KB diagnoses "
                    + diagnosed);
        }
    }
}
