package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.Language;
import dev.knownerrors.kb.ThrowableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Repeat suppression in the shared Diagnoser, with a clock the test moves by hand. */
class DiagnoserRepeatTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory";
    static final String REDIS_ID = "database/redis-bgsave-fork-error";
    static final String REFUSED_ID = "network/connection-refused";

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final List<String> errors = new ArrayList<>();

    Diagnoser diagnoser(Duration window, Language language, boolean ascii) {
        return new Diagnoser(KnowledgeBase.bundled(), DiagnosisFormatter.of(language, ascii), errors::add, window, now::get);
    }

    static Diagnoser.Result redis(Diagnoser d) {
        return d.diagnose(REDIS, null, ThrowableView.THROWABLE);
    }

    static Diagnoser.Result refused(Diagnoser d) {
        return d.diagnose("Could not reach the inventory service", new ConnectException("Connection refused"),
                ThrowableView.THROWABLE);
    }

    @Test
    void repeated_error_prints_the_full_block_once_per_window_then_a_counted_reference() {
        Diagnoser d = diagnoser(Duration.ofSeconds(60), Language.EN, false);
        String block = "\n" + DiagnosisFormatter.of(Language.EN, false).block(redis(diagnoser(Duration.ZERO, Language.EN, false)).diagnosis());
        List<Diagnoser.Result> results = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            results.add(redis(d));
            now.addAndGet(1_000_000); // 1 ms apart: 5 s in all
        }
        assertThat(results.get(0).text()).isEqualTo(block);
        assertThat(results.get(0).seen()).isEqualTo(1);
        assertThat(results.get(1).text()).isEqualTo(
                "\n  \u2691 known error " + REDIS_ID + " (seen 2 times in the last 60 s; details above)");
        assertThat(results.get(4_999).text()).isEqualTo(
                "\n  \u2691 known error " + REDIS_ID + " (seen 5,000 times in the last 60 s; details above)");
        assertThat(results).filteredOn(r -> r.text().equals(block)).hasSize(1);
        assertThat(results).extracting(Diagnoser.Result::seen).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 5_000).boxed().toList());
        assertThat(results).allSatisfy(r -> assertThat(r.fields()).isSameAs(results.get(0).fields())
                .containsEntry("kb.id", REDIS_ID));
        assertThat(errors).isEmpty();
    }

    @Test
    void full_block_returns_once_the_window_has_passed_and_the_count_starts_again() {
        Diagnoser d = diagnoser(Duration.ofSeconds(60), Language.EN, false);
        assertThat(redis(d).seen()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(60).toNanos() - 1);
        assertThat(redis(d).seen()).isEqualTo(2);
        now.addAndGet(1); // exactly 60 s after the full block
        Diagnoser.Result again = redis(d);
        assertThat(again.seen()).isEqualTo(1);
        assertThat(again.text()).contains("\u2691 known error " + REDIS_ID + " \u2014 ").contains("try: ");
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(redis(d).text()).contains("(seen 2 times in the last 60 s; details above)");
    }

    @Test
    void each_known_error_has_its_own_window() {
        Diagnoser d = diagnoser(Duration.ofSeconds(60), Language.EN, false);
        assertThat(redis(d).seen()).isEqualTo(1);
        assertThat(refused(d).seen()).isEqualTo(1);
        assertThat(redis(d).seen()).isEqualTo(2);
        assertThat(refused(d).text()).isEqualTo(
                "\n  \u2691 known error " + REFUSED_ID + " (seen 2 times in the last 60 s; details above)");
    }

    @Test
    void a_zero_window_prints_the_full_block_every_time() {
        Diagnoser d = diagnoser(Duration.ZERO, Language.EN, false);
        Diagnoser.Result first = redis(d);
        for (int i = 0; i < 100; i++) {
            Diagnoser.Result r = redis(d);
            assertThat(r.seen()).isEqualTo(1);
            assertThat(r.text()).isEqualTo(first.text());
        }
    }

    @Test
    void reference_line_follows_the_formatters_ascii_mode_and_language() {
        Diagnoser ascii = diagnoser(Duration.ofMinutes(5), Language.EN, true);
        redis(ascii);
        assertThat(redis(ascii).text()).isEqualTo(
                "\n  [known error] " + REDIS_ID + " (seen 2 times in the last 5 min; details above)");

        Diagnoser zh = diagnoser(Duration.ofSeconds(60), Language.ZH, false);
        redis(zh);
        redis(zh);
        assertThat(redis(zh).text()).isEqualTo(
                "\n  \u2691 \u5df2\u77e5\u9519\u8bef " + REDIS_ID + "\uff0860 \u79d2\u5185\u5df2\u51fa\u73b0 3 \u6b21\uff0c\u8be6\u60c5\u89c1\u4e0a\u6587\uff09");
    }

    @Test
    void a_result_renders_in_another_formatter_with_the_same_repeat_rule() {
        Diagnoser d = diagnoser(Duration.ofMillis(1500), Language.EN, false);
        Diagnoser.Result first = redis(d);
        Diagnoser.Result second = redis(d);
        DiagnosisFormatter ascii = DiagnosisFormatter.of(Language.EN, true);
        assertThat(first.text(ascii)).isEqualTo(ascii.suffix(first.diagnosis()));
        assertThat(second.text(ascii)).isEqualTo(
                "\n  [known error] " + REDIS_ID + " (seen 2 times in the last 1500 ms; details above)");
    }

    @Test
    void threads_racing_on_one_known_error_share_one_full_block_and_distinct_counts() throws InterruptedException {
        Diagnoser d = diagnoser(Duration.ofSeconds(60), Language.EN, false);
        int threads = 4;
        int each = 2_500;
        ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    seen.add(redis(d).seen());
                }
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, (long) threads * each).boxed().toList());
    }

    @Test
    void an_event_that_matches_nothing_has_no_result() {
        Diagnoser d = diagnoser(Duration.ofSeconds(60), Language.EN, false);
        assertThat(d.diagnose("Started CacheService in 2.345 seconds", null, ThrowableView.THROWABLE)).isNull();
        assertThat(redis(d).seen()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
            "60 seconds, PT60S", "60s, PT60S", "1 second, PT1S", "500 ms, PT0.5S", "250, PT0.25S",
            "5 minutes, PT5M", "5m, PT5M", "2 min, PT2M", "1h, PT1H", "2 hours, PT2H", "PT1M, PT1M", "pt90s, PT1M30S",
            "0, PT0S", "0 seconds, PT0S", "' 10 SECONDS ', PT10S", "1.5 s, PT1.5S", "1ms, PT0.001S", "500us, PT0.0005S",
            "500 µs, PT0.0005S", "2 micros, PT0.000002S", "100ns, PT0.0000001S"})
    void durations_read_the_usual_forms(String text, String expected) {
        assertThat(Diagnoser.parseWindow(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5s", "60 parsecs", "PT-1S", "1.5.2 s", "99999999999999999999 h", "1e3 s"})
    void a_repeat_window_that_is_not_a_duration_is_rejected_with_the_accepted_forms(String text) {
        assertThatThrownBy(() -> Diagnoser.parseWindow(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a duration (e.g. 60 seconds, 60s, 500 ms");
    }

    /** What an adapter keeps per rendering: shared by the events of one entry, apart per entry, and empty again after a reload. */
    @Test
    void a_renderings_slot_belongs_to_its_entry_and_to_the_kb_in_use() {
        Diagnoser d = diagnoser(Duration.ofSeconds(60), Language.EN, false);
        Diagnoser.Slot redisSlot = redis(d).slot();
        assertThat(redisSlot.get()).isNull();
        redisSlot.set("kept");
        assertThat(redis(d).slot()).isSameAs(redisSlot);
        assertThat(redis(d).slot().get()).isEqualTo("kept");
        assertThat(refused(d).slot()).isNotSameAs(redisSlot);
        assertThat(refused(d).slot().get()).isNull();

        d.use(KnowledgeBase.bundled()); // a reload: the renderings, and their slots, start anew
        assertThat(redis(d).slot().get()).isNull();
        assertThat(redis(d).seen()).isEqualTo(2); // the new rendering's window: this is its second event
    }
}
