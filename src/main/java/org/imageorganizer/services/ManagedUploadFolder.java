package org.imageorganizer.services;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.imageorganizer.store.ManagedFolder;

/** {@link UploadFolder} as the store's managed folder. */
public final class ManagedUploadFolder implements UploadFolder {
    private final ManagedFolder folder;

    public ManagedUploadFolder(ManagedFolder folder) {
        this.folder = folder;
    }

    @Override
    public Optional<Path> fileOf(String key) {
        return folder.fileOf(key);
    }

    @Override
    public void removeLeftovers(Instant writtenBefore) throws IOException {
        folder.removeLeftovers(writtenBefore);
    }
}
