package org.imageorganizer.cli;

import java.util.Locale;
import java.util.Set;

/** Turns labels and file names into names that are safe as one path element on every OS. */
final class FolderNames {
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private FolderNames() {
    }

    /** Letters, digits, space, dot, dash and underscore survive; the rest becomes "_"; never empty, "." or "..". */
    static String safe(String label) {
        String cleaned = label == null ? "" : label.replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
        cleaned = cleaned.replaceAll("^\\.+", "_").replaceAll("[. ]+$", "");
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
