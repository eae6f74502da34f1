package dev.knownerrors.spring.logback;

import ch.qos.logback.core.Appender;
import dev.knownerrors.spring.Apps;
import dev.knownerrors.spring.apps.ClosedPort;
import dev.knownerrors.spring.apps.refused.RefusedConnectionApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.knownerrors.spring.apps.refused.RefusedConnectionApp.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Logback's scan replaces the whole configuration while the application runs; the diagnosis comes back with it. */
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings("try") // contexts are opened for their side effects and closed after the assertions
class LogbackRescanTest {

    @Test
    void a_configuration_reloaded_by_logback_scan_is_wrapped_again(@TempDir Path dir, CapturedOutput output)
            throws IOException {
        Path config = dir.resolve("logback-spring.xml");
        try (InputStream in = getClass().getResourceAsStream("/rescan/logback-spring.xml")) {
            Files.copy(in, config);
        }
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "logging.config=file:" + config)) {
            assertThat(output.getOut()).contains("before ERROR demo.orders - " + MESSAGE
                    + "\n  \u2691 known error network/connection-refused \u2014 ");
            Appender<?> first = RootAppenders.root().getAppender("KNOWN_ERRORS");

            Files.writeString(config, Files.readString(config, StandardCharsets.UTF_8).replace("before ", "after "),
                    StandardCharsets.UTF_8);
            config.toFile().setLastModified(System.currentTimeMillis() + 2_000);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                Appender<?> current = RootAppenders.root().getAppender("KNOWN_ERRORS");
                return current != null && current != first;
            });

            try {
                ClosedPort.connect(ClosedPort.find());
            } catch (IOException e) {
                LoggerFactory.getLogger("demo.orders").error(MESSAGE, e);
            }
            assertThat(RootAppenders.describe()).containsExactly("DiagnosingAppender:KNOWN_ERRORS[ConsoleAppender:CONSOLE]");
            assertThat(output.getOut()).contains("after ERROR demo.orders - " + MESSAGE
                    + "\n  \u2691 known error network/connection-refused \u2014 ");
        } finally {
            // Spring Boot's clean-up leaves the scan running; stop it before the file goes away.
            RootAppenders.context().reset();
        }
    }
}
