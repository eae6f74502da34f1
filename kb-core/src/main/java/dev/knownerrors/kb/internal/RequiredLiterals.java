package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.internal.RegexTree.Alt;
import dev.knownerrors.kb.internal.RegexTree.Lit;
import dev.knownerrors.kb.internal.RegexTree.Node;
import dev.knownerrors.kb.internal.RegexTree.Repeat;
import dev.knownerrors.kb.internal.RegexTree.Seq;

import java.util.ArrayList;
import java.util.List;

/**
 * For each alternative of a regex, the case-folded literal runs that every match of that
 * alternative must contain. Top-level alternatives are kept apart; inner alternations are
 * expanded into separate alternatives while their number stays small (otherwise such an
 * alternation just breaks the run, which asks less of the text and so stays correct).
 *
 * <p>Also, per alternative, whether every match of it begins with its first run (nothing but
 * zero-width assertions before it): then no match starts before that run's first place in the
 * text, and the regex need not be tried at the places before it.
 */
final class RequiredLiterals {

    static final int MAX_TOP_LEVEL = 256;
    static final int MAX_EXPANDED = 64;

    private RequiredLiterals() {
    }

    /**
     * One partial alternative: closed runs plus the run still open at the end; {@code fresh}
     * while nothing has been consumed, {@code starts} once its first run began a match.
     */
    private record Path(List<String> runs, String open, boolean fresh, boolean starts) {
        Path append(String literal) {
            return new Path(runs, open.concat(literal), false, starts || fresh);
        }

        Path close() {
            if (open.isEmpty()) {
                return this;
            }
            List<String> closed = new ArrayList<>(runs);
            closed.add(open);
            return new Path(closed, "", fresh, starts);
        }

        /** The same after consuming something that is not part of a run. */
        Path consumed() {
            Path p = close();
            return p.fresh ? new Path(p.runs, "", false, false) : p;
        }
    }

    /** The runs per alternative, and per alternative whether its matches begin with its first run. */
    record Analysis(List<List<String>> runs, List<Boolean> starts) {
    }

    /**
     * The runs per alternative, and per alternative whether every match of it begins with its
     * first run; {@code null} when the regex cannot be analysed or has more top-level
     * alternatives than {@link #MAX_TOP_LEVEL}.
     */
    static Analysis analyse(Node root) {
        if (root == null) {
            return null;
        }
        List<Node> top = root instanceof Alt a ? a.branches() : List.of(root);
        List<List<String>> out = new ArrayList<>();
        List<Boolean> starts = new ArrayList<>();
        for (Node branch : top) {
            for (Path p : expand(branch, List.of(new Path(List.of(), "", true, false)))) {
                out.add(p.close().runs());
                starts.add(p.starts());
                if (out.size() > MAX_TOP_LEVEL) {
                    return null;
                }
            }
        }
        return new Analysis(out, starts);
    }

    private static List<Path> expand(Node n, List<Path> in) {
        if (n instanceof Lit lit) {
            if (!CaseFold.usable(lit.c())) {
                return consumeAll(in);
            }
            return appendAll(in, String.valueOf(CaseFold.fold(lit.c())));
        }
        if (n instanceof Seq s) {
            // consecutive literal characters are appended as one string, not one by one
            List<Path> paths = in;
            StringBuilder run = new StringBuilder();
            for (Node item : s.items()) {
                if (item instanceof Lit lit && CaseFold.usable(lit.c())) {
                    run.append(CaseFold.fold(lit.c()));
                    continue;
                }
                paths = appendAll(paths, run.toString());
                run.setLength(0);
                paths = expand(item, paths);
            }
            return appendAll(paths, run.toString());
        }
        if (n instanceof Alt a) {
            if ((long) in.size() * a.branches().size() > MAX_EXPANDED) {
                return consumeAll(in);
            }
            List<Path> out = new ArrayList<>();
            for (Node b : a.branches()) {
                out.addAll(expand(b, in));
            }
            return out.size() > MAX_EXPANDED ? consumeAll(in) : out;
        }
        if (n instanceof Repeat r && r.min() > 0) {
            return closeAll(expand(r.child(), in));
        }
        if (n instanceof RegexTree.Empty) {
            return closeAll(in); // zero-width: a run cannot continue across it, but nothing is consumed
        }
        return consumeAll(in); // Gap, optional repeat
    }

    private static List<Path> appendAll(List<Path> in, String literal) {
        if (literal.isEmpty()) {
            return in;
        }
        List<Path> out = new ArrayList<>(in.size());
        for (Path p : in) {
            out.add(p.append(literal));
        }
        return out;
    }

    private static List<Path> consumeAll(List<Path> in) {
        List<Path> out = new ArrayList<>(in.size());
        for (Path p : in) {
            out.add(p.consumed());
        }
        return out;
    }

    private static List<Path> closeAll(List<Path> in) {
        List<Path> out = new ArrayList<>(in.size());
        for (Path p : in) {
            out.add(p.close());
        }
        return out;
    }
}
