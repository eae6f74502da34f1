package dev.knownerrors.kb.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped sample of ordinary log output (startup, steady state and DEBUG lines), read once
 * per class loader: the precision guard drops third-party entries that match one of its lines,
 * and the trigger windows avoid what its lines contain.
 */
public final class BenignSample {

    static final String RESOURCE = "dev/knownerrors/kb/benign-sample.txt";

    private BenignSample() {
    }

    /** Its lines, without blank and comment lines. */
    public static List<String> lines() {
        return Holder.LINES;
    }

    private static final class Holder {
        static final List<String> LINES = read();
    }

    private static List<String> read() {
        try (InputStream in = BenignSample.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
