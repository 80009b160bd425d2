package org.imageorganizer.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code image-organizer} command and its subcommands. They are added here rather than named in the annotation,
 * so that a command line that names its subcommand builds that one alone (see {@link #forArguments}).
 */
@Command(name = "image-organizer", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "AI Image Organizer: sorts your photos by what is in them.")
public final class RootCommand {
    /** The subcommands, in the order {@code --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(OrganizeCommand.class, TreeCommand.class, ListCommand.class,
            NameClusterCommand.class, ExportCommand.class, SearchCommand.class, SimilarCommand.class,
            DuplicatesCommand.class, LabelCommand.class, CategoriesCommand.class, ResortCommand.class, ServeCommand.class,
            SyncCommand.class, DownloadModelCommand.class, CdsTrainingCommand.class);

    /** The command line with every subcommand, made by {@code factory}. */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return forArguments(new String[0], factory, Map.of());
    }

    /**
     * The command line to run {@code args} with. When they start with a subcommand's name it has that subcommand
     * alone: picocli builds each subcommand's model by reflection when it is added, which for all of them took about
     * 0.1 s of a cold start (ADR 0040); what it prints and does for those arguments is the same. Otherwise (no
     * arguments, {@code --help}, a mistyped name) it has every subcommand.
     *
     * @param factory makes the subcommands of this package
     * @param others  further subcommands by name, after these (made only when added)
     */
    public static CommandLine forArguments(String[] args, CommandLine.IFactory factory, Map<String, Supplier<Object>> others) {
        String first = args.length > 0 ? args[0] : "";
        boolean named = others.containsKey(first) || SUBCOMMANDS.stream().anyMatch(type -> name(type).equals(first));
        CommandLine root = new CommandLine(new RootCommand(), factory);
        for (Class<?> type : SUBCOMMANDS) {
            if (!named || name(type).equals(first)) {
                root.addSubcommand(type);
            }
        }
        others.forEach((name, command) -> {
            if (!named || name.equals(first)) {
                root.addSubcommand(name, command.get());
            }
        });
        return root;
    }

    private static String name(Class<?> type) {
        return type.getAnnotation(Command.class).name();
    }
}
