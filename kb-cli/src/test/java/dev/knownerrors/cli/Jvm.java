package dev.knownerrors.cli;

import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in a separate JVM (this test JVM's java and class path), for terminals and signals. */
final class Jvm {

    private Jvm() {
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KnownErrorsCommand.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** The command as one line for {@code sh -c}, every word single-quoted. */
    static String shell(List<String> command) {
        StringBuilder sb = new StringBuilder();
        for (String word : command) {
            sb.append(sb.length() == 0 ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }
}
