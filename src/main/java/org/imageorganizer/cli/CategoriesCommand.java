package org.imageorganizer.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.services.LibraryCategories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code categories list|add|rename|remove|describe|threshold}: the library's own categories. A change moves no
 * photo until {@code resort}; renaming moves none at all.
 */
@Command(name = CategoriesCommand.NAME, mixinStandardHelpOptions = true,
        description = {"List and edit the library's categories (they belong to the library, not to your settings). "
            + "After adding, removing or describing one, run `resort` to sort the photos again."})
final class CategoriesCommand {
    static final String NAME = "categories";

    private final CliServices services;

    @Spec
    CommandSpec spec;

    CategoriesCommand(CliServices services) {
        this.services = services;
    }

    /** One category as {@code list --json} prints it. */
    record Row(@JsonProperty("id") long id, @JsonProperty("kind") String kind, @JsonProperty("name") String name,
               @JsonProperty("words") String words) {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the categories, objects first.")
    int list(@Mixin LibraryOption library, @Option(names = "--json", description = "Print JSON instead of lines.") boolean json) {
        return run(library, categories -> {
            List<Category> all = categories.list();
            PrintWriter out = out();
            if (json) {
                out.println(JsonOutput.toString(all.stream().map(c -> new Row(c.id(), c.kind().word(), c.name(), c.words())).toList()));
                return null;
            }
            for (CategoryKind kind : CategoryKind.values()) {
                out.printf("%s categories:%n", capitalised(kind.word()));
                all.stream().filter(c -> c.kind() == kind).forEach(c ->
                        out.printf("  %s%s%n", c.name(), c.words() == null ? "" : "  (\"" + c.words() + "\")"));
            }
            out.printf("Photos below %.0f%% confidence are \"other\".%n", categories.threshold() * 100);
            return null;
        });
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a category.")
    int add(@Mixin LibraryOption library, @Parameters(paramLabel = "NAME", description = "Its name.") String name,
            @Option(names = "--kind", required = true, paramLabel = "KIND", description = "object or background.") String kind,
            @Option(names = "--words", paramLabel = "TEXT",
                    description = "What describes it to the model, e.g. \"a red road bike\" (default: its name).") String words) {
        return run(library, categories -> {
            Category added = categories.add(parseKind(kind), name, words);
            out().printf("Added the %s category \"%s\". Run `image-organizer resort` to sort the photos again.%n",
                    added.kind().word(), added.name());
            return null;
        });
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a category; its photos stay in it.")
    int rename(@Mixin LibraryOption library, @Parameters(index = "0", paramLabel = "OLD") String old, @Parameters(index = "1", paramLabel = "NEW") String name,
            @Option(names = "--kind", paramLabel = "KIND", description = "object or background, when both have this name.") String kind) {
        return run(library, categories -> {
            Category renamed = categories.rename(kindOf(categories, old, kind), old, name);
            out().printf("Renamed the %s category \"%s\" to \"%s\".%n", renamed.kind().word(), old.strip(), renamed.name());
            return null;
        });
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a category; its photos go to their next-best category at the next `resort` (never out of the library).")
    int remove(@Mixin LibraryOption library, @Parameters(paramLabel = "NAME") String name,
            @Option(names = "--kind", paramLabel = "KIND", description = "object or background, when both have this name.") String kind) {
        return run(library, categories -> {
            Category removed = categories.remove(kindOf(categories, name, kind), name);
            out().printf("Removed the %s category \"%s\". Run `image-organizer resort` to sort its photos again.%n",
                    removed.kind().word(), removed.name());
            return null;
        });
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Set the words that describe a category to the model (empty: its name).")
    int describe(@Mixin LibraryOption library, @Parameters(index = "0", paramLabel = "NAME") String name, @Parameters(index = "1", paramLabel = "TEXT") String words,
            @Option(names = "--kind", paramLabel = "KIND", description = "object or background, when both have this name.") String kind) {
        return run(library, categories -> {
            Category described = categories.describe(kindOf(categories, name, kind), name, words);
            out().printf("The %s category \"%s\" is now described as \"%s\". Run `image-organizer resort` to sort the photos again.%n",
                    described.kind().word(), described.name(), described.description());
            return null;
        });
    }

    @Command(name = "threshold", mixinStandardHelpOptions = true,
            description = "Show or set how sure the app must be of a category (0 to 1; below it a photo is \"other\").")
    int threshold(@Mixin LibraryOption library, @Parameters(arity = "0..1", paramLabel = "VALUE") Double value) {
        return run(library, categories -> {
            if (value != null) {
                categories.threshold(value);
                out().printf("Photos below %.0f%% confidence will be \"other\". Run `image-organizer resort` to sort them again.%n",
                        value * 100);
            } else {
                out().printf("%s%n", String.format(Locale.ROOT, "%.2f", categories.threshold()));
            }
            return null;
        });
    }

    private int run(LibraryOption library, Function<LibraryCategories, Void> work) {
        try (CliServices.SortingSession session = services.openSorting(library.location(), List.of())) {
            try {
                work.apply(session.categories());
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            session.finish();
            out().flush();
            return 0;
        }
    }

    /** The kind given, else the only kind with a category of this name. */
    private static CategoryKind kindOf(LibraryCategories categories, String name, String kind) {
        if (kind != null) {
            return parseKind(kind);
        }
        List<CategoryKind> kinds = categories.list().stream().filter(c -> c.name().equalsIgnoreCase(name.strip()))
                .map(Category::kind).distinct().toList();
        if (kinds.size() > 1) {
            throw new UserException("Both an object and a background category are called \"" + name.strip()
                    + "\": say which with --kind object or --kind background.");
        }
        return kinds.isEmpty() ? CategoryKind.OBJECT : kinds.get(0); // none: the service says there is no such category
    }

    private static CategoryKind parseKind(String kind) {
        try {
            return CategoryKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
