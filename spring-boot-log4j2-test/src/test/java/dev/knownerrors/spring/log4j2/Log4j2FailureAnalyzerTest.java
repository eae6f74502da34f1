package dev.knownerrors.spring.log4j2;

import dev.knownerrors.spring.Apps;
import dev.knownerrors.spring.FailureReports;
import dev.knownerrors.spring.apps.startup.FailingStartupApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The start-up failure report on Log4j 2: the same text as on Logback, not diagnosed a second time by the rewrite policy. */
@ExtendWith(OutputCaptureExtension.class)
class Log4j2FailureAnalyzerTest {

    @Test
    void a_startup_failure_the_kb_knows_is_reported_once(CapturedOutput output) {
        catchThrowable(() -> Apps.runAgainstClosedPort(FailingStartupApp.class));

        assertThat(output.getOut()).contains(FailureReports.CONNECTION_REFUSED)
                .doesNotContain("known error network/connection-refused");
    }
}
