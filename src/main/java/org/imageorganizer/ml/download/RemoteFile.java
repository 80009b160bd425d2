package org.imageorganizer.ml.download;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a model to download.
 *
 * @param name         the remote file's name, as a user would save it (e.g. {@code clip.zip}); shown
 *                     in progress and in messages
 * @param url          where to get it (http or https)
 * @param sha256       the pinned hex SHA-256 of the downloaded bytes, or {@code null} when nobody has
 *                     pinned it yet: the downloader then refuses the file
 * @param expectedSize the size in bytes, or -1 when unknown
 * @param unzip        the download is a zip archive of which one entry is used
 * @param extractEntry when {@code unzip}: the entry to extract (e.g. {@code clip.pt}); an entry of
 *                     that name inside a single folder of the archive is accepted too
 * @param targetName   the file's name in the model folder
 */
public record RemoteFile(String name, URI url, String sha256, long expectedSize, boolean unzip,
                         String extractEntry, String targetName) {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    public RemoteFile {
        requireSafeName(name, "name");
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("url must be http or https, found " + url);
        }
        if (sha256 != null) {
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("sha256 must be 64 hex digits or null, found " + sha256);
            }
            sha256 = sha256.toLowerCase(Locale.ROOT);
        }
        if (expectedSize < -1) {
            throw new IllegalArgumentException("expectedSize must be -1 (unknown) or a size, found " + expectedSize);
        }
        if (unzip) {
            if (extractEntry == null || extractEntry.isBlank()) {
                throw new IllegalArgumentException("extractEntry is required when unzip is set");
            }
        } else if (extractEntry != null) {
            throw new IllegalArgumentException("extractEntry is only used when unzip is set");
        }
        requireSafeName(targetName, "targetName");
    }

    /** A plain file, used as downloaded. */
    public static RemoteFile plain(String name, URI url, String sha256, long expectedSize) {
        return new RemoteFile(name, url, sha256, expectedSize, false, null, name);
    }

    /** A zip archive of which {@code entry} becomes {@code targetName}. */
    public static RemoteFile zipped(String name, URI url, String sha256, long expectedSize, String entry,
                                    String targetName) {
        return new RemoteFile(name, url, sha256, expectedSize, true, entry, targetName);
    }

    /** Whether the checksum is pinned, i.e. whether the file may be downloaded at all. */
    public boolean pinned() {
        return sha256 != null;
    }

    private static void requireSafeName(String value, String what) {
        if (value == null || !SAFE_NAME.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException(what + " must be a plain file name, found " + value);
        }
    }
}
