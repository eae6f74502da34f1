package dev.knownerrors.cli;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code known-errors explain}: diagnoses one message given on the command line. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Diagnoses one error message (the words are joined with a space). "
                + "Exits 0 whether or not a known error matched.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kbOptions;

    @Mixin
    ColorOption color;

    @Option(names = "--format", paramLabel = "text|jsonl", defaultValue = "text",
            converter = OutputFormat.Converter.class,
            description = "text (default): the diagnosis block; jsonl: one JSON object.")
    OutputFormat format = OutputFormat.TEXT;

    @Parameters(paramLabel = "MESSAGE", arity = "1..*", description = "The error message to diagnose.")
    List<String> message;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KnowledgeBase kb = kbOptions.load(err);
        Optional<Diagnosis> d = kb.diagnoseText(String.join(" ", message));
        if (d.isEmpty()) {
            (format == OutputFormat.JSONL ? err : out).println("no known error matched");
        } else if (format == OutputFormat.JSONL) {
            DiagnosisJson.write(out, 1, null, d.get(), kbOptions.language);
        } else {
            DiagnosisFormatter formatter = color.apply(kbOptions.formatter());
            out.println(formatter.block(d.get()));
            out.println("    matched: " + Terminal.cut(d.get().matchedText(), TextReport.FIRST_LINE_CHARS,
                    formatter.ascii()));
        }
        out.flush();
        err.flush();
        return KnownErrorsCommand.EXIT_OK;
    }
}
