package org.imageorganizer.ui.library;

import java.util.List;
import java.util.Map;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.OrganizedTree;

/**
 * What the tree shows at one moment: the library's current object → background groups (so counts
 * fill in while an import runs) and the last computed sub-clusters.
 */
public record LibrarySnapshot(Map<GroupKey, List<Long>> membership, OrganizedTree clusters) {
    public static final LibrarySnapshot EMPTY = new LibrarySnapshot(Map.of(), new OrganizedTree(0, false, List.of()));
}
