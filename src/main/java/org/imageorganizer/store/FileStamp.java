package org.imageorganizer.store;

import java.util.Objects;

/**
 * What an import sees of a file without reading it: where it is, its size and its modification time.
 *
 * @param location      the file's absolute path, as the library records an indexed image's location
 * @param byteSize      its size in bytes
 * @param modifiedNanos its modification time, nanoseconds since the epoch
 */
public record FileStamp(String location, long byteSize, long modifiedNanos) {
    public FileStamp {
        Objects.requireNonNull(location, "location");
    }
}
