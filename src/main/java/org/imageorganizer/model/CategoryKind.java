package org.imageorganizer.model;

import java.util.Locale;

/** The two kinds of category a photo gets one of each: what is in it, and where it was taken. */
public enum CategoryKind {
    OBJECT,
    BACKGROUND;

    /** The kind as people say it ("object", "background"). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind a user named ("object", "Background"…).
     *
     * @throws IllegalArgumentException for anything else, with a sentence
     */
    public static CategoryKind parse(String text) {
        for (CategoryKind kind : values()) {
            if (kind.word().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("A category is of kind \"object\" or \"background\", not \"" + text + "\".");
    }
}
