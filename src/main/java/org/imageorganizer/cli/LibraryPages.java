package org.imageorganizer.cli;

import java.util.List;
import java.util.function.Consumer;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.store.Library;

/** Walks all images of a library in id order, a page at a time, so large libraries stay cheap. */
final class LibraryPages {
    private static final int PAGE = 500;

    private LibraryPages() {
    }

    static void forEach(Library library, Consumer<ImageRecord> action) {
        for (int offset = 0; ; offset += PAGE) {
            List<ImageRecord> page = library.images().list(offset, PAGE);
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
        }
    }
}
