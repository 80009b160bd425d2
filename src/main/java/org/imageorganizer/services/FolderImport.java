package org.imageorganizer.services;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;

/**
 * Organizes files and folders into the library: walks them, skips what is already there, embeds and
 * classifies the rest, stores each image and tells the clusters. Blocks for the whole import: not for
 * the FX thread. Safe to call again after it returns (the model stays loaded).
 */
public interface FolderImport {

    /**
     * Imports every image under the given files and folders; returns when all are done or, after
     * {@code cancelled} turns true, when the images in flight are finished.
     *
     * @throws org.imageorganizer.model.ModelException when there is no usable model (the front end offers one)
     */
    ImportSummary organize(List<Path> roots, ImportListener listener, BooleanSupplier cancelled);
}
