package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.test.ListStatusListener;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Starts a private LoggerContext from one log4j2.xml per scenario, for tests that change
 * files under a running configuration, reconfigure or shut it down themselves (the KB
 * location comes in as the system property {@code known-errors.test.kb}).
 */
final class Log4j {

    static final String KB_PROPERTY = "known-errors.test.kb";

    private Log4j() {
    }

    static LoggerContext start(String resource, String kbLocation) {
        System.setProperty(KB_PROPERTY, kbLocation);
        try {
            return start(Log4j.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        } finally {
            System.clearProperty(KB_PROPERTY);
        }
    }

    static LoggerContext start(URI config) {
        LoggerContext context = new LoggerContext("test-" + System.nanoTime(), null, config);
        context.start();
        return context;
    }

    static void stop(LoggerContext context) {
        Configurator.shutdown(context);
    }

    /** The formatted status messages of exactly this level that start with {@code known-errors: } and contain a text. */
    static List<String> messages(ListStatusListener status, Level level, String containing) {
        return status.getStatusData().filter(d -> d.getLevel() == level)
                .map(d -> d.getMessage().getFormattedMessage())
                .filter(m -> m.startsWith("known-errors: ") && m.contains(containing)).toList();
    }
}
