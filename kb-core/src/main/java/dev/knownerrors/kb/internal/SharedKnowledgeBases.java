package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.KnowledgeBase;

import java.lang.ref.SoftReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reuses a KB built from file-system sources while its settings and files are unchanged. A
 * logging framework that reconfigures (Logback's {@code scan}, Log4j's {@code monitorInterval},
 * a programmatic reset) starts a new adapter each time; Logback drops events from its reset
 * until the new appenders are attached, and building a KB inside that window would make it
 * longer. With this, a reconfiguration whose KB files did not change costs one look at those
 * files ({@link SourceSnapshot}) instead of a rebuild.
 *
 * <p>Only KBs whose sources are all files or directories are kept ({@code classpath:} resources
 * depend on the calling class loader; the bundled KB alone is shared elsewhere). Entries are held
 * softly and the map is cleared when it exceeds a few keys, so memory stays bounded.
 * Thread-safe.
 */
final class SharedKnowledgeBases {

    private static final int MAX_KEYS = 8;
    private static final Map<List<Object>, Built> BUILT = new ConcurrentHashMap<>();

    private record Built(SourceSnapshot files, SoftReference<KnowledgeBase> kb) {
    }

    private SharedKnowledgeBases() {
    }

    /**
     * The KB for {@code settings} (every value that changes what {@code build} makes, the
     * source list first): the one built before when the files are the same, else a new one.
     */
    static KnowledgeBase get(List<String> sources, List<Object> settings, Supplier<KnowledgeBase> build) {
        List<java.nio.file.Path> paths = SourceSnapshot.watchable(sources);
        if (sources.isEmpty() || paths.size() != sources.size()) {
            return build.get();
        }
        SourceSnapshot files = SourceSnapshot.take(paths);
        Built before = BUILT.get(settings);
        KnowledgeBase kb = before == null || !before.files().equals(files) ? null : before.kb().get();
        if (kb == null) {
            kb = build.get();
            if (BUILT.size() >= MAX_KEYS) {
                BUILT.clear();
            }
            BUILT.put(settings, new Built(files, new SoftReference<>(kb)));
        }
        return kb;
    }
}
