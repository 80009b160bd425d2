package org.imageorganizer.ui.duplicates;

import java.util.List;

/** The Duplicates view's questions before it acts; the view model writes every sentence. UI thread. */
public interface DuplicatesPrompts {

    /**
     * Asks before removing photos from the library.
     *
     * @param header the question ("Keep “a.jpg” and remove 3 photos from the library?")
     * @param text   exactly what happens ("3 photos will be removed from the library. Their files stay on disk.")
     * @param action the confirming button's text
     */
    boolean confirmRemove(String header, String text, String action);

    /**
     * Asks before moving files to the trash, listing every one.
     *
     * @param files every path that will go to the trash
     */
    boolean confirmTrash(String header, String text, List<String> files, String action);
}
