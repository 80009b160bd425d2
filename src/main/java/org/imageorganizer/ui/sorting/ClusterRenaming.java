package org.imageorganizer.ui.sorting;

import java.util.Objects;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.services.ClusterNaming;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.library.TreeNode;

/** Names a cluster of the tree as the user typed it: empty clears the name (its number shows again). UI thread. */
public final class ClusterRenaming {
    private final ClusterNaming naming;
    private final TaskExecutor executor;
    private final Notices notices;
    private final Runnable changed;

    /** @param changed told on the UI thread once the name is saved (the tree reads the library again) */
    public ClusterRenaming(ClusterNaming naming, TaskExecutor executor, Notices notices, Runnable changed) {
        this.naming = Objects.requireNonNull(naming, "naming");
        this.executor = executor;
        this.notices = notices;
        this.changed = changed;
    }

    /** Whether the row is a cluster (not "Ungrouped", which has no identity to name). */
    public static boolean canRename(TreeNode row) {
        return row.level() == TreeNode.Level.CLUSTER && row.clusterId() >= 0;
    }

    /** Saves what the user typed for the row's cluster; the text the row shows already changes nothing. */
    public void rename(TreeNode row, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (!canRename(row) || text.equals(row.label())) {
            return;
        }
        String name = text.isEmpty() ? null : text;
        executor.submit(() -> naming.name(new GroupKey(row.object(), row.background()), row.clusterId(), name),
                named -> changed.run(), error -> notices.failed("The group could not be renamed", error));
    }
}
