package dev.knownerrors.cli;

import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.LoadProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code known-errors lint}: loads only the given KB locations (never the bundled KB) and reports
 * every load problem and every failing {@code examples} / {@code counter_examples} check.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Checks knowledge-base sources: every load problem, then every entry whose examples "
                + "are not diagnosed as it or whose counter_examples match it. Exit 1 if any problem.")
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--no-bundled",
            description = "Accepted for symmetry with scan and explain: lint always checks only the given locations.")
    boolean noBundled;

    @Parameters(paramLabel = "LOCATION", arity = "1..*",
            description = "A file, a directory, a file: URL or a classpath: resource.")
    List<String> locations;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).sources(locations).build();
        List<LoadProblem> problems = new ArrayList<>(kb.problems());
        problems.addAll(kb.checkExamples());
        for (LoadProblem p : kb.skipped()) {
            if (!p.field().equals("domain")) { // left out by the guard, not by configuration
                problems.add(p); // such an entry would never diagnose anything
            }
        }
        for (LoadProblem p : problems) {
            out.println(Terminal.clean(p.toString(), false));
        }
        if (!kb.skipped().isEmpty()) {
            out.println(Terminal.clean(kb.summary(), false));
        }
        for (String a : kb.attributions()) {
            out.println("knowledge base data from " + a);
        }
        int n = kb.entries().size();
        out.println(n + (n == 1 ? " entry" : " entries") + " loaded, " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems"));
        out.flush();
        return problems.isEmpty() ? KnownErrorsCommand.EXIT_OK : KnownErrorsCommand.EXIT_PROBLEMS;
    }
}
