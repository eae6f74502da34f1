package dev.knownerrors.log4j2;

import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.apache.logging.log4j.core.config.plugins.processor.PluginEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The annotation processor ran and the descriptor that Log4j reads lists every plugin of ours. */
class PluginDescriptorTest {

    @Test
    void log4j2PluginsDatListsEveryPlugin() throws IOException {
        List<URL> ours = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat"))) {
            if (url.toString().contains("appender-log4j2") && !url.toString().contains("test-classes")) { // not the test plugins
                ours.add(url);
            }
        }
        assertThat(ours).as("our Log4j2Plugins.dat").hasSize(1);
        PluginCache cache = new PluginCache();
        cache.loadCacheFiles(Collections.enumeration(ours));

        Map<String, PluginEntry> core = cache.getCategory("core");
        assertThat(core).containsKeys("diagnosingrewritepolicy", "diagnosingappender", "knowledgebase");
        assertThat(core.get("diagnosingappender").getClassName()).isEqualTo(DiagnosingAppender.class.getName());
        assertThat(core.get("diagnosingrewritepolicy").getClassName()).isEqualTo(DiagnosingRewritePolicy.class.getName());
        assertThat(core.get("knowledgebase").getClassName()).isEqualTo(KnowledgeBaseElement.class.getName());
        Map<String, PluginEntry> converters = cache.getCategory("converter");
        assertThat(converters).containsOnlyKeys("diagnosisconverter");
        assertThat(converters.get("diagnosisconverter").getClassName()).isEqualTo(DiagnosisConverter.class.getName());
        assertThat(core).hasSize(3);
    }
}
