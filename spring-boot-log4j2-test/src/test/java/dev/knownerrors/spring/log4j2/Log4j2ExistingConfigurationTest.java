package dev.knownerrors.spring.log4j2;

import dev.knownerrors.spring.Apps;
import dev.knownerrors.spring.apps.refused.RefusedConnectionApp;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.knownerrors.spring.apps.refused.RefusedConnectionApp.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** A log4j2-spring.xml that already diagnoses (a DiagnosingRewritePolicy, a DiagnosingAppender): the starter installs nothing and says so on the StatusLogger only. */
@ExtendWith(OutputCaptureExtension.class)
@UsingStatusListener
@SuppressWarnings("try") // contexts are opened for their side effects and closed after the assertions
class Log4j2ExistingConfigurationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "log4j2-spring.xml          | known-errors: the logging configuration has its own DiagnosingRewritePolicy; the Spring Boot starter installs none",
        "log4j2-spring-appender.xml | known-errors: the logging configuration has its own DiagnosingAppender 'Diagnose'; the Spring Boot starter installs none",
    })
    void a_diagnosing_component_in_log4j2_spring_xml_is_not_installed_twice(String config, String note, CapturedOutput output,
            ListStatusListener status) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "logging.config=classpath:configured/" + config)) {
            assertThat(Log4j2Root.appenders()).containsExactly("Diagnose");
            assertThat(output.getOut()).contains("shop ERROR demo.orders - " + MESSAGE
                    + "\n  \u2691 known error network/connection-refused \u2014 ");
            assertThat(output.getOut().split("known error network/connection-refused", -1)).hasSize(2);
            assertThat(status.findStatusData(Level.INFO).map(d -> d.getMessage().getFormattedMessage())).contains(note);
            assertThat(output.getAll()).doesNotContain("known-errors:");
        } finally {
            // Spring Boot re-initialises from the configuration Log4j last loaded: do not leave this one to the next test.
            Log4j2Root.context().setConfiguration(new DefaultConfiguration());
        }
    }
}
