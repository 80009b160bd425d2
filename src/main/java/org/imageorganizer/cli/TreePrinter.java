package org.imageorganizer.cli;

import java.io.PrintWriter;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.SubCluster;

/** Prints the object → background → cluster tree with image counts. */
final class TreePrinter {
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
        return cluster.noise() ? "unclustered" : "cluster " + cluster.clusterId();
    }
}
