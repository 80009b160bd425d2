package org.imageorganizer.model;

import java.nio.file.Path;

/**
 * A file that could not be imported, with a sentence a user understands.
 *
 * @param path   the file
 * @param reason why it was refused, for example "not an image (the content is plain text)"
 */
public record FileFailure(Path path, String reason) {
}
