package dev.knownerrors.spring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knownerrors.spring.apps.refused.RefusedConnectionApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.knownerrors.spring.apps.refused.RefusedConnectionApp.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** The application.properties shown in the README's Spring Boot section, loaded as it is. */
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings("try") // contexts are opened for their side effects and closed after the assertions
class ReadmeConfigurationTest {

    @AfterEach
    void clearStructuredFormat() {
        JsonLines.clearStructuredFormat();
    }

    @Test
    void the_readme_properties_give_an_ecs_line_with_the_kb_fields_and_a_clean_message(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "spring.config.location=classpath:readme/application.properties")) {
            JsonNode event = JsonLines.event(output.getOut(), MESSAGE);
            assertThat(event.path("message").asText()).isEqualTo(MESSAGE);
            assertThat(event.at("/kb/id").asText()).isEqualTo("network/connection-refused");
            assertThat(event.at("/kb/workaround").asText()).startsWith("Verify something listens on the exact host:port");
        }
    }
}
