package org.imageorganizer.ml;

import java.nio.file.Path;

/** The tiny CLIP-shaped test model shipped in the test resources. */
public final class TinyModel {
    public static final Path DIR = Path.of("src/test/resources/models/tiny-clip");

    private TinyModel() {
    }

    public static DjlClipModel load() {
        return DjlClipModel.load(ModelFolder.open(DIR));
    }
}
