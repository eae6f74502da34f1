package dev.knownerrors.kb;

import dev.knownerrors.kb.internal.EventText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class EventTextTest {

    @Test
    void textIsTheMessageThenOneLinePerThrowableDepthFirst() {
        Exception top = new IllegalStateException("top", new IOException("middle", new ConnectException("Connection refused")));
        top.addSuppressed(new RuntimeException("suppressed one"));
        assertThat(EventText.of("msg", top, ThrowableView.THROWABLE, 1000)).isEqualTo(String.join("\n",
                "msg",
                "java.lang.IllegalStateException: top",
                "java.lang.RuntimeException: suppressed one",
                "java.io.IOException: middle",
                "java.net.ConnectException: Connection refused"));
    }

    @Test
    void throwableWithoutMessageIsJustItsClassName() {
        assertThat(EventText.of("msg", new NullPointerException(), ThrowableView.THROWABLE, 1000))
                .isEqualTo("msg\njava.lang.NullPointerException");
    }

    @Test
    void causeCycleIsReadOnce() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertThat(EventText.of(null, a, ThrowableView.THROWABLE, 1000))
                .isEqualTo("java.lang.Exception: a\njava.lang.Exception: b");
    }

    @Test
    void throwableWhoseGetMessageThrowsIsReadWithoutItsMessage() {
        Exception hostile = new Exception() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("boom");
            }
        };
        assertThat(EventText.of("m", hostile, ThrowableView.THROWABLE, 1000)).startsWith("m\ndev.knownerrors.kb.EventTextTest$");
    }

    @Test
    void textIsCutAtTheMaximumLength() {
        String text = EventText.of("x".repeat(50), new RuntimeException("y".repeat(100)), ThrowableView.THROWABLE, 80);
        assertThat(text).hasSize(80);
    }
}
