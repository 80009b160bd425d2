package org.imageorganizer.trash;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The text of a freedesktop.org {@code .trashinfo} file: the {@code [Trash Info]} group with the
 * original {@code Path}, its bytes escaped as in URLs (RFC 2396: UTF-8, {@code %XX}, the slashes
 * kept), and the {@code DeletionDate} in local time, {@code YYYY-MM-DDThh:mm:ss}.
 */
public final class TrashInfo {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TrashInfo() {
    }

    /**
     * @param path    the original path: absolute in the home trash, relative to the top directory in a
     *                trash on another device
     * @param deleted when it was trashed, local time
     */
    public static String of(String path, LocalDateTime deleted) {
        return "[Trash Info]\nPath=" + escape(path) + "\nDeletionDate=" + DATE.format(deleted.truncatedTo(ChronoUnit.SECONDS))
                + "\n";
    }

    /** The path's UTF-8 bytes with every byte but letters, digits, {@code - _ . ~} and {@code /} as {@code %XX}. */
    static String escape(String path) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
                    || c == '~' || c == '/') {
                escaped.append((char) c);
            } else {
                escaped.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return escaped.toString();
    }
}
