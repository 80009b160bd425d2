package org.imageorganizer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.imageorganizer.model.ImageRecord;

/**
 * Users' originals, indexed where they are: the location is the file's absolute path. Read-only by
 * design: the application never modifies, moves or deletes an original.
 */
public final class IndexedFiles implements ImageStorage {

    @Override
    public boolean exists(ImageRecord image) {
        return localFile(image).map(Files::isRegularFile).orElse(false);
    }

    @Override
    public InputStream open(ImageRecord image) throws IOException {
        return Files.newInputStream(localFile(image).orElseThrow(() -> new IOException("not a local file: " + image.location())));
    }

    @Override
    public Optional<Path> localFile(ImageRecord image) {
        Path path = Path.of(image.location());
        return path.isAbsolute() ? Optional.of(path) : Optional.empty();
    }
}
