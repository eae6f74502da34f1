package dev.knownerrors.log4j2;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
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
import org.apache.logging.log4j.status.StatusLogger;

import java.util.ArrayList;
import java.util.List;

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
 * appender keeps its references in an array, costs what a plain forwarding appender costs, and
 * allocates nothing for an event it does not diagnose (BENCHMARKS.md).
 *
 * <p>A reference is resolved when the appender starts, with the level and filter given on the
 * {@code <AppenderRef>}, as a logger's references are; one that names no appender is reported
 * through the StatusLogger and left out. Thread-safe.
 */
@Plugin(name = "DiagnosingAppender", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE,
        printObject = true)
@Scheduled // scanPeriod runs on the configuration's scheduler, which stops with the configuration
public final class DiagnosingAppender extends AbstractAppender {

    private final DiagnosingRewritePolicy policy;
    private final AppenderRef[] references;
    private final Configuration configuration;
    private volatile AppenderControl[] controls = new AppenderControl[0];

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
        List<AppenderControl> resolved = new ArrayList<>(references.length);
        for (AppenderRef ref : references) {
            Appender appender = configuration == null ? null : configuration.getAppender(ref.getRef());
            if (appender == null) {
                StatusLogger.getLogger().error("known-errors: DiagnosingAppender '{}' refers to appender '{}', which is not"
                        + " in the configuration; events are not forwarded to it", getName(), ref.getRef());
                continue;
            }
            resolved.add(new AppenderControl(appender, ref.getLevel(), ref.getFilter()));
        }
        if (resolved.isEmpty()) {
            StatusLogger.getLogger().error("known-errors: DiagnosingAppender '{}' forwards to no appender: the events that"
                    + " reach it are written nowhere", getName());
        }
        controls = resolved.toArray(new AppenderControl[0]);
        super.start();
    }

    @Override
    public void append(LogEvent event) {
        LogEvent out = policy.rewrite(event);
        for (AppenderControl control : controls) {
            control.callAppender(out);
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
