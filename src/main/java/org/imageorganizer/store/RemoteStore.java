package org.imageorganizer.store;

import java.util.Optional;
import org.imageorganizer.model.RemoteCopy;

/**
 * A cloud store that keeps copies of the library's images under ids derived from their content, so
 * that the same image always lands on the same asset: uploading it twice makes no second copy.
 * Implementations are thread-safe; their calls retry temporary failures themselves.
 */
public interface RemoteStore {

    /** How its copies are delivered: {@code authenticated} (signed links only) or {@code upload} (public). */
    String deliveryType();

    /** The asset id of the content with this SHA-256. */
    String publicIdOf(String sha256);

    /**
     * Uploads an image unless the store already has its content.
     *
     * @param sha256    the content's hex SHA-256 (which names the asset)
     * @param extension the file extension of its format, such as "jpg"
     * @return the copy, and whether it was already there
     * @throws RemoteStoreException when it could not be stored, after the retries
     */
    Uploaded upload(String sha256, byte[] content, String extension) throws RemoteStoreException, InterruptedException;

    /** The copy of this content, if the store has it. */
    Optional<RemoteCopy> find(String sha256) throws RemoteStoreException, InterruptedException;

    /** Deletes a copy (and its cached derivatives); no error when it is already gone. */
    void delete(RemoteCopy copy) throws RemoteStoreException, InterruptedException;

    /** Keeps a copy but marks it as deleted from the library (a tag), so that it can be found and cleaned up later. */
    void markDeleted(RemoteCopy copy) throws RemoteStoreException, InterruptedException;

    /** Names the store for messages (cloud name and key, never the secret). */
    String describe();

    /**
     * @param copy     the stored copy
     * @param existing true when the store already had it and nothing new was stored
     */
    record Uploaded(RemoteCopy copy, boolean existing) {
    }
}
