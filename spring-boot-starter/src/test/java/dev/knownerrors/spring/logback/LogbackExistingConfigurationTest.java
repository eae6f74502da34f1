package dev.knownerrors.spring.logback;

import dev.knownerrors.spring.Apps;
import dev.knownerrors.spring.apps.refused.RefusedConnectionApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.knownerrors.spring.apps.refused.RefusedConnectionApp.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** A logback-spring.xml that already has a DiagnosingAppender: the starter installs nothing and says so on the status channel only. */
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings("try") // contexts are opened for their side effects and closed after the assertions
class LogbackExistingConfigurationTest {

    @Test
    void a_diagnosing_appender_in_logback_spring_xml_is_not_installed_twice(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "logging.config=classpath:configured/logback-spring.xml")) {
            assertThat(RootAppenders.describe()).containsExactly("DiagnosingAppender:DIAGNOSE[ConsoleAppender:CONSOLE]");
            assertThat(output.getOut()).contains("shop ERROR demo.orders - " + MESSAGE
                    + "\n  \u2691 known error network/connection-refused \u2014 ");
            assertThat(output.getOut().split("known error network/connection-refused", -1)).hasSize(2);
            assertThat(RootAppenders.statusMessages()).contains("known-errors: the logging configuration has its own "
                    + "DiagnosingAppender 'DIAGNOSE'; the Spring Boot starter installs none");
            assertThat(output.getAll()).doesNotContain("known-errors:");
        }
    }
}
