package org.imageorganizer.cli;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns labels and file names into names that are safe as one path element on every OS. */
final class FolderNames {
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    /** Compiled once: {@code export} names every file with them (String.replaceAll compiles on every call). */
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N} ._-]");
    private static final Pattern LEADING_DOTS = Pattern.compile("^\\.+");
    private static final Pattern TRAILING_DOTS_AND_SPACES = Pattern.compile("[. ]+$");

    private FolderNames() {
    }

    /** Letters, digits, space, dot, dash and underscore survive; the rest becomes "_"; never empty, "." or "..". */
    static String safe(String label) {
        String cleaned = label == null ? "" : UNSAFE.matcher(label).replaceAll("_").strip();
        cleaned = TRAILING_DOTS_AND_SPACES.matcher(LEADING_DOTS.matcher(cleaned).replaceAll("_")).replaceAll("");
        if (cleaned.isEmpty() || WINDOWS_RESERVED.contains(cleaned.toLowerCase(Locale.ROOT))) {
            cleaned = "_" + cleaned;
        }
        return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }

    /** A safe file name, made unique within {@code used} by adding the image id when needed. */
    static String uniqueFileName(String fileName, long id, Set<String> used) {
        String name = safe(fileName);
        if (used.add(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String withId = dot > 0 ? name.substring(0, dot) + "-" + id + name.substring(dot) : name + "-" + id;
        used.add(withId.toLowerCase(Locale.ROOT));
        return withId;
    }
}
