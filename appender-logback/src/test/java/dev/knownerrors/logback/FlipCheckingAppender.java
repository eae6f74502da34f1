package dev.knownerrors.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Test appender for {@link DiagnosingAppenderReloadTest}: two versions of one entry
 ({@code team/flip}) take turns in the KB. Version A matches {@code alpha failure} and says
 * {@code version A}, version B matches {@code beta failure} and says {@code version B}. Each
 * diagnosed event must carry one version whole: the matched text, the MDC field and the text
 * block from the same KB.
 */
public class FlipCheckingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final LongAdder received = new LongAdder();
    private final LongAdder alpha = new LongAdder();
    private final LongAdder beta = new LongAdder();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
        received.increment();
        Map<String, String> mdc = event.getMDCPropertyMap();
        String id = mdc == null ? null : mdc.get("kb.id");
        if (id == null) {
            return;
        }
        String m = event.getFormattedMessage();
        String version = m.startsWith("alpha failure") ? "version A" : m.startsWith("beta failure") ? "version B" : null;
        if (version == null || !version.equals(mdc.get("kb.root_cause")) || !m.contains("team/flip \u2014 " + version)) {
            if (violations.size() < 20) {
                violations.add(m.replace('\n', '|') + " root_cause=" + mdc.get("kb.root_cause"));
            }
            return;
        }
        (version.equals("version A") ? alpha : beta).increment();
    }

    long received() {
        return received.sum();
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
