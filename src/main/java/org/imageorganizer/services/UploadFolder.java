package org.imageorganizer.services;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** The folder where the application keeps uploaded images under names it generates (the managed folder). */
public interface UploadFolder {

    /** The stored file with this key; empty for a key the folder never generates (no other path can be expressed). */
    Optional<Path> fileOf(String key);

    /** Removes what an interrupted store left behind, written before the given time. */
    void removeLeftovers(Instant writtenBefore) throws IOException;
}
