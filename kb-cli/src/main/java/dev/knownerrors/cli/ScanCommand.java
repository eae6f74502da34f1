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

    @Mixin
    ColorOption color;

    @Option(names = "--min-level", paramLabel = "LEVEL", converter = LogLevel.Converter.class,
            description = "Scan only events of this level or above (TRACE, DEBUG, INFO, WARN, ERROR); "
                    + "events without a level word are then skipped. Default: scan every event.")
    LogLevel minLevel;

    @Option(names = "--format", paramLabel = "text|jsonl|html", defaultValue = "text",
            converter = OutputFormat.ScanConverter.class,
            description = "text (default): each diagnosis and a summary table; jsonl: one JSON object per diagnosed "
                    + "event (no summary record); html: one self-contained page with a chart over time, at the end.")
    OutputFormat format = OutputFormat.TEXT;

    @Option(names = "--progress", paramLabel = "auto|always|never", defaultValue = "auto",
            converter = Progress.Mode.Converter.class,
            description = "A status line on stderr (bytes, lines, diagnosed so far), redrawn in place; "
                    + "auto (default): when stderr is a terminal.")
    Progress.Mode progress = Progress.Mode.AUTO;

    @Option(names = {"-f", "--follow"}, description = "Keep reading the one FILE as it grows (like tail -F: "
            + "truncation and rotation handled), printing diagnoses as they come, until Ctrl-C; then the summary.")
    boolean follow;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Log files to scan, UTF-8; '-' or none: stdin.")
    List<String> files = new ArrayList<>();

    private long scanned;
    private long skipped;
    private long diagnosed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> inputs = files.isEmpty() ? List.of(STDIN) : files;
        if (follow && (inputs.size() != 1 || inputs.get(0).equals(STDIN) || format == OutputFormat.HTML)) {
            err.println(spec.qualifiedName() + ": --follow takes one FILE (not stdin) and the text or jsonl format");
            err.flush();
            return KnownErrorsCommand.EXIT_USAGE;
        }
        for (String file : inputs) {
            String why = unreadable(file);
            if (why != null) {
                return cannotRead(err, file, why);
            }
        }
        KnowledgeBase kb = kbOptions.load(err);
        ScanReport report = switch (format) {
            case TEXT -> new TextReport(out, color.apply(kbOptions.formatter()), inputs.size() > 1);
            case JSONL -> new JsonlReport(out, kbOptions.language);
            case HTML -> new HtmlReport(out, kbOptions.language);
        };
        Progress bar = Progress.create(progress, err, format != OutputFormat.HTML);
        if (follow) {
            return Follower.stoppableByShutdown(() -> {
                Follower.follow(Path.of(inputs.get(0)), inputs.get(0), kb.maxScanLength(), bar,
                        events -> drain(events, inputs.get(0), kb, report, bar));
                bar.clear();
                report.finish(scanned, skipped, minLevel);
                out.flush();
                kbOptions.reportBudget(kb, err);
                return KnownErrorsCommand.EXIT_OK;
            });
        }
        for (String file : inputs) {
            String name = file.equals(STDIN) ? STDIN_NAME : file;
            try {
                if (file.equals(STDIN)) {
                    scan(parent.stdin(), -1, name, kb, report, bar);
                } else {
                    try (InputStream in = Files.newInputStream(Path.of(file))) {
                        scan(in, Files.size(Path.of(file)), name, kb, report, bar);
                    }
                }
            } catch (IOException e) {
                bar.clear();
                out.flush();
                return cannotRead(err, name, String.valueOf(e.getMessage()));
            }
        }
        bar.clear();
        report.finish(scanned, skipped, minLevel);
        out.flush();
        kbOptions.reportBudget(kb, err);
        return KnownErrorsCommand.EXIT_OK;
    }

    private void scan(InputStream in, long size, String name, KnowledgeBase kb, ScanReport report, Progress bar)
            throws IOException {
        Progress.CountingInputStream counted = new Progress.CountingInputStream(in);
        bar.start("scanning", name, () -> size, counted::count);
        int max = kb.maxScanLength();
        LogEventReader events = new LogEventReader(
                new LineReader(new InputStreamReader(counted, StandardCharsets.UTF_8), max), max);
        drain(events, name, kb, report, bar);
        report.endOfFile(name, events.lines());
    }

    /** Diagnoses the events until {@code events} has none (for now, when following). */
    private void drain(LogEventReader events, String name, KnowledgeBase kb, ScanReport report, Progress bar)
            throws IOException {
        LogEvent event;
        while ((event = events.next()) != null) {
            bar.update(events.lines(), diagnosed);
            if (minLevel != null && (event.level() == null || event.level().compareTo(minLevel) < 0)) {
                skipped++;
                continue;
            }
            scanned++;
            Optional<Diagnosis> d = kb.diagnoseText(event.text());
            if (d.isEmpty()) {
                continue;
            }
            diagnosed++;
            bar.beforeOutput();
            report.event(name, event, d.get());
            bar.afterOutput(events.lines(), diagnosed);
        }
        if (follow) {
            bar.show(events.lines(), diagnosed); // caught up: the line stays up to date while waiting
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
