package dev.knownerrors.spring.logback;

import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.spring.Apps;
import dev.knownerrors.spring.apps.refused.RefusedConnectionApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.knownerrors.spring.apps.refused.RefusedConnectionApp.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** Real Spring Boot applications on Logback (Boot's default configuration) with the starter on the class path. */
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings("try") // contexts are opened for their side effects and closed after the assertions
class LogbackStarterTest {

    private static final String DIAGNOSED = MESSAGE + "\n  \u2691 known error network/connection-refused \u2014 "
            + "The target host answered, but nothing is listening on that port, so the TCP connection was actively rejected.\n"
            + "    try: Verify something listens on the exact host:port";

    @Test
    void an_error_the_application_logs_is_diagnosed_on_the_console(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class)) {
            assertThat(output.getOut()).contains(DIAGNOSED).contains("java.net.ConnectException: Connection refused");
            assertThat(RootAppenders.describe()).containsExactly("DiagnosingAppender:KNOWN_ERRORS[ConsoleAppender:CONSOLE]");
        }
    }

    @Test
    void the_diagnosis_reaches_the_log_file_too(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.log");
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "logging.file.name=" + file)) {
            assertThat(RootAppenders.describe())
                    .containsExactly("DiagnosingAppender:KNOWN_ERRORS[ConsoleAppender:CONSOLE, RollingFileAppender:FILE]");
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains(DIAGNOSED);
    }

    @Test
    void known_errors_properties_configure_the_installed_appender(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "known-errors.ascii=true", "known-errors.knowledge-base=classpath:team-kb/inventory.json",
                "known-errors.bundled=false")) {
            assertThat(output.getOut()).contains(MESSAGE + "\n  [known error] team/inventory-unreachable - "
                    + "The inventory service is down or not deployed in this environment.\n"
                    + "    try: Check the inventory deployment: kubectl -n shop get pods -l app=inventory (80 %)\n");
            assertThat(output.getOut()).doesNotContain("network/connection-refused");
        }
    }

    @Test
    void events_below_the_minimum_level_are_not_diagnosed(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "known-errors.minimum-level=off")) {
            assertThat(output.getOut()).contains(MESSAGE + "\n\njava.net.ConnectException: Connection refused")
                    .doesNotContain("known error");
        }
    }

    @Test
    void disabled_by_property_it_leaves_logging_as_spring_boot_configured_it(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "known-errors.enabled=false")) {
            assertThat(output.getOut()).contains(MESSAGE + "\n\njava.net.ConnectException: Connection refused")
                    .doesNotContain("known error");
            assertThat(RootAppenders.describe()).containsExactly("ConsoleAppender:CONSOLE");
            assertThat(context.getBeanNamesForType(KnowledgeBase.class)).isEmpty();
        }
    }

    @Test
    void the_auto_configuration_offers_the_knowledge_base_as_a_bean() {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class)) {
            KnowledgeBase kb = context.getBean(KnowledgeBase.class);
            assertThat(kb.diagnose("call failed", new ConnectException("Connection refused")))
                    .hasValueSatisfying(d -> assertThat(d.id()).isEqualTo("network/connection-refused"));
        }
    }

    @Test
    void each_application_started_in_the_same_jvm_is_diagnosed(CapturedOutput output) {
        for (int i = 0; i < 2; i++) {
            try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class)) {
                assertThat(RootAppenders.describe()).hasSize(1).first().asString().startsWith("DiagnosingAppender:KNOWN_ERRORS[");
            }
        }
        assertThat(output.getOut().split(java.util.regex.Pattern.quote(DIAGNOSED), -1)).hasSize(3);
    }

    @Test
    void logging_reinitialised_by_an_initializer_is_wrapped_again(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                LogbackStarterTest::reinitialiseLogging)) {
            assertThat(output.getOut()).contains(DIAGNOSED);
            assertThat(RootAppenders.describe()).containsExactly("DiagnosingAppender:KNOWN_ERRORS[ConsoleAppender:CONSOLE]");
        }
    }

    /** What Spring Cloud's bootstrap does when remote configuration changes the logging setup. */
    private static void reinitialiseLogging(ConfigurableApplicationContext context) {
        LoggingSystem system = LoggingSystem.get(LogbackStarterTest.class.getClassLoader());
        system.cleanUp();
        system.beforeInitialize();
        system.initialize(new LoggingInitializationContext(context.getEnvironment()), null, null);
        assertThat(RootAppenders.describe()).isEqualTo(List.of("ConsoleAppender:CONSOLE"));
    }
}
