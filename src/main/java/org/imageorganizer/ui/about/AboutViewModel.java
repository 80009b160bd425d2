package org.imageorganizer.ui.about;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.ui.SystemShell;
import org.imageorganizer.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the About dialog shows: name, version, licence and where the source is (the AGPL asks for
 * it), the third-party licences bundled in the jar, and a way to the log folder.
 */
public final class AboutViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AboutViewModel.class);
    static final String NAME = "AI Image Organizer";
    static final String LICENCE = "Free software under the GNU Affero General Public License v3.0 or later"
            + " (AGPL-3.0-or-later). You may share and change it; if you run a changed version as a network"
            + " service, offer its source to its users.";
    static final String THIRD_PARTY_RESOURCE = "/META-INF/THIRD-PARTY.md";
    /** THIRD-PARTY.md's line for maintainers ("Regenerate this file with scripts/update-third-party.sh."). */
    private static final java.util.regex.Pattern MAINTAINERS_NOTE =
            java.util.regex.Pattern.compile("(?i)regenerate this file with .*update-third-party\\.sh.*");

    /** Opens addresses and folders with the desktop's programs. */
    public interface DesktopShell {
        void browse(URI address) throws IOException;

        void showInFolder(Path file) throws IOException;

        /** The real desktop. */
        DesktopShell SYSTEM = new DesktopShell() {
            @Override
            public void browse(URI address) throws IOException {
                SystemShell.browse(address);
            }

            @Override
            public void showInFolder(Path file) throws IOException {
                SystemShell.showInFolder(file);
            }
        };
    }

    private final BuildInfo build;
    private final Path logFile;
    private final TaskExecutor executor;
    private final DesktopShell shell;
    private final ReadOnlyStringWrapper thirdParty = new ReadOnlyStringWrapper("Reading the list of licences…");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AboutViewModel(BuildInfo build, Path logFile, TaskExecutor executor, DesktopShell shell) {
        this.build = build;
        this.logFile = logFile;
        this.executor = executor;
        this.shell = shell;
    }

    /** Reads the third-party licences in the background ({@code source} gives the Markdown text). */
    public void loadThirdParty(Callable<String> source) {
        executor.submit(source, text -> thirdParty.set(plainText(text)), error -> {
            LOG.debug("No third-party licence list: {}", error.toString());
            thirdParty.set("The list of third-party licences is not part of this build. It is THIRD-PARTY.md in the source: "
                    + build.sourceUrl());
        });
    }

    /** The jar's THIRD-PARTY.md. */
    public static String readThirdPartyResource() throws IOException {
        try (InputStream in = AboutViewModel.class.getResourceAsStream(THIRD_PARTY_RESOURCE)) {
            if (in == null) {
                throw new NoSuchFileException(THIRD_PARTY_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Markdown made readable as plain text: paragraphs unwrapped, headings and tables as lines, markup gone. The
     * maintainers' note on how the file is made (a script of the source tree) is left out: users cannot act on it.
     */
    static String plainText(String markdown) {
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        for (String line : markdown.split("\\R", -1)) {
            String text = line.strip().replace("`", "").replace("**", "");
            if (MAINTAINERS_NOTE.matcher(text).matches()) {
                continue;
            }
            boolean continuation = !text.isEmpty() && !text.startsWith("|") && !text.startsWith("#")
                    && !text.startsWith("- ") && !text.startsWith("* ");
            if (continuation && paragraph.length() > 0) {
                paragraph.append(' ').append(text);
                continue;
            }
            if (paragraph.length() > 0) {
                out.append(paragraph).append('\n');
                paragraph.setLength(0);
            }
            if (text.startsWith("|")) {
                String[] cells = text.substring(1, text.endsWith("|") ? text.length() - 1 : text.length()).split("\\|");
                if (cells.length >= 2 && !cells[0].strip().matches("-+") && !cells[0].strip().equalsIgnoreCase("Licence(s)")) {
                    out.append("• ").append(cells[1].strip()).append("\n    ").append(cells[0].strip()).append('\n');
                }
            } else if (text.startsWith("#")) {
                out.append(text.replaceFirst("^#+\\s*", "").toUpperCase(Locale.ROOT)).append('\n');
            } else if (text.startsWith("- ") || text.startsWith("* ")) {
                paragraph.append("• ").append(text.substring(2));
            } else if (text.isEmpty()) {
                out.append('\n');
            } else {
                paragraph.append(text);
            }
        }
        if (paragraph.length() > 0) {
            out.append(paragraph).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    /** Opens the folder of the log file. */
    public void openLogFolder() {
        run(() -> shell.showInFolder(logFile), "The log file is " + logFile + ".");
    }

    /** Opens the source repository in the browser. */
    public void openSource() {
        run(() -> shell.browse(URI.create(build.sourceUrl())), "The source is at " + build.sourceUrl() + ".");
    }

    private interface Action {
        void run() throws IOException;
    }

    private void run(Action action, String whereInstead) {
        message.set("");
        executor.submit(() -> {
            action.run();
            return Boolean.TRUE;
        }, done -> { }, error -> {
            LOG.info("The desktop could not open it: {}", error.toString());
            message.set("The desktop could not open it. " + whereInstead);
        });
    }

    public String name() {
        return NAME;
    }

    public String version() {
        return "Version " + build.version();
    }

    public String licence() {
        return LICENCE;
    }

    public String sourceUrl() {
        return build.sourceUrl();
    }

    public String logFolder() {
        Path folder = logFile.toAbsolutePath().getParent();
        return folder == null ? logFile.toString() : folder.toString();
    }

    /** The third-party licences as plain text (or a sentence saying where they are). */
    public ReadOnlyStringProperty thirdPartyProperty() {
        return thirdParty.getReadOnlyProperty();
    }

    /** A sentence when opening something failed; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
