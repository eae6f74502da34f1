package dev.knownerrors.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** {@code --format}: human-readable text, or one JSON object per line. */
enum OutputFormat {
    TEXT, JSONL;

    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "text":
                    return TEXT;
                case "jsonl":
                    return JSONL;
                default:
                    throw new TypeConversionException("unknown format '" + value + "' (expected text or jsonl)");
            }
        }
    }
}
