package dev.knownerrors.log4j2;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Test appender ({@code <FlipChecking name="…"/>}) for {@link DiagnosingRewritePolicyReloadTest}:
 * two versions of one entry ({@code team/flip}) take turns in the KB. Version A matches
 * {@code alpha failure} and says {@code version A}, version B matches {@code beta failure} and
 * says {@code version B}. Each diagnosed event must carry one version whole: the matched text,
 * the context-data field and the text block from the same KB.
 */
@Plugin(name = "FlipChecking", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE)
public final class FlipCheckingAppender extends AbstractAppender {

    private final LongAdder alpha = new LongAdder();
    private final LongAdder beta = new LongAdder();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();

    private FlipCheckingAppender(String name) {
        super(name, null, null, true, Property.EMPTY_ARRAY);
    }

    @PluginFactory
    public static FlipCheckingAppender create(@PluginAttribute("name") String name) {
        return new FlipCheckingAppender(name);
    }

    @Override
    public void append(LogEvent event) {
        String id = event.getContextData().getValue("kb.id");
        if (id == null) {
            return;
        }
        String m = event.getMessage().getFormattedMessage();
        String rootCause = event.getContextData().getValue("kb.root_cause");
        String version = m.startsWith("alpha failure") ? "version A" : m.startsWith("beta failure") ? "version B" : null;
        if (version == null || !version.equals(rootCause) || !m.contains("team/flip \u2014 " + version)) {
            if (violations.size() < 20) {
                violations.add(m.replace('\n', '|') + " root_cause=" + rootCause);
            }
            return;
        }
        (version.equals("version A") ? alpha : beta).increment();
    }

    long diagnosedAlpha() {
        return alpha.sum();
    }

    long diagnosedBeta() {
        return beta.sum();
    }

    List<String> violations() {
        return List.copyOf(violations);
    }
}
