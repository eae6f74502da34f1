package dev.knownerrors.examples;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logback.xml and log4j2.xml that the README shows (and the demo runs with), loaded as they
 * are: a known error logged at ERROR comes out diagnosed in the file, a benign line unchanged,
 * and the README really contains these files.
 */
@UsingStatusListener
class ReadmeConfigurationsTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory";

    @TempDir
    Path dir;

    @Test
    void readmeLogbackXmlWritesTheDiagnosisIntoTheFile() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("LOG_DIR", dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(resource("logback.xml"));
        context.getLogger("demo").info("Order service started");
        context.getLogger("demo").error(REDIS);
        context.stop();

        String file = Files.readString(dir.resolve("demo-logback.log"), StandardCharsets.UTF_8);
        assertDiagnosedFile(file);
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(s -> s.getEffectiveLevel() >= Status.WARN);
    }

    @Test
    void readmeLog4j2XmlWritesTheDiagnosisIntoTheFile(ListStatusListener status) throws Exception {
        System.setProperty("LOG_DIR", dir.toString());
        org.apache.logging.log4j.core.LoggerContext context =
                new org.apache.logging.log4j.core.LoggerContext("readme", null, resource("log4j2.xml").toURI());
        try {
            context.start();
            context.getLogger("demo").info("Order service started");
            context.getLogger("demo").error(REDIS);
        } finally {
            context.stop();
            System.clearProperty("LOG_DIR");
        }
        String file = Files.readString(dir.resolve("demo-log4j2.log"), StandardCharsets.UTF_8);
        assertDiagnosedFile(file);
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    @Test
    void readmeShowsTheseExactFiles() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        for (String name : new String[] {"logback.xml", "log4j2.xml"}) {
            String xml = new String(resource(name).openStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(readme).as("README contains examples/src/main/resources/%s verbatim", name).contains(xml.strip());
        }
    }

    private static void assertDiagnosedFile(String file) {
        String[] lines = file.split("\n");
        assertThat(lines[0]).contains("INFO ").endsWith("- Order service started kb.id=");
        assertThat(lines[1]).contains("ERROR").endsWith("- " + REDIS);
        assertThat(lines[2]).startsWith("  \u2691 known error database/redis-bgsave-fork-error \u2014 ");
        assertThat(lines[3]).startsWith("    try: ").contains("vm.overcommit_memory=1");
        assertThat(file).contains("kb.id=database/redis-bgsave-fork-error");
    }

    private static URL resource(String name) {
        URL url = ReadmeConfigurationsTest.class.getClassLoader().getResource(name);
        assertThat(url).as(name).isNotNull();
        return url;
    }
}
