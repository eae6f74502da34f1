package dev.knownerrors.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** {@code --format}: human-readable text, one JSON object per line, or one HTML page ({@code scan} only). */
enum OutputFormat {
    TEXT, JSONL, HTML;

    static OutputFormat parse(String value, boolean html) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "text":
                return TEXT;
            case "jsonl":
                return JSONL;
            case "html":
                if (html) {
                    return HTML;
                }
                break;
            default:
                break;
        }
        throw new TypeConversionException("unknown format '" + value + "' (expected text" + (html ? ", jsonl or html)" : " or jsonl)"));
    }

    /** text or jsonl. */
    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return parse(value, false);
        }
    }

    /** text, jsonl or html. */
    static final class ScanConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return parse(value, true);
        }
    }
}
