package org.imageorganizer.services;

/**
 * Adds uploaded files to the library (the REST server's POST /images); safe to call from many
 * threads at once. Blocks until the file is stored or refused.
 */
public interface Uploads {

    /**
     * Imports one uploaded file.
     *
     * @param clientFileName the name the client sent, kept for display only
     * @param content        the file's bytes (the caller has already enforced its size limit)
     */
    org.imageorganizer.model.UploadOutcome upload(String clientFileName, byte[] content) throws InterruptedException;
}
