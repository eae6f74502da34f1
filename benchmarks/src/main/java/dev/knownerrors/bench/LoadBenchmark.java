package dev.knownerrors.bench;

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

import java.util.concurrent.TimeUnit;

/**
 * KB load + compile, cold, as at application start: one build per fresh JVM. {@code 2522}
 * reads the deadends.dev snapshot's 2,522 canon files when present (a generated JSON Lines
 * file of 2,522 entries otherwise); {@code 10000} reads a JSON Lines file of 10,000 entries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class LoadBenchmark {

    @Param({"2522", "10000"})
    public int size;

    private String location;

    @Setup
    public void setup() {
        location = Kbs.location(size);
    }

    @Benchmark
    public KnowledgeBase load() {
        return Kbs.builder(location).build();
    }
}
