package org.imageorganizer.ui.library;

import java.util.List;

/**
 * One row of the library tree.
 *
 * @param level      what the row stands for
 * @param label      the text shown
 * @param object     the object label (null for the root)
 * @param background the background label (null above that level)
 * @param clusterId  the sub-cluster id (only for clusters; -1 for the ungrouped images)
 * @param imageIds   the images under the row
 * @param coverImageId the row's cover photo (a cluster's: nearest its centre; a group's: its largest cluster's), or null
 */
public record TreeNode(Level level, String label, String object, String background, int clusterId, List<Long> imageIds,
        Long coverImageId) {
    public enum Level { ALL, OBJECT, BACKGROUND, CLUSTER }

    public TreeNode {
        imageIds = List.copyOf(imageIds);
    }

    /** A row without a cover photo. */
    public TreeNode(Level level, String label, String object, String background, int clusterId, List<Long> imageIds) {
        this(level, label, object, background, clusterId, imageIds, null);
    }

    public int count() {
        return imageIds.size();
    }

    @Override
    public String toString() {
        return label + " (" + count() + ")";
    }
}
