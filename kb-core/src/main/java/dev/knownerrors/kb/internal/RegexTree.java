package dev.knownerrors.kb.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A (valid) Java regex read as a tree of what its matches must contain: literal characters,
 * gaps (anything else that consumes text: classes, {@code .}, {@code \d}, back references),
 * zero-width assertions, sequences, alternations and repetitions. Two things are computed
 * from it: the winner rule's specificity, and, for the prefilter, the literal runs that every
 * match of each top-level alternative must contain.
 *
 * <p>The pattern must have compiled already, so parsing is lenient. A pattern using the
 * COMMENTS flag ({@code (?x)}) is not analysed: {@link #parse} returns {@code null}.
 */
final class RegexTree {

    /** A node of the tree. */
    sealed interface Node permits Lit, Gap, Empty, Seq, Alt, Repeat {
    }

    /** One literal character, as written (not folded). */
    record Lit(char c) implements Node {
    }

    /** Consumes text we cannot name: breaks a literal run. */
    record Gap() implements Node {
    }

    /** Zero-width: anchors, look-arounds, inline flags. */
    record Empty() implements Node {
    }

    record Seq(List<Node> items) implements Node {
    }

    record Alt(List<Node> branches) implements Node {
    }

    /** {@code child} at least {@code min} times. */
    record Repeat(Node child, int min) implements Node {
    }

    private static final Gap GAP = new Gap();
    private static final Empty EMPTY = new Empty();

    private final String re;
    private int pos;

    private RegexTree(String re) {
        this.re = re;
    }

    /** The tree of a compiled-valid regex, or {@code null} when it cannot be analysed. */
    static Node parse(String regex) {
        try {
            RegexTree t = new RegexTree(regex);
            Node n = t.alternation();
            return t.pos == regex.length() ? n : null;
        } catch (RuntimeException e) { // Unanalysable, or a pattern this lenient reader gets wrong
            return null;
        }
    }

    /** Literal characters every match must contain (an alternation counts its weakest branch). */
    static int specificity(Node n) {
        if (n instanceof Lit) {
            return 1;
        }
        if (n instanceof Seq s) {
            int sum = 0;
            for (Node item : s.items()) {
                sum += specificity(item);
            }
            return sum;
        }
        if (n instanceof Alt a) {
            int min = Integer.MAX_VALUE;
            for (Node b : a.branches()) {
                min = Math.min(min, specificity(b));
            }
            return a.branches().isEmpty() ? 0 : min;
        }
        if (n instanceof Repeat r) {
            return r.min() > 0 ? specificity(r.child()) : 0;
        }
        return 0;
    }

    private Node alternation() {
        List<Node> branches = new ArrayList<>(2);
        branches.add(sequence());
        while (pos < re.length() && re.charAt(pos) == '|') {
            pos++;
            branches.add(sequence());
        }
        return branches.size() == 1 ? branches.get(0) : new Alt(branches);
    }

    private Node sequence() {
        List<Node> items = new ArrayList<>();
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            items.add(quantified(atom()));
        }
        return items.size() == 1 ? items.get(0) : new Seq(items);
    }

    private Node quantified(Node atom) {
        if (pos >= re.length()) {
            return atom;
        }
        char c = re.charAt(pos);
        int min;
        if (c == '?' || c == '*') {
            pos++;
            min = 0;
        } else if (c == '+') {
            pos++;
            min = 1;
        } else if (c == '{' && re.indexOf('}', pos) > pos + 1 && Character.isDigit(re.charAt(pos + 1))) {
            int close = re.indexOf('}', pos);
            String body = re.substring(pos + 1, close);
            pos = close + 1;
            String lower = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
            min = Integer.parseInt(lower.trim()) > 0 ? 1 : 0;
        } else {
            return atom;
        }
        if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
            pos++; // lazy or possessive
        }
        return new Repeat(atom, min);
    }

    private Node atom() {
        char c = re.charAt(pos);
        switch (c) {
            case '(':
                return group();
            case '[':
                skipClass();
                return GAP;
            case '\\':
                return escape();
            case '.':
                pos++;
                return GAP;
            case '^':
            case '$':
                pos++;
                return EMPTY;
            default:
                pos++;
                return Character.isSurrogate(c) ? GAP : new Lit(c);
        }
    }

    private Node group() {
        pos++; // (
        boolean zeroWidth = false;
        if (re.startsWith("?", pos)) {
            if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
                zeroWidth = true;
                pos += 2;
            } else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
                zeroWidth = true;
                pos += 3;
            } else if (re.startsWith("?<", pos)) {
                pos = re.indexOf('>', pos) + 1; // named group
            } else {
                // (?: (?> or inline flags (?i) (?i-x:
                int start = ++pos;
                while (pos < re.length() && re.charAt(pos) != ':' && re.charAt(pos) != ')') {
                    pos++;
                }
                String flags = re.substring(start, pos);
                int minus = flags.indexOf('-');
                if ((minus < 0 ? flags : flags.substring(0, minus)).indexOf('x') >= 0) {
                    throw new Unanalysable();
                }
                if (re.charAt(pos++) == ')') {
                    return EMPTY; // flags only
                }
            }
        }
        Node inner = alternation();
        if (pos < re.length() && re.charAt(pos) == ')') {
            pos++;
        }
        return zeroWidth ? EMPTY : inner;
    }

    private void skipClass() {
        pos++; // [
        if (pos < re.length() && re.charAt(pos) == '^') {
            pos++;
        }
        if (pos < re.length() && re.charAt(pos) == ']') {
            pos++; // a ']' first in a class is literal
        }
        int depth = 1;
        while (pos < re.length() && depth > 0) {
            char c = re.charAt(pos++);
            if (c == '\\') {
                if (re.startsWith("Q", pos)) {
                    int end = re.indexOf("\\E", pos);
                    pos = end < 0 ? re.length() : end + 2;
                } else {
                    pos++;
                }
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
    }

    private Node escape() {
        pos++; // backslash
        char c = re.charAt(pos++);
        switch (c) {
            case 'Q': {
                int end = re.indexOf("\\E", pos);
                int stop = end < 0 ? re.length() : end;
                List<Node> lits = new ArrayList<>(stop - pos);
                for (int i = pos; i < stop; i++) {
                    char q = re.charAt(i);
                    lits.add(Character.isSurrogate(q) ? GAP : new Lit(q));
                }
                pos = end < 0 ? re.length() : end + 2;
                return new Seq(lits);
            }
            case 't':
                return new Lit('\t');
            case 'n':
                return new Lit('\n');
            case 'r':
                return new Lit('\r');
            case 'f':
                return new Lit('\f');
            case 'a':
                return new Lit('\u0007');
            case 'e':
                return new Lit('\u001B');
            case 'x':
                return hex();
            case 'u':
                return literalCode(Integer.parseInt(re.substring(pos, pos + 4), 16), 4);
            case '0':
                return octal();
            case 'c':
                return new Lit((char) (re.charAt(pos++) ^ 64));
            case 'b':
            case 'B':
            case 'A':
            case 'G':
            case 'Z':
            case 'z':
                if (c == 'b' && re.startsWith("{", pos)) {
                    pos = re.indexOf('}', pos) + 1; // \b{g}
                }
                return EMPTY;
            case 'p':
            case 'P':
            case 'k':
            case 'N':
                if (pos < re.length() && (re.charAt(pos) == '{' || re.charAt(pos) == '<')) {
                    pos = re.indexOf(re.charAt(pos) == '{' ? '}' : '>', pos) + 1;
                } else {
                    pos++;
                }
                return GAP;
            default:
                if (Character.isLetterOrDigit(c)) {
                    while (Character.isDigit(c) && pos < re.length() && Character.isDigit(re.charAt(pos))) {
                        pos++; // back reference \12
                    }
                    return GAP; // \d \s \w \h \v \R \X, back references …
                }
                return Character.isSurrogate(c) ? GAP : new Lit(c);
        }
    }

    private Node hex() {
        if (re.startsWith("{", pos)) {
            int close = re.indexOf('}', pos);
            int cp = Integer.parseInt(re.substring(pos + 1, close), 16);
            pos = close + 1;
            return cp <= 0xFFFF && !Character.isSurrogate((char) cp) ? new Lit((char) cp) : GAP;
        }
        return literalCode(Integer.parseInt(re.substring(pos, pos + 2), 16), 2);
    }

    private Node literalCode(int value, int digits) {
        pos += digits;
        return Character.isSurrogate((char) value) ? GAP : new Lit((char) value);
    }

    private Node octal() {
        int value = 0;
        int n = 0;
        while (n < 3 && pos < re.length() && re.charAt(pos) >= '0' && re.charAt(pos) <= '7'
                && value * 8 + (re.charAt(pos) - '0') <= 0377) {
            value = value * 8 + (re.charAt(pos++) - '0');
            n++;
        }
        return new Lit((char) value);
    }

    /** The COMMENTS flag changes what whitespace means; such patterns are not analysed. */
    private static final class Unanalysable extends RuntimeException {
        Unanalysable() {
            super(null, null, false, false);
        }
    }
}
