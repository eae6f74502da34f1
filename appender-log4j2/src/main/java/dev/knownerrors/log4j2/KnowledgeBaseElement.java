package dev.knownerrors.log4j2;

import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * {@code <KnowledgeBase location="…"/>} inside {@link DiagnosingRewritePolicy}: one KB location
 * (a path, a {@code file:} URL or a {@code classpath:} resource). Repeatable.
 */
@Plugin(name = "KnowledgeBase", category = Node.CATEGORY, printObject = true)
public final class KnowledgeBaseElement {

    private final String location;

    private KnowledgeBaseElement(String location) {
        this.location = location;
    }

    @PluginFactory
    public static KnowledgeBaseElement create(@PluginAttribute("location") String location) {
        if (location == null || location.isBlank()) {
            StatusLogger.getLogger().error("known-errors: <KnowledgeBase> needs a location attribute; element ignored");
            return null;
        }
        return new KnowledgeBaseElement(location);
    }

    public String location() {
        return location;
    }

    @Override
    public String toString() {
        return "KnowledgeBase(location=" + location + ")";
    }
}
