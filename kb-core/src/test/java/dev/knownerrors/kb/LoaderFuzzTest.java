package dev.knownerrors.kb;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading never throws, whatever the bytes of a KB file: they are written once as a {@code .json}
 * and once as a {@code .jsonl} file and loaded; whatever is wrong ends up in {@code problems()}.
 * A plain test run replays the seeds under {@code LoaderFuzzTestInputs/}; docs/FUZZING.md says
 * how to fuzz for longer.
 */
class LoaderFuzzTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("kb-loader-fuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void loadingArbitraryBytesNeverThrows(byte[] data) throws IOException {
        for (String name : new String[] {"fuzz.json", "fuzz.jsonl"}) {
            Path file = DIR.resolve(name);
            Files.write(file, data);
            KnowledgeBase kb = KnowledgeBase.builder().bundled(false).source(file.toString()).build();
            assertThat(kb.problems()).isNotNull();
            assertThat(kb.entries()).isNotNull();
            for (KnownError e : kb.entries()) {
                kb.diagnoseText(e.id()); // a loaded entry's compiled form is usable
            }
            file.toFile().deleteOnExit();
        }
    }
}
