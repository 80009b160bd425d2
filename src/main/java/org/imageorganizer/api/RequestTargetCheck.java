package org.imageorganizer.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses, before the key check and the router see it, a request whose target two readers could
 * take for different things. The router matches the raw path while a decoder would clean it up
 * ({@code /images/..} is {@code /} once normalised), so a path with a dot segment ({@code .},
 * {@code ..}, also written {@code %2e}), an encoded slash ({@code %2f}), a backslash (raw or
 * {@code %5c}) or a broken escape is refused; so is a query string that is not valid percent-encoded
 * UTF-8, and the X-HTTP-Method-Override header (the router would take its method, the key check the
 * request line's). See docs/decisions/0019-requests-public-url.md.
 */
final class RequestTargetCheck {
    /** Spark routes on this header's method instead of the request line's. */
    static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    private RequestTargetCheck() {
    }

    /**
     * @param rawPath        the path as sent, still percent-encoded (the servlet's request URI)
     * @param rawQuery       the query string as sent, or null
     * @param methodOverride the X-HTTP-Method-Override header, or null
     * @throws ApiError 400 when the target is refused
     */
    static void check(String rawPath, String rawQuery, String methodOverride) {
        if (methodOverride != null) {
            throw ApiError.badRequest("X-HTTP-Method-Override is not supported: send the method in the request line.");
        }
        String path = rawPath == null ? "" : rawPath;
        String lower = path.toLowerCase(Locale.ROOT);
        if (!path.startsWith("/")) {
            throw ApiError.badRequest("The request path must start with /.");
        }
        if (path.indexOf('\\') >= 0 || lower.contains("%5c")) {
            throw ApiError.badRequest("The request path may not contain a backslash.");
        }
        if (lower.contains("%2f")) {
            throw ApiError.badRequest("The request path may not contain an encoded slash (%2F).");
        }
        for (String segment : path.substring(1).split("/", -1)) {
            int parameters = segment.indexOf(';');
            String name = decode(parameters < 0 ? segment : segment.substring(0, parameters), false);
            if (name == null) {
                throw ApiError.badRequest("The request path has a malformed %-escape or is not UTF-8.");
            }
            if (name.equals(".") || name.equals("..")) {
                throw ApiError.badRequest("The request path may not contain . or .. segments; send the path they stand for.");
            }
        }
        if (rawQuery != null && decode(rawQuery, true) == null) {
            throw ApiError.badRequest("The query string has a malformed %-escape or is not UTF-8.");
        }
    }

    /** Percent-decodes strictly as UTF-8 ({@code +} as a space in a query); null when malformed. */
    static String decode(String text, boolean query) {
        if (text.indexOf('%') < 0) {
            return query ? text.replace('+', ' ') : text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c >= 0x80) {
                int codePoint = text.codePointAt(i); // sent unescaped, as curl may
                byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(codePoint) - 1;
            } else {
                bytes.write(query && c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
