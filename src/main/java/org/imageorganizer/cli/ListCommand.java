package org.imageorganizer.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imageorganizer.model.PhotoMetadata;
import org.imageorganizer.model.SubCluster;
import org.imageorganizer.model.TakenRange;
import org.imageorganizer.services.OpenedLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code list}: the images with id, labels, cluster, date taken and path. */
@Command(name = ListCommand.NAME, mixinStandardHelpOptions = true,
        description = {"List the images with their id, labels, cluster, date taken and path.",
            "TAKEN is when the photo was taken by its own clock; ~ marks the file's time, for a photo that does not say."})
final class ListCommand implements Callable<Integer> {
    static final String NAME = "list";

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Mixin
    ClusteringOptions clustering;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "id", description = "id (the order photos were"
            + " added, default) or taken (newest taken first; photos without a date last).")
    String sort;

    @Mixin
    TakenOptions taken = new TakenOptions();

    ListCommand(CliServices services) {
        this.services = services;
    }

    /** One row of the listing. */
    record Row(@JsonProperty("id") long id,
               @JsonProperty("path") String path,
               @JsonProperty("object_category") String object,
               @JsonProperty("object_confidence") double objectConfidence,
               @JsonProperty("background_category") String background,
               @JsonProperty("background_confidence") double backgroundConfidence,
               @JsonProperty("cluster_id") Integer clusterId,
               @JsonProperty("cluster_name") String clusterName,
               @JsonProperty("width") int width,
               @JsonProperty("height") int height,
               @JsonProperty("format") String format,
               @JsonProperty("object_by_user") boolean objectByUser,
               @JsonProperty("background_by_user") boolean backgroundByUser,
               @JsonProperty("taken_at") @JsonInclude(JsonInclude.Include.ALWAYS) String takenAt,
               @JsonProperty("taken_at_source") String takenAtSource,
               @JsonProperty("camera") String camera,
               @JsonIgnore PhotoMetadata metadata) {
    }

    /** Newest taken first, then photos without a date; ties (and the undated) in the order they were added. */
    static final Comparator<Row> BY_TAKEN = Comparator
            .comparing((Row r) -> r.metadata().taken(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingLong(Row::id);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!sort.equals("id") && !sort.equals("taken")) {
            throw new UserException("--sort must be id or taken, not \"" + sort + "\".");
        }
        TakenRange range = taken.range();
        try (OpenedLibrary lib = services.readLibrary(library.location(), clustering.resolve(services))) {
            Map<Long, SubCluster> clusters = ImageLocator.clusterOf(lib.queries().sortedTree());
            List<Row> rows = new ArrayList<>();
            lib.queries().forEachImage(r -> {
                if (!range.contains(r.metadata())) {
                    return;
                }
                SubCluster c = clusters.get(r.id());
                rows.add(new Row(r.id(), r.location(), r.classification().object().name(),
                        r.classification().object().confidence(), r.classification().background().name(),
                        r.classification().background().confidence(), c == null ? null : c.clusterId(),
                        c == null ? null : c.name(),
                        r.width(), r.height(), r.format(), r.classification().object().byUser(),
                        r.classification().background().byUser(), r.metadata().takenIso(), r.metadata().takenSourceCode(),
                        r.metadata().camera(), r.metadata()));
            });
            if (sort.equals("taken")) {
                rows.sort(BY_TAKEN);
            }
            if (json) {
                out.println(JsonOutput.toString(rows));
            } else {
                ListTable table = ListTable.forDefaultLocale();
                out.print(table.header());
                for (Row row : rows) {
                    out.print(table.line(row));
                }
            }
            out.flush();
            return 0;
        }
    }
}
