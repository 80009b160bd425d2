package org.imageorganizer.model;

import java.nio.file.Path;

/**
 * A file an import added to the library.
 *
 * @param path the file
 * @param id   the new image's id
 */
public record ImportedFile(Path path, long id) {
}
