package dev.knownerrors.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a benchmark class's {@code main} in a fresh JVM on this class path, for measures that need one. */
final class FreshJvm {

    private FreshJvm() {
    }

    /**
     * The lines {@code main} printed (standard output and error together); throws, with them,
     * when the JVM exits with a failure.
     */
    static List<String> run(List<String> jvmOptions, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                output.add(line);
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(command.size() - args.length - 1, command.size()))
                    + " exited with " + p.exitValue() + ":\n" + String.join("\n", output));
        }
        return output;
    }
}
