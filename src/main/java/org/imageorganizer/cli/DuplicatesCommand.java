package org.imageorganizer.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imageorganizer.services.PhotoDuplicates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code duplicates}: the library's stacks of duplicates and near-duplicates, each with the photo to keep. */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = {"List the photos that are in several places, and the same picture kept in several forms "
            + "(resized, converted, rotated, lightly cropped or edited), each stack with the photo to keep.",
            "Nothing is removed: the window and the web page keep one photo of a stack and remove the others."})
final class DuplicatesCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Option(names = "--exact-only", description = "Only photos whose very content is in several places.")
    boolean exactOnly;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    DuplicatesCommand(CliServices services) {
        this.services = services;
    }

    record Photo(@JsonProperty("id") long id, @JsonProperty("path") String path,
            @JsonProperty("places") List<String> places, @JsonProperty("width") int width,
            @JsonProperty("height") int height, @JsonProperty("format") String format,
            @JsonProperty("size") long size, @JsonProperty("reasons") List<String> reasons,
            @JsonProperty("why") String why) {
        static Photo of(PhotoDuplicates.StackedPhoto p) {
            return new Photo(p.image().id(), p.image().location(), p.places(), p.image().width(), p.image().height(),
                    p.image().format(), p.image().byteSize(), p.reasons(), p.why());
        }
    }

    record Stack(@JsonProperty("keeper") Photo keeper, @JsonProperty("others") List<Photo> others) {
    }

    @Override
    public Integer call() {
        try (CliServices.SearchSession session = services.openSearch(library.location(), List.of())) {
            List<PhotoDuplicates.PhotoStack> stacks = session.duplicates().stacks(exactOnly);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonOutput.toString(stacks.stream().map(s -> new Stack(Photo.of(s.keeper()),
                        s.others().stream().map(Photo::of).toList())).toList()));
            } else {
                print(out, stacks);
            }
            out.flush();
            return 0;
        }
    }

    private void print(PrintWriter out, List<PhotoDuplicates.PhotoStack> stacks) {
        if (stacks.isEmpty()) {
            out.println(exactOnly ? "No photo is in several places." : "No duplicates or near-duplicates.");
            return;
        }
        int number = 0;
        for (PhotoDuplicates.PhotoStack stack : stacks) {
            number++;
            out.printf(Locale.ROOT, "Stack %d: %d photo%s%n", number, stack.size(), stack.size() == 1 ? "" : "s");
            photo(out, "keep", stack.keeper());
            for (PhotoDuplicates.StackedPhoto other : stack.others()) {
                photo(out, other.why(), other);
            }
        }
        out.printf(Locale.ROOT, "%d stack%s.%n", stacks.size(), stacks.size() == 1 ? "" : "s");
    }

    private static void photo(PrintWriter out, String role, PhotoDuplicates.StackedPhoto p) {
        out.printf(Locale.ROOT, "  %6d  %dx%d %s, %s  %s  (%s)%n", p.image().id(), p.image().width(), p.image().height(),
                p.image().format(), bytes(p.image().byteSize()), p.image().location(), role);
        for (String place : p.places()) {
            if (!place.equals(p.image().location())) {
                out.printf(Locale.ROOT, "          also at %s%n", place);
            }
        }
    }

    private static String bytes(long size) {
        return size >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", size / 1e6)
                : String.format(Locale.ROOT, "%d KB", Math.max(1, Math.round(size / 1e3)));
    }
}
