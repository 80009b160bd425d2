package org.imageorganizer.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.imageorganizer.services.PhotoSearch;

/** Prints a page of photos found ({@code search}, {@code similar}): a table, or JSON. */
final class FoundPrinter {
    private FoundPrinter() {
    }

    /** One photo found, as JSON. */
    record Found(@JsonProperty("id") long id,
                 @JsonProperty("score") double score,
                 @JsonProperty("path") String path,
                 @JsonProperty("object_category") String object,
                 @JsonProperty("background_category") String background,
                 @JsonProperty("taken_at") @JsonInclude(JsonInclude.Include.ALWAYS) String takenAt) {
        static Found of(PhotoSearch.FoundImage f) {
            return new Found(f.image().id(), Math.round(f.score() * 10_000) / 10_000.0, f.image().location(),
                    f.image().classification().object().name(), f.image().classification().background().name(),
                    f.image().metadata().takenIso());
        }
    }

    /** The whole answer, as JSON. */
    record Answer(@JsonProperty("images") List<Found> images,
                  @JsonProperty("matched") long matched,
                  @JsonProperty("duplicates") List<Found> duplicates,
                  @JsonProperty("suggestions") List<String> suggestions,
                  @JsonProperty("approximate") boolean approximate) {
    }

    /** The most a command lists at once. */
    static final int MAX_LIMIT = 10_000;

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new UserException("--limit must be between 1 and " + MAX_LIMIT + ".");
        }
    }

    static void print(PrintWriter out, PhotoSearch.SearchPage page, boolean json, String nothing) {
        if (json) {
            out.println(JsonOutput.toString(new Answer(page.images().stream().map(Found::of).toList(), page.matched(),
                    page.duplicates().stream().map(Found::of).toList(), page.suggestions(), page.approximate())));
            out.flush();
            return;
        }
        if (page.images().isEmpty()) {
            out.println(nothing + ".");
            if (!page.suggestions().isEmpty()) {
                out.println("The library's categories: " + String.join(", ", page.suggestions()) + ".");
            }
        } else {
            out.printf(Locale.ROOT, "%6s  %6s  %-24s %-24s %-17s %s%n", "ID", "SCORE", "OBJECT", "BACKGROUND", "TAKEN",
                    "PATH");
            for (PhotoSearch.FoundImage f : page.images()) {
                out.printf(Locale.ROOT, "%6d  %6.3f  %-24s %-24s %-17s %s%n", f.image().id(), f.score(),
                        f.image().classification().object().name(), f.image().classification().background().name(),
                        TakenText.of(f.image().metadata()), f.image().location());
            }
        }
        if (!page.duplicates().isEmpty()) {
            out.println("Near-duplicates of this photo (not listed above):");
            for (PhotoSearch.FoundImage f : page.duplicates()) {
                out.printf(Locale.ROOT, "%6d  %s%n", f.image().id(), f.image().location());
            }
        }
        out.flush();
    }
}
