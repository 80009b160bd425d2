package org.imageorganizer.ml.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.codec.digest.DigestUtils;

/** Hex SHA-256 of files and bytes. */
final class Sha256 {
    private Sha256() {
    }

    static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return DigestUtils.sha256Hex(in);
        }
    }

    static String of(byte[] bytes) {
        return DigestUtils.sha256Hex(bytes);
    }
}
