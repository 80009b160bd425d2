package org.imageorganizer.services;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.TakenRange;

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
    default List<ImageRecord> newest(String object, String background, int offset, int limit) {
        return newest(object, background, TakenRange.ANY, offset, limit);
    }

    /**
     * A page of images taken in a range, newest first.
     *
     * @param object     only this object label, or null for all
     * @param background only this background label, or null for all
     * @param taken      only photos taken in this range ({@link TakenRange#ANY} for all, dated or not)
     */
    List<ImageRecord> newest(String object, String background, TakenRange taken, int offset, int limit);

    /**
     * A page of the library as the front ends list it: newest first, with the total and where the
     * next page starts (null on the last page).
     *
     * @param object     only this object label, or null for all
     * @param background only this background label, or null for all
     */
    default LibraryPage page(String object, String background, int offset, int limit) {
        return page(object, background, TakenRange.ANY, offset, limit);
    }

    /** As {@link #page(String, String, int, int)}, only the photos taken in a range. */
    default LibraryPage page(String object, String background, TakenRange taken, int offset, int limit) {
        List<ImageRecord> images = newest(object, background, taken, offset, limit);
        long total = count(object, background, taken);
        long next = (long) offset + images.size();
        return new LibraryPage(images, total, offset, limit,
                !images.isEmpty() && next < total ? Integer.valueOf((int) next) : null);
    }

    /**
     * The ids of the photos taken in a range, ascending (for filters the search index does not hold). This default
     * reads every image; implementations on a database ask it.
     */
    default long[] idsTaken(TakenRange taken) {
        java.util.stream.LongStream.Builder ids = java.util.stream.LongStream.builder();
        forEachImage(image -> {
            if (taken.contains(image.metadata())) {
                ids.add(image.id());
            }
        });
        return ids.build().sorted().toArray();
    }

    /** How many images the library holds. */
    long count();

    /** How many images match the labels (null for any). */
    default long count(String object, String background) {
        return count(object, background, TakenRange.ANY);
    }

    /** How many images match the labels (null for any) and were taken in the range. */
    long count(String object, String background, TakenRange taken);

    /** One image, or empty when there is none with this id. */
    Optional<ImageRecord> image(long id);

    /** Every image, a page at a time, in id order (memory stays flat whatever the library's size). */
    void forEachImage(Consumer<ImageRecord> action);
}
