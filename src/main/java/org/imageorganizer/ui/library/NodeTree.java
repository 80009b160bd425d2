package org.imageorganizer.ui.library;

import java.util.List;

/** A tree of {@link TreeNode}s, built off the FX thread and turned into TreeItems by the view. */
public record NodeTree(TreeNode node, List<NodeTree> children) {
    public NodeTree {
        children = List.copyOf(children);
    }
}
