package org.imageorganizer.model;

import java.util.Objects;

/**
 * One of the library's categories.
 *
 * @param id       database id
 * @param kind     object or background
 * @param name     what the user calls it, unique within its kind
 * @param words    what describes it to the model ("a red road bike"), or null: the name does
 * @param position its place in the user's list of its kind
 */
public record Category(long id, CategoryKind kind, String name, String words, int position) {
    /** The longest name a category may have. */
    public static final int MAX_NAME = 100;
    /** The longest description a category may have. */
    public static final int MAX_WORDS = 1000;

    public Category {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** The text the model is given for it: its words when it has some, else its name. */
    public String description() {
        return words == null || words.isBlank() ? name : words;
    }

    /**
     * A category name as the user typed it, stripped.
     *
     * @throws IllegalArgumentException when it is empty, too long, has control characters or is "other", with a sentence
     */
    public static String checkedName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("A category needs a name.");
        }
        if (stripped.length() > MAX_NAME) {
            throw new IllegalArgumentException("A category's name has at most " + MAX_NAME + " characters.");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A category's name cannot contain control characters (tabs, line breaks).");
        }
        if (stripped.equalsIgnoreCase(Label.OTHER)) {
            throw new IllegalArgumentException("\"" + Label.OTHER + "\" is kept for the photos the app is unsure about;"
                    + " choose another name.");
        }
        return stripped;
    }

    /**
     * A category's words as the user typed them, stripped; null when there are none.
     *
     * @throws IllegalArgumentException when they are too long or have control characters, with a sentence
     */
    public static String checkedWords(String words) {
        if (words == null || words.isBlank()) {
            return null;
        }
        String stripped = words.strip();
        if (stripped.length() > MAX_WORDS) {
            throw new IllegalArgumentException("A category's words have at most " + MAX_WORDS + " characters.");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A category's words cannot contain control characters (tabs, line breaks).");
        }
        return stripped;
    }
}
