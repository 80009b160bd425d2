package org.imageorganizer.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.SubCluster;
import org.junit.jupiter.api.Test;

/** The tree All photos → object → background → sub-cluster, built from a snapshot of the library. */
class LibraryTreeBuilderTest {
    private static final GroupKey DOG_BEACH = new GroupKey("dog", "beach");
    private static final GroupKey DOG_INDOOR = new GroupKey("dog", "indoor");
    private static final GroupKey CAT_INDOOR = new GroupKey("cat", "indoor");
    private static final GroupKey RETRIEVER_PARK = new GroupKey("golden retriever", "park");

    /** dog 4 (beach 3, indoor 1), cat 2 (indoor), golden retriever 2 (park). */
    private static Map<GroupKey, List<Long>> membership() {
        Map<GroupKey, List<Long>> m = new LinkedHashMap<>();
        m.put(CAT_INDOOR, List.of(5L, 6L));
        m.put(DOG_INDOOR, List.of(4L));
        m.put(RETRIEVER_PARK, List.of(7L, 8L));
        m.put(DOG_BEACH, List.of(1L, 2L, 3L));
        return m;
    }

    private static LibrarySnapshot snapshot(Map<GroupKey, List<Long>> membership, ObjectGroup... clusters) {
        return new LibrarySnapshot(membership, new OrganizedTree(1, false, List.of(clusters)));
    }

    private static List<String> rows(NodeTree tree) {
        return tree.children().stream().map(n -> n.node().toString()).toList();
    }

