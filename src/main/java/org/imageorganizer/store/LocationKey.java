package org.imageorganizer.store;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The indexed key of a file's location: the first 64 bits of the SHA-256 of its path. A location can
 * be 4,096 characters, longer than PostgreSQL allows in a B-tree entry, so the table of locations is
 * looked up by this key and the location itself compared after (two paths may share a key).
 */
public final class LocationKey {
    private LocationKey() {
    }

    /** @return the key of this location */
    public static long of(String location) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
