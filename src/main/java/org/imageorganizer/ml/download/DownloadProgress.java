package org.imageorganizer.ml.download;

/** Told how far a model download is; called often, from the downloading thread. */
@FunctionalInterface
public interface DownloadProgress {
    /** Does nothing. */
    DownloadProgress NONE = (fileName, bytesDone, bytesTotal) -> { };

    /**
     * @param fileName   the file being downloaded (its remote name, e.g. {@code clip.zip})
     * @param bytesDone  bytes of this file on disk so far, resumed bytes included
     * @param bytesTotal the file's size, or -1 when neither the server nor the source knows it
     */
    void update(String fileName, long bytesDone, long bytesTotal);
}
