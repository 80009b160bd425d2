package org.imageorganizer.services;

import java.io.IOException;

/** An image's stored bytes can be read but no longer decoded (damaged, or a format no longer supported). */
public final class UndecodableImageException extends IOException {
    private static final long serialVersionUID = 1L;

    public UndecodableImageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
