package org.imageorganizer.ui.sorting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.library.TreeNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ui")
class ClusterRenamingTest {
    private final Notices notices = new Notices();
    private final AtomicInteger refreshed = new AtomicInteger();
    private final RecordingClusterNaming naming = new RecordingClusterNaming();
    private final List<String> named = naming.named;
    private final ClusterRenaming renaming = new ClusterRenaming(naming, new SameThreadTaskExecutor(), notices,
            refreshed::incrementAndGet);

    private static TreeNode cluster(int id, String label) {
        return new TreeNode(TreeNode.Level.CLUSTER, label, "dog", "beach", id, List.of(1L, 2L));
    }

    @Test
    void aNameIsSavedStrippedAndEmptyClearsIt() {
        renaming.rename(cluster(2, "Cluster 3"), "  Ski trip ");
        renaming.rename(cluster(2, "Ski trip"), "");
        assertThat(named).containsExactly("dog/beach/2=Ski trip", "dog/beach/2=null");
        assertThat(refreshed).hasValue(2);
    }

    @Test
    void theNameShownAlreadyAndUngroupedChangeNothing() {
        renaming.rename(cluster(0, "Cluster 1"), "Cluster 1");
        TreeNode ungrouped = new TreeNode(TreeNode.Level.CLUSTER, "Ungrouped", "dog", "beach", -1, List.of(3L));
        renaming.rename(ungrouped, "Odd ones");
        assertThat(ClusterRenaming.canRename(ungrouped)).isFalse();
        assertThat(ClusterRenaming.canRename(cluster(0, "Cluster 1"))).isTrue();
        assertThat(named).isEmpty();
        assertThat(refreshed).hasValue(0);
    }

    @Test
    void aNameThatIsNotAllowedIsASentenceOnTheNoticeLine() {
        renaming.rename(cluster(1, "Cluster 2"), "a\tb");
        assertThat(notices.messageProperty().get()).startsWith("The group could not be renamed: A cluster's name cannot hold");
        assertThat(refreshed).hasValue(0);
    }
}
