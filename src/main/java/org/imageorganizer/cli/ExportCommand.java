package org.imageorganizer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.SubCluster;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.services.OpenedLibrary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export DIR}: writes the tree as real folders (object/background/cluster-N, "ungrouped"
 * for noise) of symbolic links or copies. Originals are only read, never moved or changed.
 */
@Command(name = ExportCommand.NAME, mixinStandardHelpOptions = true,
        description = "Write the tree as folders object/background/cluster-N of links (default) or copies of your photos.")
final class ExportCommand implements Callable<Integer> {
    static final String NAME = "export";

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write (created if missing; must be empty unless --force).")
    Path target;

    @Mixin
    LibraryOption library;

    @Mixin
    ClusteringOptions clustering;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--link", description = "Create symbolic links to the originals (default).")
        boolean link;

        @Option(names = "--copy", description = "Copy the files.")
        boolean copy;
    }

    @Option(names = "--dry-run", description = "Print what would be written, write nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Write into a folder that is not empty (existing files are never overwritten).")
    boolean force;

    ExportCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = target.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new UserException(root + " exists and is not a folder.");
        }
        if (!force && Files.isDirectory(root) && !isEmpty(root)) {
            throw new UserException(root + " is not empty; choose an empty folder or add --force.");
        }
        try (OpenedLibrary lib = services.readLibrary(library.location(), clustering.resolve(services))) {
            OrganizedTree tree = lib.queries().sortedTree();
            Map<Long, Path> files = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            ImageFiles storage = lib.files();
            lib.queries().forEachImage(r -> storage.localFile(r).filter(Files::isRegularFile).ifPresent(file -> {
                files.put(r.id(), file);
                names.put(r.id(), r.fileName());
            }));
            Map<Long, List<String>> places = lib.severalPlaces();
            int written = 0;
            int skipped = 0;
            for (ObjectGroup object : tree.objects()) {
                for (BackgroundGroup background : object.subgroups()) {
                    for (SubCluster cluster : background.clusters()) {
                        Path folder = root.resolve(FolderNames.safe(object.objectCategory()))
                                .resolve(FolderNames.safe(background.backgroundCategory()))
                                .resolve(cluster.pending() ? "sorting" : cluster.noise() ? "ungrouped" : "cluster-" + cluster.clusterId());
                        int[] counts = exportCluster(folder, cluster.imageIds(), files, names, places, out);
                        written += counts[0];
                        skipped += counts[1];
                    }
                }
            }
            out.printf("%s %d files into %s%s.%n", dryRun ? "Would write" : "Wrote", written, root,
                    skipped > 0 ? " (" + skipped + " skipped: original missing or not a local file)" : "");
            long inSeveral = files.keySet().stream().filter(places::containsKey).count();
            if (inSeveral > 0) {
                out.printf("%d %s in several places on disk; each is written once, from the place shown"
                        + " (`duplicates --exact-only` lists every place).%n", inSeveral, inSeveral == 1 ? "photo is" : "photos are");
            }
            out.flush();
            return 0;
        }
    }

    private int[] exportCluster(Path folder, List<Long> ids, Map<Long, Path> files, Map<Long, String> names,
            Map<Long, List<String>> places, PrintWriter out) throws IOException {
        int written = 0;
        int skipped = 0;
        Set<String> used = new HashSet<>();
        for (Long id : ids) {
            Path source = files.get(id);
            if (source == null) {
                skipped++;
                continue;
            }
            String name = FolderNames.uniqueFileName(names.get(id), id, used);
            Path destination = folder.resolve(name);
            if (dryRun) {
                List<String> all = places.get(id);
                out.println((mode.copy ? "copy " : "link ") + source + " -> " + destination
                        + (all == null ? "" : "  (the same photo is in " + all.size() + " places)"));
                written++;
                continue;
            }
            Files.createDirectories(folder);
            try {
                if (mode.copy) {
                    Files.copy(source, destination);
                } else {
                    createLink(destination, source);
                }
                written++;
            } catch (FileAlreadyExistsException e) {
                skipped++;
            }
        }
        return new int[] {written, skipped};
    }

    private static void createLink(Path link, Path source) throws IOException {
        try {
            Files.createSymbolicLink(link, source);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            if (e instanceof FileAlreadyExistsException already) {
                throw already;
            }
            throw new UserException("This system does not allow symbolic links here (" + e.getMessage()
                    + "); use --copy instead.");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }
}
