package org.imageorganizer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.services.OpenedLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tree}: print the library's tree without importing. */
@Command(name = TreeCommand.NAME, mixinStandardHelpOptions = true,
        description = "Print the library as object / background / cluster, without importing anything.")
final class TreeCommand implements Callable<Integer> {
    static final String NAME = "tree";

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Mixin
    ClusteringOptions clustering;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the grouped tree as JSON.")
    Path json;

    TreeCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        try (OpenedLibrary lib = services.readLibrary(library.location(), clustering.resolve(services))) {
            OrganizedTree tree = lib.queries().sortedTree();
            TreePrinter.print(tree, spec.commandLine().getOut());
            if (json != null) {
                JsonOutput.write(tree.objects(), json);
            }
            return 0;
        }
    }
}
