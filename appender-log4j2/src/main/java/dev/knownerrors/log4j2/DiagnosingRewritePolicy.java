package dev.knownerrors.log4j2;

import dev.knownerrors.kb.internal.Diagnoser;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.config.Scheduled;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringMap;

import java.util.Map;

/**
 * A policy for Log4j's {@code <Rewrite>} appender: an event at or above {@code minimumLevel}
 * that matches a known error is rewritten into a copy carrying the {@code kb.*} context data
 * and (with {@code appendToMessage}, the default) the diagnosis text after its message; every
 * other event passes as the same object. The full text block is shown once per known error per
 * {@code repeatWindow}; repeats within it get a one-line reference with a count (the context
 * data is on every event).
 *
 * <pre>{@code
 * <Rewrite name="Diagnose">
 *   <AppenderRef ref="File"/>
 *   <DiagnosingRewritePolicy minimumLevel="WARN">
 *     <KnowledgeBase location="/etc/known-errors"/>
 *   </DiagnosingRewritePolicy>
 * </Rewrite>
 * }</pre>
 *
 * <p>{@link DiagnosingAppender} gives the same output without Log4j's {@code Rewrite} appender,
 * for less per event; this policy is for configurations that have a {@code Rewrite} already.
 *
 * <p>Thread-safe. Cost: nothing below {@code minimumLevel}; one scan of message and exception
 * chain otherwise. Problems go to the StatusLogger; a failure while diagnosing is reported
 * (the first few times) and the event passes unchanged.
 */
@Plugin(name = "DiagnosingRewritePolicy", category = Core.CATEGORY_NAME, elementType = "rewritePolicy",
        printObject = true)
@Scheduled // scanPeriod runs on the configuration's scheduler, which stops with the configuration
public final class DiagnosingRewritePolicy implements RewritePolicy {

    private final Diagnoser diagnoser;
    private final Level minimumLevel;
    private final boolean appendToMessage;

    DiagnosingRewritePolicy(DiagnosisSettings.Prepared settings) {
        this.diagnoser = settings.diagnoser();
        this.minimumLevel = settings.minimumLevel();
        this.appendToMessage = settings.appendToMessage();
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public LogEvent rewrite(LogEvent source) {
        if (diagnoser == null || !source.getLevel().isMoreSpecificThan(minimumLevel)) {
            return source;
        }
        try {
            Message message = source.getMessage();
            String formatted = message == null ? null : message.getFormattedMessage();
            Diagnoser.Result r = Log4jThrowableView.diagnose(diagnoser, source, formatted);
            if (r == null) {
                return source;
            }
            return DiagnosedCopy.of(source, new DiagnosedMessage(message, formatted, r, appendToMessage),
                    contextData(source.getContextData(), r));
        } catch (RuntimeException | StackOverflowError e) {
            diagnoser.report(e);
            return source;
        }
    }

    /**
     * The event's own context data with the {@code kb.*} fields added, frozen. An event without
     * context data of its own (most: no {@code ThreadContext} in use) gets its entry's fields as
     * one frozen map, kept in the rendering's slot (so per entry and per KB in use), instead of
     * a map built and sorted for it.
     */
    private static StringMap contextData(ReadOnlyStringMap own, Diagnoser.Result r) {
        if (own != null && !own.isEmpty()) {
            return withFields(ContextDataFactory.createContextData(own), r.fields());
        }
        if (r.slot().get() instanceof StringMap kept) {
            return kept;
        }
        StringMap data = withFields(ContextDataFactory.createContextData(), r.fields());
        r.slot().set(data);
        return data;
    }

    private static StringMap withFields(StringMap data, Map<String, String> fields) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            data.putValue(field.getKey(), field.getValue());
        }
        data.freeze();
        return data;
    }

    @Override
    public String toString() {
        return "DiagnosingRewritePolicy(minimumLevel=" + minimumLevel + ", appendToMessage=" + appendToMessage + ")";
    }

    /** Builds the policy from its XML attributes and elements; problems go to the StatusLogger. */
    public static final class Builder extends DiagnosisSettings<Builder>
            implements org.apache.logging.log4j.core.util.Builder<DiagnosingRewritePolicy> {

        @Override
        public DiagnosingRewritePolicy build() {
            return new DiagnosingRewritePolicy(prepare());
        }
    }
}
