package org.imageorganizer.cli;

import picocli.CommandLine;

/** Creates the commands with their services (constructor injection), everything else as picocli does. */
public final class CommandFactory implements CommandLine.IFactory {
    private final CliServices services;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public CommandFactory(CliServices services) {
        this.services = services;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == OrganizeCommand.class) {
            return type.cast(new OrganizeCommand(services));
        }
        if (type == TreeCommand.class) {
            return type.cast(new TreeCommand(services));
        }
        if (type == ListCommand.class) {
            return type.cast(new ListCommand(services));
        }
        if (type == NameClusterCommand.class) {
            return type.cast(new NameClusterCommand(services));
        }
        if (type == ExportCommand.class) {
            return type.cast(new ExportCommand(services));
        }
        if (type == SearchCommand.class) {
            return type.cast(new SearchCommand(services));
        }
        if (type == DuplicatesCommand.class) {
            return type.cast(new DuplicatesCommand(services));
        }
        if (type == SimilarCommand.class) {
            return type.cast(new SimilarCommand(services));
        }
        if (type == LabelCommand.class) {
            return type.cast(new LabelCommand(services));
        }
        if (type == CategoriesCommand.class) {
            return type.cast(new CategoriesCommand(services));
        }
        if (type == ResortCommand.class) {
            return type.cast(new ResortCommand(services));
        }
        if (type == SyncCommand.class) {
            return type.cast(new SyncCommand(services));
        }
        if (type == ServeCommand.class) {
            return type.cast(new ServeCommand(services));
        }
        if (type == DownloadModelCommand.class) {
            return type.cast(new DownloadModelCommand(services));
        }
        if (type == CdsTrainingCommand.class) {
            return type.cast(new CdsTrainingCommand(services));
        }
        return fallback.create(type);
    }
}
