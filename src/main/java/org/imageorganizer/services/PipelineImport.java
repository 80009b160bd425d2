package org.imageorganizer.services;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.imageorganizer.importer.ImportSession;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;

/** {@link FolderImportSession} as the importer's pipeline and the model it holds. */
public final class PipelineImport implements FolderImportSession {
    private final ImportSession session;

    public PipelineImport(ImportSession session) {
        this.session = session;
    }

    @Override
    public ImportSummary organize(List<Path> roots, ImportListener listener, BooleanSupplier cancelled) {
        return session.pipeline().run(roots, listener, cancelled);
    }

    @Override
    public void close() {
        session.close();
    }
}
