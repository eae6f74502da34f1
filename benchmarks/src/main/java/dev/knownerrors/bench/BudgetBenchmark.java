package dev.knownerrors.bench;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.KnowledgeBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the per-event time budget costs, with the bundled KB: the same events with the default
 * budget (1 ms) and with none (0). {@code matchingShort} is the 200-character Redis error;
 * {@code matchingLong} puts the same error after 4 KB of stack-trace-like text, so the regexes
 * read more than {@code TimedText.CHECK_EVERY} characters and the clocks are read;
 * {@code nonMatching} never reaches a regex.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class BudgetBenchmark {

    @Param({"0", "1ms"})
    public String budget;

    private KnowledgeBase kb;
    private String longEvent;
    private String benign;

    @Setup
    public void setup() {
        Duration d = budget.equals("0") ? Duration.ZERO : Duration.ofMillis(1);
        kb = KnowledgeBase.builder().timeBudget(d).build();
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 4096) {
            sb.append("\tat com.example.orders.OrderService.place(OrderService.java:").append(sb.length()).append(")\n");
        }
        longEvent = sb + Messages.REDIS;
        benign = Messages.benign200()[0];
        if (kb.diagnose(longEvent, null).isEmpty() || kb.diagnose(Messages.REDIS, null).isEmpty()) {
            throw new IllegalStateException("the Redis message must match");
        }
        if (kb.diagnose(benign, null).isPresent()) {
            throw new IllegalStateException("the benign message must not match");
        }
    }

    @Benchmark
    public Optional<Diagnosis> matchingShort() {
        return kb.diagnose(Messages.REDIS, null);
    }

    @Benchmark
    public Optional<Diagnosis> matchingLong() {
        return kb.diagnose(longEvent, null);
    }

    @Benchmark
    public Optional<Diagnosis> nonMatching() {
        return kb.diagnose(benign, null);
    }
}
