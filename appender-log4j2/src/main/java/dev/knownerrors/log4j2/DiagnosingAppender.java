package dev.knownerrors.log4j2;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.apache.logging.log4j.core.config.AppenderControl;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.Scheduled;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.validation.constraints.Required;
import org.apache.logging.log4j.core.filter.Filterable;
import org.apache.logging.log4j.status.StatusLogger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Wraps the appenders given by {@code <AppenderRef>} and forwards every event to them; an
 * event at or above {@code minimumLevel} that matches a known error is forwarded as the copy
 * {@link DiagnosingRewritePolicy} makes (the {@code kb.*} context data, and the diagnosis text
 * after the message). It takes the policy's settings, as attributes and {@code <KnowledgeBase>}
 * elements of its own, and gives the same output. Logback's adapter has the same name and
 * the same settings.
 *
 * <pre>{@code
 * <DiagnosingAppender name="Diagnose" minimumLevel="WARN">
 *   <AppenderRef ref="File"/>
 *   <KnowledgeBase location="/etc/known-errors"/>
 * </DiagnosingAppender>
 * }</pre>
 *
 * <p>Why not only the policy in Log4j's {@code <Rewrite>}: for every event, {@code Rewrite}
 * iterates a {@code ConcurrentHashMap} of its references, and measured on a whole stream it
 * costs 7–12 % of an event before anything is diagnosed (and allocates an iterator); this
 * appender keeps its references in an array, forwards to Log4j's own file and console
 * appenders without a second {@code AppenderControl} (see {@code direct}), and allocates
 * nothing for an event it does not diagnose (BENCHMARKS.md).
 *
 * <p>A reference is resolved when the appender starts, with the level and filter given on the
 * {@code <AppenderRef>}, as a logger's references are; one that names no appender is reported
 * through the StatusLogger and left out. Thread-safe.
 */
@Plugin(name = "DiagnosingAppender", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE,
        printObject = true)
@Scheduled // scanPeriod runs on the configuration's scheduler, which stops with the configuration
public final class DiagnosingAppender extends AbstractAppender {

    /**
     * Log4j's appenders that write to a file, a stream or the console: they report their
     * problems to the StatusLogger and call no library that could log through a logger (as a
     * Kafka, JDBC or mail client can).
     */
    private static final Set<String> QUIET = Stream.of("File", "RandomAccessFile", "RollingFile",
                    "RollingRandomAccessFile", "MemoryMappedFile", "Console", "OutputStream", "Writer")
            .map(type -> "org.apache.logging.log4j.core.appender." + type + "Appender").collect(Collectors.toUnmodifiableSet());

    private final DiagnosingRewritePolicy policy;
    private final AppenderRef[] references;
    private final Configuration configuration;
    private volatile Target[] targets = new Target[0];

    private DiagnosingAppender(String name, Filter filter, boolean ignoreExceptions, AppenderRef[] references,
                               Configuration configuration, DiagnosingRewritePolicy policy) {
        super(name, filter, null, ignoreExceptions, Property.EMPTY_ARRAY);
        this.references = references;
        this.configuration = configuration;
        this.policy = policy;
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public void start() {
        List<Target> resolved = new ArrayList<>(references.length);
        for (AppenderRef ref : references) {
            Appender appender = configuration == null ? null : configuration.getAppender(ref.getRef());
            if (appender == null) {
                StatusLogger.getLogger().error("known-errors: DiagnosingAppender '{}' refers to appender '{}', which is not"
                        + " in the configuration; events are not forwarded to it", getName(), ref.getRef());
                continue;
            }
            resolved.add(new Target(new AppenderControl(appender, ref.getLevel(), ref.getFilter()),
                    direct(ref, appender) ? appender : null));
        }
        if (resolved.isEmpty()) {
            StatusLogger.getLogger().error("known-errors: DiagnosingAppender '{}' forwards to no appender: the events that"
                    + " reach it are written nowhere", getName());
        }
        targets = resolved.toArray(new Target[0]);
        super.start();
    }

    /**
     * Whether events may go to the appender without its {@link AppenderControl}: when the
     * reference gives neither a level nor a filter and the appender is one of {@link #QUIET}.
     * The control would then only guard against the appender being called again on the same
     * thread while it appends, with a thread-local set and cleared for every event: about 4 %
     * of an event's cost on a file appender (BENCHMARKS.md). Its other duties are kept in
     * {@code Target.send}: a stopped appender still goes through the control (which reports it), the
     * appender's own filter is asked, and a failure is handled as the control handles it.
     * Any other appender keeps the control, whose guard stops an event it logs while
     * appending from reaching it a second time.
     */
    private static boolean direct(AppenderRef ref, Appender appender) {
        return ref.getLevel() == null && ref.getFilter() == null && QUIET.contains(appender.getClass().getName());
    }

    @Override
    public void append(LogEvent event) {
        LogEvent out = policy.rewrite(event);
        for (Target target : targets) {
            target.send(out);
        }
    }

    /**
     * A resolved reference: its control, and its appender when events may skip the control
     * ({@link #direct}), else {@code null}.
     */
    private record Target(AppenderControl control, Appender appender) {

        /** Forwards through the control, or straight to the appender with the control's own checks and error handling. */
        void send(LogEvent event) {
            Appender a = appender;
            if (a == null || !a.isStarted()) {
                control.callAppender(event);
                return;
            }
            if (a instanceof Filterable f && f.isFiltered(event)) {
                return;
            }
            try {
                a.append(event);
            } catch (RuntimeException e) {
                failed(a, event, e);
            } catch (Throwable t) { // as the control does: an error in an appender is the appender's failure
                failed(a, event, new AppenderLoggingException(t));
            }
        }

        private static void failed(Appender appender, LogEvent event, RuntimeException e) {
            appender.getHandler().error("An exception occurred processing Appender " + appender.getName(), event, e);
            if (!appender.ignoreExceptions()) {
                throw e;
            }
        }
    }

    @Override
    public String toString() {
        return "DiagnosingAppender(name=" + getName() + ", " + policy + ")";
    }

    /** Builds the appender from its XML attributes and elements; problems go to the StatusLogger. */
    public static final class Builder extends DiagnosisSettings<Builder>
            implements org.apache.logging.log4j.core.util.Builder<DiagnosingAppender> {

        @PluginBuilderAttribute
        @Required(message = "known-errors: a DiagnosingAppender needs a name")
        private String name;

        @PluginElement("AppenderRef")
        private AppenderRef[] appenderRefs;

        @PluginElement("Filter")
        private Filter filter;

        @PluginBuilderAttribute
        private boolean ignoreExceptions = true;

        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        public Builder setAppenderRefs(AppenderRef... appenderRefs) {
            this.appenderRefs = appenderRefs;
            return this;
        }

        public Builder setFilter(Filter filter) {
            this.filter = filter;
            return this;
        }

        public Builder setIgnoreExceptions(boolean ignoreExceptions) {
            this.ignoreExceptions = ignoreExceptions;
            return this;
        }

        /** The appender, or {@code null} (reported) without an {@code <AppenderRef>}: there would be nothing to wrap. */
        @Override
        public DiagnosingAppender build() {
            if (appenderRefs == null || appenderRefs.length == 0) {
                StatusLogger.getLogger().error("known-errors: DiagnosingAppender '{}' has no <AppenderRef>; it wraps the"
                        + " appenders that write the events, so it is not created", name);
                return null;
            }
            return new DiagnosingAppender(name, filter, ignoreExceptions, appenderRefs.clone(), configuration(),
                    new DiagnosingRewritePolicy(prepare()));
        }
    }
}
