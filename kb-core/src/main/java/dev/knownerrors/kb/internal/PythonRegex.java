package dev.knownerrors.kb.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Translates a regex written for Python's {@code re} into Java syntax: named groups
 * {@code (?P<name>…)} and {@code (?P=name)} (names made Java-legal), {@code \Z} → {@code \z},
 * {@code {,n}} → {@code {0,n}}, a {@code {} that does not start a quantifier, a {@code [} or
 * {@code &&} inside a character class, and {@code (?#…)} comments. Python-like semantics come
 * from the flags: {@link #FLAGS}.
 */
final class PythonRegex {

    /** Case-insensitive with Unicode folding; only {@code \n} ends a line, so {@code .} matches {@code \r}. */
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNIX_LINES;

    private PythonRegex() {
    }

    static String toJava(String py) {
        StringBuilder out = new StringBuilder(py.length() + 8);
        Map<String, String> names = new HashMap<>();
        boolean inClass = false;
        int i = 0;
        while (i < py.length()) {
            char c = py.charAt(i);
            if (c == '\\' && i + 1 < py.length()) {
                char n = py.charAt(i + 1);
                out.append(n == 'Z' && !inClass ? "\\z" : py.substring(i, i + 2));
                i += 2;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    out.append(c);
                } else if (c == '[' || (c == '&' && i + 1 < py.length() && py.charAt(i + 1) == '&')) {
                    out.append('\\').append(c);
                } else {
                    out.append(c);
                }
                i++;
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                i++;
                if (i < py.length() && py.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (i < py.length() && py.charAt(i) == ']') {
                    out.append("\\]"); // a ']' first in a class is literal in Python
                    i++;
                }
                continue;
            }
            if (py.startsWith("(?P<", i)) {
                int close = py.indexOf('>', i);
                String name = py.substring(i + 4, close);
                String javaName = javaName(name, names);
                out.append("(?<").append(javaName).append('>');
                i = close + 1;
                continue;
            }
            if (py.startsWith("(?P=", i)) {
                int close = py.indexOf(')', i);
                String name = py.substring(i + 4, close);
                out.append("\\k<").append(names.getOrDefault(name, javaName(name, names))).append('>');
                i = close + 1;
                continue;
            }
            if (py.startsWith("(?#", i)) {
                int close = py.indexOf(')', i);
                i = close < 0 ? py.length() : close + 1;
                continue;
            }
            if (c == '{') {
                int close = py.indexOf('}', i);
                String body = close < 0 ? null : py.substring(i + 1, close);
                if (body != null && body.matches("\\d*,\\d+|\\d+,?\\d*")) {
                    out.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
                    i = close + 1;
                } else {
                    out.append("\\{");
                    i++;
                }
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String javaName(String name, Map<String, String> names) {
        return names.computeIfAbsent(name, n -> {
            String clean = n.replaceAll("[^A-Za-z0-9]", "");
            if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
                clean = "g" + clean;
            }
            String candidate = clean;
            for (int k = 2; names.containsValue(candidate); k++) {
                candidate = clean + k;
            }
            return candidate;
        });
    }
}
