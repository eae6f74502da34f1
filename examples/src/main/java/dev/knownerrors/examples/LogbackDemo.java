package dev.knownerrors.examples;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** The demo's Logback half: SLF4J logging configured by logback.xml on the classpath. */
final class LogbackDemo {

    private LogbackDemo() {
    }

    static void run(Map<String, Failures.Failure> failures) {
        Logger log = LoggerFactory.getLogger("demo.orders");
        log.info("Order service started; {} scenarios to run", failures.size());
        failures.forEach((name, f) -> log.error(f.message(), f.error()));
        log.info("Done");
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
