package org.imageorganizer.cli;

import picocli.CommandLine.Command;

/** The {@code image-organizer} command and its subcommands. */
@Command(name = "image-organizer", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "AI Image Organizer: sorts your photos by what is in them.",
        subcommands = {OrganizeCommand.class, TreeCommand.class, ListCommand.class, ExportCommand.class, SearchCommand.class,
                SimilarCommand.class, DuplicatesCommand.class, ServeCommand.class, SyncCommand.class, DownloadModelCommand.class, CdsTrainingCommand.class})
public final class RootCommand {
}
