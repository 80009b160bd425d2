package org.imageorganizer.ml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.common.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records, kept in the per-user cache and never in the model folder, that a file was hashed and had
 * a given SHA-256 while it had a given {@link VerificationStamp}. A later start that finds the same path with
 * the same stamp and expects the same hash need not read the file again (ADR 0024).
 *
 * <p>This guards against corruption (a broken download, a disk error, a half-copied folder, a file
 * replaced by another), not against someone who can write the user's files: they could as well
 * write the record. A record that is missing, unreadable, too large, malformed or for another file
 * only means that the file is hashed again; a record that cannot be written is logged and forgotten.
 * One small file per model file, written atomically, so that concurrent starts never see half a
 * record and never lose another file's record.
 */
public final class VerifiedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(VerifiedFiles.class);
    private static final long MAX_RECORD_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final VerifiedFiles NONE = new VerifiedFiles(null);

    private final Path folder;

    /** @param folder where the records are kept (created when the first one is written) */
    public VerifiedFiles(Path folder) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    /** No records: every file is hashed every time (tools, tests, and a fresh download's own check). */
    public static VerifiedFiles none() {
        return NONE;
    }

    /** One record: the file's path as checked, its stamp then, and the SHA-256 its bytes had. */
    record Entry(@JsonProperty("path") String path, @JsonProperty("size") long size,
                 @JsonProperty("modified") String modified, @JsonProperty("changed") String changed,
                 @JsonProperty("file_key") String fileKey, @JsonProperty("sha256") String sha256) {
        VerificationStamp stamp() {
            return new VerificationStamp(size, modified, changed, fileKey);
        }
    }

    /**
     * Whether a record says that {@code file}, with the stamp it has now, had the SHA-256
     * {@code expectedSha256}. Any doubt is false.
     */
    boolean vouchesFor(Path file, VerificationStamp now, String expectedSha256) {
        if (folder == null) {
            return false;
        }
        Path recordFile = recordFile(file);
        try {
            if (!Files.isRegularFile(recordFile, LinkOption.NOFOLLOW_LINKS) || Files.size(recordFile) > MAX_RECORD_BYTES) {
                return false;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(recordFile, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) MAX_RECORD_BYTES + 1);
            }
            if (bytes.length > MAX_RECORD_BYTES) {
                return false;
            }
            Entry entry = JSON.readValue(bytes, Entry.class);
            return entry != null && key(file).equals(entry.path()) && now.equals(entry.stamp())
                    && entry.sha256() != null && entry.sha256().equalsIgnoreCase(expectedSha256);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Verification record {} not used: {}", recordFile, e.toString());
            return false;
        }
    }

    /** Records that {@code file} had {@code sha256} while it had {@code stamp}; failures are only logged. */
    void remember(Path file, VerificationStamp stamp, String sha256) {
        if (folder == null) {
            return;
        }
        Entry entry = new Entry(key(file), stamp.size(), stamp.modified(), stamp.changed(), stamp.fileKey(),
                sha256.toLowerCase(Locale.ROOT));
        try {
            AtomicFiles.write(recordFile(file), JSON.writeValueAsBytes(entry));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot record the verification of {} in {} ({}); it will be hashed again next time.", file,
                    folder, e.toString());
        }
    }

    /** The record's file: named by the SHA-256 of the file's absolute path, so any path fits. */
    Path recordFile(Path file) {
        return folder.resolve(DigestUtils.sha256Hex(key(file).getBytes(StandardCharsets.UTF_8)) + ".json");
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}
