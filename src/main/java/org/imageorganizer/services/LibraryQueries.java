package org.imageorganizer.services;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.OrganizedTree;

/**
 * What the library holds, as every front end shows it: the object → background → sub-cluster tree,
 * pages of images and single images. Reads only; safe from any thread. Implementations may block on
 * the database: not for the FX thread.
 */
public interface LibraryQueries {

    /**
     * The tree as last sorted; images added since are in it marked pending ({@code cluster_id} null).
     * Never waits for clustering.
     */
    OrganizedTree tree();

    /** The tree with every change so far sorted in: waits for clustering (the command line's tree, list, export). */
    OrganizedTree sortedTree();

    /** The ids of the images in each object → background group. */
    Map<GroupKey, List<Long>> groupMembership();

    /** The images with these ids that still exist, in no particular order. */
    List<ImageRecord> imagesByIds(Collection<Long> ids);

    /**
     * A page of images, newest first.
     *
     * @param object     only this object label, or null for all
     * @param background only this background label, or null for all
     */
    List<ImageRecord> newest(String object, String background, int offset, int limit);

    /**
     * A page of the library as the front ends list it: newest first, with the total and where the
     * next page starts (null on the last page).
     *
     * @param object     only this object label, or null for all
     * @param background only this background label, or null for all
     */
    default LibraryPage page(String object, String background, int offset, int limit) {
        List<ImageRecord> images = newest(object, background, offset, limit);
        long total = count(object, background);
        long next = (long) offset + images.size();
        return new LibraryPage(images, total, offset, limit,
                !images.isEmpty() && next < total ? Integer.valueOf((int) next) : null);
    }

    /** How many images the library holds. */
    long count();

    /** How many images match the labels (null for any). */
    long count(String object, String background);

    /** One image, or empty when there is none with this id. */
    Optional<ImageRecord> image(long id);

    /** Every image, a page at a time, in id order (memory stays flat whatever the library's size). */
    void forEachImage(Consumer<ImageRecord> action);
}
