package org.imageorganizer.services;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/** Getting a CLIP model onto this computer the first time. */
public interface ModelSetup {

    /** Whether a model is in place (cheap: looks for the folder, loads nothing). */
    boolean modelAvailable();

    /** Downloads the standard CLIP model (slow), reporting progress in 0..1 (negative when the size is unknown). */
    void download(DoubleConsumer progress) throws Exception;

    /** Checks and adopts a model folder the user chose; throws with a sentence when it is unusable. */
    void useFolder(Path folder);
}
