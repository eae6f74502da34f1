package dev.knownerrors.spring;

import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.KnownError;
import dev.knownerrors.spring.apps.cycle.CycleApp;
import dev.knownerrors.spring.apps.placeholder.PlaceholderApp;
import dev.knownerrors.spring.apps.refused.RefusedConnectionApp;
import dev.knownerrors.spring.apps.startup.FailingStartupApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Real applications that fail to start, and the report Spring Boot prints for them. */
@ExtendWith(OutputCaptureExtension.class)
class KnownErrorFailureAnalyzerTest {

    private static final String BANNER = FailureReports.BANNER;

    private static KnownError entry(String id) {
        return KnowledgeBase.bundled().entry(id).orElseThrow();
    }

    @Test
    void a_startup_failure_the_kb_knows_gets_root_cause_and_workaround_in_the_report(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> Apps.runAgainstClosedPort(FailingStartupApp.class));

        assertThat(failure).isInstanceOf(BeanCreationException.class);
        assertThat(output.getOut()).contains(FailureReports.CONNECTION_REFUSED);
    }

    @Test
    void the_report_is_not_diagnosed_a_second_time_by_the_appender(CapturedOutput output) {
        catchThrowable(() -> Apps.runAgainstClosedPort(FailingStartupApp.class));

        assertThat(output.getOut()).contains("A known error stopped the application: network/connection-refused")
                .doesNotContain("known error network/connection-refused");
    }

    @Test
    void an_unresolved_placeholder_is_explained_from_the_spring_entries(CapturedOutput output) {
        catchThrowable(() -> Apps.run(PlaceholderApp.class));

        KnownError placeholder = entry("spring/could-not-resolve-placeholder");
        assertThat(output.getOut()).contains(BANNER + "Description:\n\n"
                + "A known error stopped the application: spring/could-not-resolve-placeholder "
                + "(org.springframework.util.PlaceholderResolutionException, in: Error creating bean with name "
                + "'placeholderApp.InventoryClient'");
        assertThat(output.getOut()).contains(").\n\n" + placeholder.rootCause() + "\n\nAction:\n\n"
                + placeholder.topWorkaround().orElseThrow().action());
    }

    @Test
    void springs_own_analyzer_wins_when_it_explains_the_failure(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> Apps.run(CycleApp.class));

        // The KB knows this failure too, so only the order of the analyzers decides.
        assertThat(KnowledgeBase.bundled().diagnose(null, failure))
                .hasValueSatisfying(d -> assertThat(d.id()).isEqualTo("spring/circular-dependency"));
        assertThat(output.getOut()).contains(BANNER + "Description:\n\n"
                + "The dependencies of some of the beans in the application context form a cycle:")
                .doesNotContain("A known error stopped the application");
    }

    @Test
    void an_invalid_known_errors_property_fails_the_start_with_springs_bind_report(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "known-errors.minimum-level=loud"));

        assertThat(KnowledgeBase.bundled().diagnose(null, failure))
                .hasValueSatisfying(d -> assertThat(d.id()).isEqualTo("spring/failed-to-bind-properties"));
        assertThat(output.getOut()).contains(BANNER + "Description:\n\n"
                + "Failed to bind properties under 'known-errors.minimum-level' to org.springframework.boot.logging.LogLevel")
                .doesNotContain("A known error stopped the application");
    }

    @Test
    void disabled_it_leaves_the_failure_to_spring_boot(CapturedOutput output) {
        catchThrowable(() -> Apps.runAgainstClosedPort(FailingStartupApp.class, "known-errors.enabled=false"));

        assertThat(output.getOut()).contains("Application run failed").contains("java.net.ConnectException: Connection refused")
                .doesNotContain("APPLICATION FAILED TO START").doesNotContain("known error");
    }
}
