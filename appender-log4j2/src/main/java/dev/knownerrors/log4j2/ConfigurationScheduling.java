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
 * Runs {@link DiagnosingRewritePolicy}'s hot reload on the Log4j configuration's own scheduler
 * (the one behind {@code monitorInterval} and cron rollover), which Log4j stops when the
 * configuration stops — on shutdown and on every reconfiguration — so the watcher never
 * outlives its configuration and no thread of ours exists. A rewrite policy has no stop hook
 * of its own, so this is also the only place where its end is known.
 */
final class ConfigurationScheduling {

    private ConfigurationScheduling() {
    }

    /** Starts {@code watch} (may be null: scanPeriod off) and returns it, or null when it cannot run. */
    static Reloader start(Reloader watch, Diagnoser diagnoser, Supplier<KnowledgeBase> load, Configuration configuration) {
        if (watch == null) {
            return null;
        }
        if (configuration == null) {
            StatusLogger.getLogger().warn("known-errors: scanPeriod needs the policy to be part of a Log4j configuration;"
                    + " knowledge-base files are not watched");
            return null;
        }
        ConfigurationScheduler scheduler = configuration.getScheduler();
        try {
            watch.start(diagnoser, load, (ms, task) -> scheduler.scheduleWithFixedDelay(task, ms, ms, TimeUnit.MILLISECONDS));
            return watch;
        } catch (RuntimeException e) {
            StatusLogger.getLogger().warn("known-errors: could not schedule the scanPeriod check on the configuration's"
                    + " scheduler; knowledge-base files are not watched: {}", e.toString());
            return null;
        }
    }
}
