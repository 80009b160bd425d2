package org.imageorganizer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.services.OpenedLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code name-cluster OBJECT BACKGROUND CLUSTER_ID NAME} (or {@code --clear}): names a cluster as {@code tree}
 * shows it. The clusters are brought up to date first, so the number is the one {@code tree} prints now; the
 * name then stays with the cluster when photos are added or the library is sorted again (ADR 0043).
 */
@Command(name = NameClusterCommand.NAME, mixinStandardHelpOptions = true,
        description = "Name a cluster (as the tree shows it), or clear its name with --clear.")
final class NameClusterCommand implements Callable<Integer> {
    static final String NAME = "name-cluster";

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Mixin
    ClusteringOptions clustering;

    @Parameters(index = "0", paramLabel = "OBJECT", description = "The object category of the cluster's group.")
    String object;

    @Parameters(index = "1", paramLabel = "BACKGROUND", description = "The background category of the cluster's group.")
    String background;

    @Parameters(index = "2", paramLabel = "CLUSTER_ID", description = "The cluster's number in its group, as tree shows it.")
    int clusterId;

    @Parameters(index = "3", paramLabel = "NAME", arity = "0..1", description = "The name, e.g. \"Ski trip\".")
    String name;

    @Option(names = "--clear", description = "Remove the cluster's name.")
    boolean clear;

    NameClusterCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (clear == (name != null)) {
            throw new UserException(clear ? "Give a NAME or --clear, not both." : "Give the cluster's NAME, or --clear.");
        }
        if (clusterId < 0) {
            throw new UserException("The ungrouped photos are not a cluster and cannot be named; give a cluster's number"
                    + " (0 or more).");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (OpenedLibrary lib = services.openLibrary(library.location(), clustering.resolve(services))) {
            lib.queries().sortedTree(); // the numbers as tree shows them now
            ClusterIdentity named = lib.clusterNaming().name(new GroupKey(object, background), clusterId, name);
            String cluster = "Cluster " + clusterId + " of " + object + " / " + background;
            out.println(named.name() == null ? cluster + " has no name now."
                    : cluster + " is now named \"" + named.name() + "\".");
            out.flush();
            return 0;
        }
    }
}