    private static NodeTree child(NodeTree tree, String label) {
        return tree.children().stream().filter(n -> n.node().label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void emptyLibraryIsJustTheRoot() {
        NodeTree tree = LibraryTreeBuilder.build(LibrarySnapshot.EMPTY, "");

        assertThat(tree.node().level()).isEqualTo(TreeNode.Level.ALL);
        assertThat(tree.node().label()).isEqualTo("All photos");
        assertThat(tree.node().count()).isZero();
        assertThat(tree.children()).isEmpty();
    }

    @Test
    void countsAtEveryLevel() {
        NodeTree tree = LibraryTreeBuilder.build(snapshot(membership()), "");

        assertThat(tree.node().toString()).isEqualTo("All photos (8)");
        assertThat(rows(tree)).containsExactly("Dog (4)", "Cat (2)", "Golden retriever (2)");
        NodeTree dog = child(tree, "Dog");
        assertThat(rows(dog)).containsExactly("Beach (3)", "Indoor (1)");
        assertThat(dog.node().imageIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(dog.node().object()).isEqualTo("dog");
        assertThat(dog.node().background()).isNull();
        NodeTree beach = child(dog, "Beach");
        assertThat(beach.node().level()).isEqualTo(TreeNode.Level.BACKGROUND);
        assertThat(beach.node().object()).isEqualTo("dog");
        assertThat(beach.node().background()).isEqualTo("beach");
        assertThat(beach.node().imageIds()).containsExactly(1L, 2L, 3L);
        assertThat(beach.children()).isEmpty();
    }

    @Test
    void largestFirstThenByName() {
        Map<GroupKey, List<Long>> m = new LinkedHashMap<>();
        m.put(new GroupKey("zebra", "savanna"), List.of(1L, 2L));
        m.put(new GroupKey("ant", "grass"), List.of(3L, 4L));
        m.put(new GroupKey("mole", "grass"), List.of(5L, 6L, 7L));
        m.put(new GroupKey("ant", "sand"), List.of(8L));
        m.put(new GroupKey("ant", "rock"), List.of(9L));

        NodeTree tree = LibraryTreeBuilder.build(snapshot(m), "");

        assertThat(rows(tree)).containsExactly("Ant (4)", "Mole (3)", "Zebra (2)");
        assertThat(rows(child(tree, "Ant"))).containsExactly("Grass (2)", "Rock (1)", "Sand (1)");
    }

    @Test
    void allPhotosAreNewestFirst() {
        NodeTree tree = LibraryTreeBuilder.build(snapshot(membership()), "");

        assertThat(tree.node().imageIds()).containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void filterOnAnObjectKeepsAllItsBackgrounds() {
        NodeTree tree = LibraryTreeBuilder.build(snapshot(membership()), "DOG");

        assertThat(rows(tree)).containsExactly("Dog (4)");
        assertThat(rows(child(tree, "Dog"))).containsExactly("Beach (3)", "Indoor (1)");
        assertThat(tree.node().count()).isEqualTo(4);
    }

    @Test
    void filterOnABackgroundKeepsOnlyThatBackground() {
        NodeTree tree = LibraryTreeBuilder.build(snapshot(membership()), "  Indoor ");

        assertThat(rows(tree)).containsExactly("Cat (2)", "Dog (1)");
        assertThat(rows(child(tree, "Dog"))).containsExactly("Indoor (1)");
        assertThat(tree.node().imageIds()).containsExactly(6L, 5L, 4L);
    }

    @Test
    void filterMatchesPartOfAName() {
        NodeTree tree = LibraryTreeBuilder.build(snapshot(membership()), "retr");

        assertThat(rows(tree)).containsExactly("Golden retriever (2)");
    }

    @Test
    void filterThatMatchesNothingLeavesAnEmptyRoot() {
        NodeTree tree = LibraryTreeBuilder.build(snapshot(membership()), "volcano");

        assertThat(tree.node().label()).isEqualTo("All photos");
        assertThat(tree.node().count()).isZero();
        assertThat(tree.children()).isEmpty();
    }

    @Test
    void blankOrNullFilterShowsEverything() {
        assertThat(rows(LibraryTreeBuilder.build(snapshot(membership()), null))).hasSize(3);
        assertThat(rows(LibraryTreeBuilder.build(snapshot(membership()), "   "))).hasSize(3);
    }

    @Test
    void clustersAreShownWhenComputedForTheGroupsCurrentImages() {
        ObjectGroup dog = new ObjectGroup("dog", 4, List.of(
                new BackgroundGroup("beach", List.of(3L, 1L, 2L), List.of(   // same ids, another order
                        new SubCluster(SubCluster.NOISE_ID, true, List.of(3L)),
                        new SubCluster(0, false, List.of(1L)),
                        new SubCluster(1, false, List.of(2L))))));

        NodeTree beach = child(child(LibraryTreeBuilder.build(snapshot(membership(), dog), ""), "Dog"), "Beach");

        assertThat(rows(beach)).containsExactly("Cluster 1 (1)", "Cluster 2 (1)", "Ungrouped (1)");
        TreeNode noise = beach.children().get(2).node();
        assertThat(noise.level()).isEqualTo(TreeNode.Level.CLUSTER);
        assertThat(noise.clusterId()).isEqualTo(SubCluster.NOISE_ID);
        assertThat(noise.object()).isEqualTo("dog");
        assertThat(noise.background()).isEqualTo("beach");
        assertThat(noise.imageIds()).containsExactly(3L);
        TreeNode second = beach.children().get(1).node();
        assertThat(second.clusterId()).isEqualTo(1);
        assertThat(second.imageIds()).containsExactly(2L);
    }

    @Test
    void aNamedClusterShowsItsNameAndTheOthersTheirStableNumber() {
        ObjectGroup dog = new ObjectGroup("dog", 3, List.of(
                new BackgroundGroup("beach", List.of(1L, 2L, 3L), List.of(
                        new SubCluster(0, false, false, List.of(1L), "k0", null, 1L),
                        new SubCluster(3, false, false, List.of(2L), "k3", "Ski trip", 2L),
                        new SubCluster(SubCluster.NOISE_ID, true, List.of(3L))))));

        NodeTree beach = child(child(LibraryTreeBuilder.build(snapshot(membership(), dog), ""), "Dog"), "Beach");

        assertThat(rows(beach)).containsExactly("Cluster 1 (1)", "Ski trip (1)", "Ungrouped (1)");
        assertThat(beach.children().get(1).node().clusterId()).isEqualTo(3);
    }

    @Test
    void anUnnamedClusterShowsTheNameSuggestedForItMarkedAsASuggestion() {
        ObjectGroup dog = new ObjectGroup("dog", 3, List.of(
                new BackgroundGroup("beach", List.of(1L, 2L, 3L), List.of(
                        new SubCluster(0, false, false, List.of(1L), "k0", null, 1L, "sand castle"),
                        new SubCluster(3, false, false, List.of(2L), "k3", "Ski trip", 2L, "snow"),
                        new SubCluster(4, false, false, List.of(3L), "k4", null, 3L, null)))));

        NodeTree beach = child(child(LibraryTreeBuilder.build(snapshot(membership(), dog), ""), "Dog"), "Beach");

        assertThat(rows(beach)).containsExactly("Sand castle (suggested) (1)", "Ski trip (1)", "Cluster 5 (1)");
    }

    @Test
    void eachRowHasItsCoverPhotoAClusterItsOwnAGroupItsLargestClustersAndACategoryItsLargestGroups() {
        ObjectGroup dog = new ObjectGroup("dog", 5, List.of(
                new BackgroundGroup("beach", List.of(1L, 2L, 3L), List.of(
                        new SubCluster(0, false, false, List.of(1L, 2L), "k0", null, 2L),
                        new SubCluster(1, false, false, List.of(3L), "k1", null, 3L))),
                new BackgroundGroup("snow", List.of(4L, 5L), List.of(
                        new SubCluster(0, false, false, List.of(4L, 5L), "k2", null, 5L)))));

        Map<GroupKey, List<Long>> members = new LinkedHashMap<>();
        members.put(DOG_BEACH, List.of(1L, 2L, 3L));
        members.put(new GroupKey("dog", "snow"), List.of(4L, 5L));
        NodeTree tree = LibraryTreeBuilder.build(snapshot(members, dog), "");
        NodeTree object = child(tree, "Dog");
        NodeTree beach = child(object, "Beach");

        assertThat(object.node().coverImageId()).isEqualTo(2L);
        assertThat(beach.node().coverImageId()).isEqualTo(2L);
        assertThat(child(object, "Snow").node().coverImageId()).isEqualTo(5L);
        assertThat(beach.children()).extracting(n -> n.node().coverImageId()).containsExactly(2L, 3L);
        assertThat(tree.node().coverImageId()).as("All photos has none").isNull();
    }

    @Test
    void clustersComputedForOtherImagesAreNotShown() {
        // computed before image 3 arrived: the group waits for the next clustering
        ObjectGroup dog = new ObjectGroup("dog", 2, List.of(
                new BackgroundGroup("beach", List.of(1L, 2L), List.of(new SubCluster(0, false, List.of(1L, 2L))))));

        NodeTree tree = LibraryTreeBuilder.build(snapshot(membership(), dog), "");

        assertThat(child(child(tree, "Dog"), "Beach").children()).isEmpty();
        assertThat(child(child(tree, "Dog"), "Beach").node().count()).isEqualTo(3);
    }

    @Test
    void aGroupWithImagesWaitingForTheClusteringShowsNoClusterRowsYet() {
        // the tree holds every image now: image 3 arrived after the clustering and waits in the pending entry
        ObjectGroup dog = new ObjectGroup("dog", 3, List.of(
                new BackgroundGroup("beach", List.of(1L, 2L, 3L), List.of(new SubCluster(0, false, List.of(1L, 2L)),
                        SubCluster.pending(List.of(3L))))));

        NodeTree tree = LibraryTreeBuilder.build(snapshot(membership(), dog), "");

        assertThat(child(child(tree, "Dog"), "Beach").children()).isEmpty();
        assertThat(child(child(tree, "Dog"), "Beach").node().count()).isEqualTo(3);
    }

    @Test
    void clustersOfGroupsNoLongerInTheLibraryAreIgnored() {
        ObjectGroup horse = new ObjectGroup("horse", 1, List.of(
                new BackgroundGroup("field", List.of(99L), List.of(new SubCluster(0, false, List.of(99L))))));

        NodeTree tree = LibraryTreeBuilder.build(snapshot(membership(), horse), "");

        assertThat(rows(tree)).doesNotContain("Horse (1)");
        assertThat(tree.node().imageIds()).doesNotContain(99L);
    }

    @Test
    void clustersStayUnderAFilteredBackground() {
        ObjectGroup cat = new ObjectGroup("cat", 2, List.of(
                new BackgroundGroup("indoor", List.of(5L, 6L), List.of(new SubCluster(0, false, List.of(5L, 6L))))));

        NodeTree tree = LibraryTreeBuilder.build(snapshot(membership(), cat), "indoor");

        assertThat(rows(child(child(tree, "Cat"), "Indoor"))).containsExactly("Cluster 1 (2)");
    }

    @Test
    void displayNamesStartWithACapital() {
        assertThat(LibraryTreeBuilder.display("golden retriever")).isEqualTo("Golden retriever");
        assertThat(LibraryTreeBuilder.display("")).isEmpty();
        assertThat(LibraryTreeBuilder.display("élan")).isEqualTo("Élan");
    }
}
