package org.imageorganizer.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A jpackage argument file as jpackage reads it: words, double quotes, {@code #} comments. */
record ArgFile(Path path, List<String> words) {

    static ArgFile read(Path path) {
        try {
            return new ArgFile(path, split(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        for (String line : text.split("\\R")) {
            StringBuilder word = null;
            boolean quoted = false;
            for (char c : line.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                    word = word == null ? new StringBuilder() : word;
                } else if (!quoted && c == '#') {
                    break;
                } else if (!quoted && Character.isWhitespace(c)) {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                } else {
                    word = word == null ? new StringBuilder() : word;
                    word.append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
        }
        return words;
    }

    /** The values given to {@code option}, in order. */
    List<String> values(String option) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).equals(option)) {
                values.add(words.get(i + 1));
            }
        }
        return values;
    }

    /** The one value of {@code option}; fails when it is missing or repeated. */
    String value(String option) {
        List<String> values = values(option);
        if (values.size() != 1) {
            throw new AssertionError(path + ": expected one " + option + ", found " + values);
        }
        return values.get(0);
    }
}
