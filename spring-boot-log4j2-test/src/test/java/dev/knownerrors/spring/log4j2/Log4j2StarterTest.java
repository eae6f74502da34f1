package dev.knownerrors.spring.log4j2;

import dev.knownerrors.log4j2.DiagnosingAppender;
import dev.knownerrors.spring.Apps;
import dev.knownerrors.spring.apps.ClosedPort;
import dev.knownerrors.spring.apps.refused.RefusedConnectionApp;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;

import static dev.knownerrors.spring.apps.refused.RefusedConnectionApp.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** Real Spring Boot applications on Log4j 2 (spring-boot-starter-log4j2, Boot's default configuration) with the starter. */
@ExtendWith(OutputCaptureExtension.class)
@UsingStatusListener
@SuppressWarnings("try") // contexts are opened for their side effects and closed after the assertions
class Log4j2StarterTest {

    static final String DIAGNOSED = MESSAGE + "\n  \u2691 known error network/connection-refused \u2014 "
            + "The target host answered, but nothing is listening on that port, so the TCP connection was actively rejected.\n"
            + "    try: Verify something listens on the exact host:port";

    @Test
    void an_error_the_application_logs_is_diagnosed_on_the_console(CapturedOutput output, ListStatusListener status) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class)) {
            assertThat(output.getOut()).contains(DIAGNOSED).contains("java.net.ConnectException: Connection refused");
            assertThat(Log4j2Root.appenders()).containsExactly("KnownErrors");
            Appender installed = Log4j2Root.context().getConfiguration().getAppender("KnownErrors");
            assertThat(installed).isInstanceOf(DiagnosingAppender.class);
            assertThat(installed.isStarted()).isTrue();
            assertThat(status.findStatusData(Level.WARN)).isEmpty();
            assertThat(status.findStatusData(Level.INFO).map(d -> d.getMessage().getFormattedMessage()))
                    .contains("known-errors: the root logger's appenders [Console] are wrapped in 'KnownErrors'");
        }
    }

    @Test
    void a_filter_on_the_root_loggers_appender_ref_still_applies_behind_the_starter(CapturedOutput output,
            ListStatusListener status) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "logging.config=classpath:configured/log4j2-spring-filtered.xml")) {
            assertThat(Log4j2Root.appenders()).containsExactly("KnownErrors");
            assertThat(output.getOut()).contains("shop ERROR demo.orders - " + DIAGNOSED)
                    .doesNotContain("shop INFO ").doesNotContain("shop WARN ");
            assertThat(status.findStatusData(Level.WARN)).isEmpty();
        } finally {
            Log4j2Root.context().setConfiguration(new org.apache.logging.log4j.core.config.DefaultConfiguration());
        }
    }

    @Test
    void disabled_by_property_it_leaves_logging_as_spring_boot_configured_it(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "known-errors.enabled=false")) {
            assertThat(output.getOut()).contains(MESSAGE).contains("java.net.ConnectException: Connection refused")
                    .doesNotContain("known error");
            assertThat(Log4j2Root.appenders()).containsExactly("Console");
        }
    }

    @Test
    void a_reconfigured_log4j_context_is_wrapped_again(CapturedOutput output) throws IOException {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class)) {
            Appender first = Log4j2Root.context().getConfiguration().getAppender("KnownErrors");

            Log4j2Root.context().reconfigure(); // what monitorInterval does when the file changes

            Appender second = Log4j2Root.context().getConfiguration().getAppender("KnownErrors");
            assertThat(second).isNotNull().isNotSameAs(first);
            assertThat(Log4j2Root.appenders()).containsExactly("KnownErrors");
            try {
                ClosedPort.connect(ClosedPort.find());
            } catch (IOException e) {
                LogManager.getLogger("demo.orders").error("After the reconfiguration", e);
            }
            assertThat(output.getOut()).contains("After the reconfiguration\n  \u2691 known error network/connection-refused");
        }
    }
}
