package dev.knownerrors.kb;

import java.util.Locale;

/** The language of diagnosis text: English (the plain KB fields) or Chinese (the {@code _zh} fields). */
public enum Language {
    EN, ZH;

    /**
     * Parses {@code en}, {@code zh} or a locale tag such as {@code zh-CN} / {@code en_US}.
     *
     * @throws IllegalArgumentException for anything else, naming the accepted values
     */
    public static Language parse(String value) {
        if (value == null || value.isBlank()) {
            return EN;
        }
        String tag = value.trim().toLowerCase(Locale.ROOT);
        if (tag.equals("en") || tag.startsWith("en-") || tag.startsWith("en_")) {
            return EN;
        }
        if (tag.equals("zh") || tag.startsWith("zh-") || tag.startsWith("zh_")) {
            return ZH;
        }
        throw new IllegalArgumentException("unknown locale '" + value + "' (expected en or zh)");
    }
}
