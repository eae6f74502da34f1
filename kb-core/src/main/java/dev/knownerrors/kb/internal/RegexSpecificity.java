package dev.knownerrors.kb.internal;

/**
 * Counts the literal characters that every match of a (valid) Java regex must contain: the
 * measure of how specific an entry is. Alternatives count their weakest branch; optional atoms
 * ({@code ?}, {@code *}, {@code {0,n}}), character classes, anchors and look-arounds count
 * nothing. The pattern is assumed to have compiled already, so parsing is lenient.
 */
final class RegexSpecificity {

    private final String re;
    private int pos;

    private RegexSpecificity(String re) {
        this.re = re;
    }

    static int of(String regex) {
        RegexSpecificity r = new RegexSpecificity(regex);
        int n = r.alternation();
        return Math.max(0, n);
    }

    private int alternation() {
        int min = sequence();
        while (pos < re.length() && re.charAt(pos) == '|') {
            pos++;
            min = Math.min(min, sequence());
        }
        return min;
    }

    private int sequence() {
        int sum = 0;
        while (pos < re.length()) {
            char c = re.charAt(pos);
            if (c == '|' || c == ')') {
                break;
            }
            int atom = atom();
            sum += quantified(atom);
        }
        return sum;
    }

    /** Applies a quantifier that follows an atom, if any. */
    private int quantified(int atom) {
        if (pos >= re.length()) {
            return atom;
        }
        char c = re.charAt(pos);
        int result = atom;
        if (c == '?' || c == '*') {
            pos++;
            result = 0;
        } else if (c == '+') {
            pos++;
        } else if (c == '{') {
            int close = re.indexOf('}', pos);
            if (close < 0) {
                return atom;
            }
            String body = re.substring(pos + 1, close);
            pos = close + 1;
            String min = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
            result = min.isBlank() || min.trim().equals("0") ? 0 : atom;
        } else {
            return atom;
        }
        if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
            pos++; // lazy or possessive
        }
        return result;
    }

    private int atom() {
        char c = re.charAt(pos);
        switch (c) {
            case '(':
                return group();
            case '[':
                skipClass();
                return 0;
            case '\\':
                return escape();
            case '.':
            case '^':
            case '$':
                pos++;
                return 0;
            default:
                pos++;
                return 1;
        }
    }

    private int group() {
        pos++; // (
        boolean counts = true;
        if (re.startsWith("?", pos)) {
            if (re.startsWith("?=", pos) || re.startsWith("?!", pos)
                    || re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
                counts = false;
                pos += re.charAt(pos + 1) == '<' ? 3 : 2;
            } else if (re.startsWith("?<", pos)) {
                pos = re.indexOf('>', pos) + 1; // named group
            } else {
                // (?: (?> or inline flags (?i) (?i:
                pos++;
                while (pos < re.length() && re.charAt(pos) != ':' && re.charAt(pos) != ')') {
                    pos++;
                }
                if (pos < re.length() && re.charAt(pos) == ')') {
                    pos++;
                    return 0; // flags only, e.g. (?i)
                }
                pos++; // :
            }
        }
        int inner = alternation();
        if (pos < re.length() && re.charAt(pos) == ')') {
            pos++;
        }
        return counts ? inner : 0;
    }

    private void skipClass() {
        int depth = 0;
        while (pos < re.length()) {
            char c = re.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return;
                }
            }
            if (depth == 1 && c == '[' && pos < re.length() && re.charAt(pos) == ']') {
                pos++; // a ']' right after '[' is literal
            }
        }
    }

    private int escape() {
        pos++; // backslash
        if (pos >= re.length()) {
            return 0;
        }
        char c = re.charAt(pos++);
        if (c == 'Q') {
            int end = re.indexOf("\\E", pos);
            int stop = end < 0 ? re.length() : end;
            int n = stop - pos;
            pos = end < 0 ? re.length() : end + 2;
            return n;
        }
        if (c == 'p' || c == 'P' || c == 'k' || c == 'N') {
            if (pos < re.length() && (re.charAt(pos) == '{' || re.charAt(pos) == '<')) {
                char close = re.charAt(pos) == '{' ? '}' : '>';
                pos = Math.max(pos, re.indexOf(close, pos) + 1);
            } else {
                pos++;
            }
            return 0;
        }
        if (c == 'x' || c == 'u' || c == 'c' || c == '0') {
            if (c == 'x' && pos < re.length() && re.charAt(pos) == '{') {
                pos = re.indexOf('}', pos) + 1;
            } else {
                int digits = c == 'x' ? 2 : c == 'u' ? 4 : 1;
                pos = Math.min(re.length(), pos + digits);
            }
            return 1;
        }
        if (Character.isDigit(c)) {
            return 0; // back reference
        }
        if (Character.isLetter(c)) {
            return "tnrfae".indexOf(c) >= 0 ? 1 : 0; // \d \s \w \b \z … match classes or positions
        }
        return 1; // an escaped punctuation character is a literal
    }
}
