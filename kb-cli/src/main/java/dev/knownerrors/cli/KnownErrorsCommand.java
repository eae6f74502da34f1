package dev.knownerrors.cli;

import dev.knownerrors.kb.internal.Sanitizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The {@code known-errors} command: {@code scan}, {@code explain} and {@code lint}.
 *
 * <p>Exit codes: 0 done; 1 problems found ({@code lint}) or an internal error; 2 usage error or
 * unreadable input, with a one-line reason on stderr. Run it through {@link #commandLine(InputStream)},
 * which installs the one-line error handlers; output goes to the {@link CommandLine}'s writers.
 */
@Command(name = "known-errors",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Recognises known errors in log lines and prints a diagnosis: root cause, "
                + "top workaround, what not to try, a link.",
        subcommands = {ScanCommand.class, ExplainCommand.class, LintCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:problems found (lint), or an internal error",
            "2:usage error or unreadable input (one line on stderr)"},
        footer = "")
public final class KnownErrorsCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_PROBLEMS = 1;
    static final int EXIT_USAGE = 2;
    static final String PREFIX = "known-errors: ";

    private final InputStream stdin;

    @Spec
    CommandSpec spec;

    /** A command reading {@code System.in} for {@code scan -}. */
    public KnownErrorsCommand() {
        this(System.in);
    }

    /** A command reading {@code stdin} for {@code scan -} (tests pass their own stream). */
    public KnownErrorsCommand(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    InputStream stdin() {
        return stdin;
    }

    /** Without a subcommand: a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println(PREFIX + "missing command: scan, explain or lint (see known-errors --help)");
        return EXIT_USAGE;
    }

    /**
     * The command line to execute: user errors become one line on stderr and exit code 2,
     * unexpected exceptions one line and exit code 1, never a stack trace.
     */
    public static CommandLine commandLine(InputStream stdin) {
        CommandLine cl = new CommandLine(new KnownErrorsCommand(stdin));
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + oneLine(ex.getMessage()));
            err.flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            err.println(PREFIX + "internal error: " + oneLine(String.valueOf(ex)));
            err.flush();
            return EXIT_PROBLEMS;
        });
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = commandLine(System.in).setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    static String oneLine(String text) {
        return Sanitizer.oneLine(text, false);
    }
}
