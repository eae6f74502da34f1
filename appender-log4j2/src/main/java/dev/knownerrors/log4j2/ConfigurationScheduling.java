package dev.knownerrors.log4j2;

import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.internal.Diagnoser;
import dev.knownerrors.kb.internal.Reloader;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationScheduler;
import org.apache.logging.log4j.status.StatusLogger;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the hot reload of {@link DiagnosingRewritePolicy} (and so of {@link DiagnosingAppender},
 * which holds one) on the Log4j configuration's own scheduler (the one behind
 * {@code monitorInterval} and cron rollover), which Log4j stops when the configuration stops —
 * on shutdown and on every reconfiguration — so the watcher never outlives its configuration and
 * no thread of ours exists. A rewrite policy has no stop hook of its own, so this is also the
 * only place where its end is known.
 */
final class ConfigurationScheduling {

    private ConfigurationScheduling() {
    }

    /** Starts {@code watch} (null when scanPeriod is off); a watcher that cannot run is reported and dropped. */
    static void start(Reloader watch, Diagnoser diagnoser, Supplier<KnowledgeBase> load, Configuration configuration) {
        if (watch == null) {
            return;
        }
        if (configuration == null) {
            StatusLogger.getLogger().warn("known-errors: scanPeriod needs the appender or policy to be part of a Log4j"
                    + " configuration; knowledge-base files are not watched");
            return;
        }
        ConfigurationScheduler scheduler = configuration.getScheduler();
        try {
            watch.start(diagnoser, load, (ms, task) -> scheduler.scheduleWithFixedDelay(task, ms, ms, TimeUnit.MILLISECONDS));
        } catch (RuntimeException e) {
            StatusLogger.getLogger().warn("known-errors: could not schedule the scanPeriod check on the configuration's"
                    + " scheduler; knowledge-base files are not watched: {}", e.toString());
        }
    }
}
