package dev.knownerrors.examples;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's failures are real, and the bundled KB recognises each of them. */
class DemoFailuresTest {

    @Test
    void everyDemoFailureIsDiagnosedAsTheKnownErrorItIs() {
        Map<String, String> diagnosed = new TreeMap<>();
        Failures.all().forEach((name, f) -> diagnosed.put(name,
                KnowledgeBase.bundled().diagnose(f.message(), f.error()).map(Diagnosis::id).orElse("none")));
        assertThat(diagnosed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "connection refused", "network/connection-refused",
                "address in use", "network/address-already-in-use",
                "unknown host", "network/unknown-host",
                "json parse error", "serialization/jackson-unexpected-character",
                "redis fork", "database/redis-bgsave-fork-error"));
    }

    @Test
    void failuresAreTheGenuineJdkAndJacksonExceptions() {
        Map<String, Failures.Failure> all = Failures.all();
        assertThat(all.get("connection refused").error()).isInstanceOf(java.net.ConnectException.class);
        assertThat(all.get("address in use").error()).isInstanceOf(java.net.BindException.class);
        assertThat(all.get("unknown host").error()).isInstanceOf(java.net.UnknownHostException.class);
        assertThat(all.get("json parse error").error()).isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
    }
}
