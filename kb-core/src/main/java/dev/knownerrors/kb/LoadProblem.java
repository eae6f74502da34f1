package dev.knownerrors.kb;

/**
 * Something wrong in a knowledge-base source, found while loading it. Loading never throws for
 * bad input; it reports one of these and goes on with the rest.
 *
 * @param source where it was read from: a file path or a {@code classpath:} location
 * @param entry which entry: its id when known, else {@code #index} and the line; empty for a
 *              problem with the whole source
 * @param field the JSON field at fault; empty when the problem is not about one field
 * @param message what is wrong
 */
public record LoadProblem(String source, String entry, String field, String message) {

    public LoadProblem {
        source = source == null ? "" : source;
        entry = entry == null ? "" : entry;
        field = field == null ? "" : field;
        message = message == null ? "" : message;
    }

    /** One line: {@code source: entry 'id': field 'regex': what is wrong}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (!entry.isEmpty()) {
            sb.append(": entry ").append(entry);
        }
        if (!field.isEmpty()) {
            sb.append(": field '").append(field).append('\'');
        }
        return sb.append(": ").append(message).toString();
    }
}
