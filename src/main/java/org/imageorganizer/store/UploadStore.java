package org.imageorganizer.store;

import java.io.IOException;
import org.imageorganizer.model.StorageKind;

/**
 * Where the server keeps the bytes of an uploaded image: the managed folder, or a cloud store when
 * one is configured. Chosen once, when the server starts.
 */
public interface UploadStore {

    /**
     * Bytes this store now holds.
     *
     * @param kind     the storage to record with the image
     * @param location the key or path to record as the image's location
     * @param created  false when the store already had this content (a content-addressed cloud copy)
     */
    record Stored(StorageKind kind, String location, boolean created) {
    }

    /**
     * Stores an upload's bytes.
     *
     * @param sha256    the content's hex SHA-256
     * @param extension the file extension of its format, such as "jpg"
     * @throws IOException when the bytes could not be stored (for a cloud store, a
     *                     {@link RemoteStoreException} says why)
     */
    Stored store(String sha256, byte[] content, String extension) throws IOException, InterruptedException;

    /** Removes bytes this store created for an upload the library then refused (best effort, never throws). */
    void discard(Stored stored);
}
