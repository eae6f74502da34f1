package dev.knownerrors.kb;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diagnosing never throws, whatever the message and throwable chain: arbitrary strings, and
 * chains of real throwables (with causes, suppressed ones and cycles) or of fuzzed class names
 * and messages read through a {@link ThrowableView}, all against the bundled KB. A plain test
 * run replays the seeds under {@code MatcherFuzzTestInputs/}; docs/FUZZING.md says how to fuzz
 * for longer.
 */
class MatcherFuzzTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static final DiagnosisFormatter TEXT = DiagnosisFormatter.of(Language.EN, false);

    @FuzzTest(maxDuration = "10s")
    void diagnosingArbitraryTextNeverThrows(byte[] data) {
        for (String text : new String[] {new String(data, StandardCharsets.UTF_8), new String(data, StandardCharsets.UTF_16BE)}) {
            check(KB.diagnoseText(text));
            check(KB.diagnose(text, null));
        }
    }

    @FuzzTest(maxDuration = "10s")
    void diagnosingArbitraryMessagesAndThrowableChainsNeverThrows(FuzzedDataProvider data) {
        String message = data.consumeBoolean() ? null : data.consumeString(500);
        int n = data.consumeInt(0, 12);
        List<Throwable> chain = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String m = data.consumeBoolean() ? null : data.consumeString(300);
            chain.add(switch (data.consumeInt(0, 4)) {
                case 0 -> new RuntimeException(m);
                case 1 -> new IOException(m);
                case 2 -> new ConnectException(m);
                case 3 -> new SQLException(m, data.consumeString(5));
                default -> new IllegalStateException(m);
            });
            nodes.add(new Node(data.consumeString(120), m));
        }
        for (int i = 0; i < n; i++) {
            int link = data.consumeInt(-1, n - 1);
            if (link >= 0 && link != i) {
                try {
                    chain.get(i).initCause(chain.get(link)); // cycles allowed, as in real chains
                } catch (IllegalStateException alreadySet) {
                    // a cause can be set once
                }
                nodes.get(i).cause = nodes.get(link);
            }
            int suppressed = data.consumeInt(-1, n - 1);
            if (suppressed >= 0 && suppressed != i) {
                chain.get(i).addSuppressed(chain.get(suppressed));
                nodes.get(i).suppressed.add(nodes.get(suppressed));
            }
        }
        check(KB.diagnose(message, n == 0 ? null : chain.get(0)));
        check(KB.diagnose(message, n == 0 ? null : nodes.get(0), Node.VIEW));
    }

    private static void check(Optional<Diagnosis> d) {
        assertThat(d).isNotNull();
        d.ifPresent(diagnosis -> {
            String block = TEXT.block(diagnosis);
            assertThat(block).doesNotContain("\r").startsWith("  \u2691 known error " + diagnosis.id());
            assertThat(TEXT.fields(diagnosis)).containsKey(DiagnosisFormatter.FIELD_ID);
        });
    }

    /** A throwable as a log framework's proxy would carry it: any class name, any message. */
    private static final class Node {
        static final ThrowableView<Node> VIEW = new ThrowableView<>() {
            @Override
            public String className(Node t) {
                return t.className;
            }

            @Override
            public String message(Node t) {
                return t.message;
            }

            @Override
            public Node cause(Node t) {
                return t.cause;
            }

            @Override
            public Node[] suppressed(Node t) {
                return t.suppressed.toArray(new Node[0]);
            }
        };

        final String className;
        final String message;
        Node cause;
        final List<Node> suppressed = new ArrayList<>();

        Node(String className, String message) {
            this.className = className;
            this.message = message;
        }
    }
}
