package org.imageorganizer.cli;

import java.io.PrintWriter;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.SubCluster;

/** Prints the object → background → cluster tree with image counts. */
final class TreePrinter {
    /** The photos no cluster took (not "Other", the category of unsure labels). */
    static final String UNGROUPED = "Ungrouped";

    private TreePrinter() {
    }

    static void print(OrganizedTree tree, PrintWriter out) {
        if (tree.objects().isEmpty()) {
            out.println("The library is empty.");
            return;
        }
        out.printf("%d images in %d object groups%s%n", tree.totalImages(), tree.objects().size(),
                tree.stale() ? " (clusters are being updated)" : "");
        for (ObjectGroup object : tree.objects()) {
            out.printf("%s (%d)%n", object.objectCategory(), object.totalImages());
            for (BackgroundGroup background : object.subgroups()) {
                out.printf("  %s (%d)%n", background.backgroundCategory(), background.imageIds().size());
                for (SubCluster cluster : background.clusters()) {
                    out.printf("    %s (%d)%n", clusterName(cluster), cluster.imageIds().size());
                }
            }
        }
        out.flush();
    }

    static String clusterName(SubCluster cluster) {
        if (cluster.pending()) {
            return "sorting…";
        }
        String label = clusterLabel(cluster.clusterId(), cluster.name());
        return cluster.name() == null && cluster.suggestedName() != null
                ? label + " (suggested: " + cluster.suggestedName() + ")" : label;
    }

    /**
     * How the command line shows a cluster: {@code cluster 2}, {@code cluster 2 "Ski trip"} once named, and the
     * photos no cluster took as {@code Ungrouped}.
     *
     * @param clusterId the cluster's number, negative for the noise
     * @param name      the user's name for it, or null
     */
    static String clusterLabel(int clusterId, String name) {
        if (clusterId < 0) {
            return UNGROUPED;
        }
        return name == null ? "cluster " + clusterId : "cluster " + clusterId + " \"" + name + "\"";
    }
}
