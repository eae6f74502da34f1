package dev.knownerrors.examples;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.Map;

/** The demo's Log4j 2 half: the Log4j API configured by log4j2.xml on the classpath. */
final class Log4j2Demo {

    private Log4j2Demo() {
    }

    static void run(Map<String, Failures.Failure> failures) {
        Logger log = LogManager.getLogger("demo.orders");
        log.info("Order service started; {} scenarios to run", failures.size());
        failures.forEach((name, f) -> log.error(f.message(), f.error()));
        log.info("Done");
        LogManager.shutdown();
    }
}
