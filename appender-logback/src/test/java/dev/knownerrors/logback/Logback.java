package dev.knownerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads one small logback.xml per scenario into a fresh, private LoggerContext. */
final class Logback {

    private Logback() {
    }

    static LoggerContext configure(URL xml, Map<String, String> properties) {
        assertThat(xml).as("configuration file").isNotNull();
        LoggerContext context = newContext();
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(xml);
        } catch (JoranException e) {
            throw new AssertionError(e);
        }
        return context;
    }

    /** A private context with the MDC adapter that SLF4J's provider would install in an application. */
    static LoggerContext newContext() {
        LoggerContext context = new LoggerContext();
        context.setName("test-" + System.nanoTime());
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    static LoggerContext configure(String resource, Map<String, String> properties) {
        return configure(Logback.class.getResource("/" + resource), properties);
    }

    static List<Status> statuses(LoggerContext context, int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= level).toList();
    }

    /** Fails listing them if the context reported any warning or error. */
    static void assertNoWarningsOrErrors(LoggerContext context) {
        assertThat(statuses(context, Status.WARN)).as("Logback status warnings and errors").isEmpty();
    }
}
