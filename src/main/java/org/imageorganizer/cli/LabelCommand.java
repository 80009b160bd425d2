package org.imageorganizer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.services.LabelCorrecting;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code label ID... --object NAME|--background NAME|--predicted}: the user's category for photos. */
@Command(name = LabelCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Put photos (by id, as list shows them) in a category of your choice, which wins over the model's "
            + "everywhere and survives re-sorting and a second import; or give them the model's category again "
            + "(--predicted, also the way to undo)."})
final class LabelCommand implements Callable<Integer> {
    static final String NAME = "label";
    /** Who the corrections say set them. */
    static final String SET_BY = "command line";

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "The photos' ids.")
    List<Long> ids = new ArrayList<>();

    /** Either categories to set, or the model's again. */
    static final class Choice {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Chosen chosen;

        @Option(names = "--predicted", arity = "0..1", fallbackValue = "both", paramLabel = "KIND",
                description = "Give the photos the model's category again: object, background, or both (the default).")
        String predicted;
    }

    /** The categories to set; at least one. */
    static final class Chosen {
        @Option(names = "--object", paramLabel = "NAME", description = "The object category (see `categories list`).")
        String object;

        @Option(names = "--background", paramLabel = "NAME", description = "The background category.")
        String background;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    LabelCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CliServices.SortingSession session = services.openSorting(library.location(), List.of())) {
            LabelCorrecting corrections = session.corrections();
            try {
                if (choice.predicted != null) {
                    for (CategoryKind kind : predictedKinds(choice.predicted)) {
                        int changed = corrections.correct(ids, kind, null, SET_BY).size();
                        out.printf("Gave %s the model's %s category again.%n", photos(changed), kind.word());
                    }
                } else {
                    set(out, corrections, CategoryKind.OBJECT, choice.chosen.object);
                    set(out, corrections, CategoryKind.BACKGROUND, choice.chosen.background);
                    out.printf("To undo: image-organizer label %s --predicted%n",
                            String.join(" ", ids.stream().map(String::valueOf).toList()));
                }
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            session.finish();
            out.flush();
            return 0;
        }
    }

    private void set(PrintWriter out, LabelCorrecting corrections, CategoryKind kind, String name) {
        if (name != null) {
            int changed = corrections.correct(ids, kind, name, SET_BY).size();
            out.printf("Put %s in the %s category \"%s\".%n", photos(changed), kind.word(), name.strip());
        }
    }

    private static List<CategoryKind> predictedKinds(String text) {
        String kind = text.strip().toLowerCase(Locale.ROOT);
        if (kind.equals("both")) {
            return List.of(CategoryKind.OBJECT, CategoryKind.BACKGROUND);
        }
        try {
            return List.of(CategoryKind.parse(kind));
        } catch (IllegalArgumentException e) {
            throw new UserException("--predicted takes object, background or both, not \"" + text + "\".");
        }
    }

    private static String photos(int count) {
        return count == 1 ? "1 photo" : count + " photos";
    }
}
