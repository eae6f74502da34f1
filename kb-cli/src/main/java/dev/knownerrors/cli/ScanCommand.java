package dev.knownerrors.cli;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code known-errors scan}: diagnoses every event of log files (or stdin), streaming. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Reads log files (or stdin), splits them into events (a line and its "
                + "continuation lines: stack frames, Caused by:, ... N more) and prints the diagnosis "
                + "of every event that is a known error, then a summary.")
final class ScanCommand implements Callable<Integer> {

    static final String STDIN = "-";
    private static final String STDIN_NAME = "<stdin>";

    @ParentCommand
    KnownErrorsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kbOptions;

    @Option(names = "--min-level", paramLabel = "LEVEL", converter = LogLevel.Converter.class,
            description = "Scan only events of this level or above (TRACE, DEBUG, INFO, WARN, ERROR); "
                    + "events without a level word are then skipped. Default: scan every event.")
    LogLevel minLevel;

    @Option(names = "--format", paramLabel = "text|jsonl", defaultValue = "text",
            converter = OutputFormat.Converter.class,
            description = "text (default): each diagnosis and a summary; jsonl: one JSON object per diagnosed event.")
    OutputFormat format = OutputFormat.TEXT;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Log files to scan, UTF-8; '-' or none: stdin.")
    List<String> files = new ArrayList<>();

    private long scanned;
    private long skipped;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> inputs = files.isEmpty() ? List.of(STDIN) : files;
        for (String file : inputs) {
            String why = unreadable(file);
            if (why != null) {
                return cannotRead(err, file, why);
            }
        }
        KnowledgeBase kb = kbOptions.load(err);
        TextReport report = format == OutputFormat.TEXT ? new TextReport(out, kbOptions.formatter()) : null;
        for (String file : inputs) {
            String name = file.equals(STDIN) ? STDIN_NAME : file;
            try {
                if (file.equals(STDIN)) {
                    scan(new InputStreamReader(parent.stdin(), StandardCharsets.UTF_8), name, kb, out, report);
                } else {
                    try (InputStream in = Files.newInputStream(Path.of(file))) {
                        scan(new InputStreamReader(in, StandardCharsets.UTF_8), name, kb, out, report);
                    }
                }
            } catch (IOException e) {
                out.flush();
                return cannotRead(err, name, String.valueOf(e.getMessage()));
            }
        }
        if (report != null) {
            report.finish(scanned, skipped, minLevel);
        }
        out.flush();
        kbOptions.reportBudget(kb, err);
        return KnownErrorsCommand.EXIT_OK;
    }

    private void scan(Reader reader, String name, KnowledgeBase kb, PrintWriter out, TextReport report)
            throws IOException {
        int max = kb.maxScanLength();
        LogEventReader events = new LogEventReader(new LineReader(reader, max), max);
        LogEvent event;
        while ((event = events.next()) != null) {
            if (minLevel != null && (event.level() == null || event.level().compareTo(minLevel) < 0)) {
                skipped++;
                continue;
            }
            scanned++;
            Optional<Diagnosis> d = kb.diagnoseText(event.text());
            if (d.isEmpty()) {
                continue;
            }
            if (report != null) {
                report.event(name, event, d.get());
            } else {
                DiagnosisJson.write(out, event.line(), event.level(), d.get(), kbOptions.language);
                out.flush();
            }
        }
    }

    private static String unreadable(String file) {
        if (file.equals(STDIN)) {
            return null;
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            return "invalid path";
        }
        if (!Files.exists(path)) {
            return "no such file";
        }
        if (Files.isDirectory(path)) {
            return "is a directory";
        }
        if (!Files.isReadable(path)) {
            return "permission denied";
        }
        return null;
    }

    private int cannotRead(PrintWriter err, String file, String why) {
        err.println(KnownErrorsCommand.PREFIX + "cannot read " + Terminal.clean(file, kbOptions.ascii) + ": "
                + Terminal.clean(why, kbOptions.ascii));
        err.flush();
        return KnownErrorsCommand.EXIT_USAGE;
    }
}
