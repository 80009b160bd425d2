package org.imageorganizer.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;

class AboutViewModelTest {
    private final List<Object> opened = new ArrayList<>();
    private boolean shellFails;
    private final AboutViewModel.DesktopShell shell = new AboutViewModel.DesktopShell() {
        @Override
        public void browse(URI address) throws IOException {
            fail();
            opened.add(address);
        }

        @Override
        public void showInFolder(Path file) throws IOException {
            fail();
            opened.add(file);
        }

        private void fail() throws IOException {
            if (shellFails) {
                throw new IOException("xdg-open not found");
            }
        }
    };
    private final Path log = Path.of("/home/me/.local/state/image-organizer/logs/image-organizer.log");
    private final AboutViewModel model = new AboutViewModel(new BuildInfo("1.2.3", "https://example.org/src"), log,
            new SameThreadTaskExecutor(), shell);

    @Test
    void saysWhatItIsAndUnderWhichLicence() {
        assertThat(model.name()).isEqualTo("AI Image Organizer");
        assertThat(model.version()).isEqualTo("Version 1.2.3");
        assertThat(model.licence()).contains("GNU Affero General Public License v3.0 or later").contains("AGPL-3.0-or-later");
        assertThat(model.sourceUrl()).isEqualTo("https://example.org/src");
        assertThat(model.logFolder()).isEqualTo(log.getParent().toString());
    }

    @Test
    void readsTheBundledThirdPartyLicences() {
        model.loadThirdParty(AboutViewModel::readThirdPartyResource);

        assertThat(model.thirdPartyProperty().get()).startsWith("THIRD-PARTY SOFTWARE").contains("ELKI").contains("• ")
                .doesNotContain("|---|");
    }

    @Test
    void aMissingListIsASentenceWithTheSource() {
        model.loadThirdParty(() -> {
            throw new java.nio.file.NoSuchFileException("/META-INF/THIRD-PARTY.md");
        });

        assertThat(model.thirdPartyProperty().get()).contains("not part of this build").contains("https://example.org/src");
    }

    @Test
    void markdownBecomesPlainText() {
        String text = AboutViewModel.plainText("""
                # Third-party software

                Licensed under the AGPL,
                because it bundles **ELKI**.

                - `a:b` contains C,
                  BSD.

                | Licence(s) | Library |
                |---|---|
                | (MIT) | Foo (org:foo:1.0 - https://foo) |
                """);

        assertThat(text).isEqualTo("""
                THIRD-PARTY SOFTWARE

                Licensed under the AGPL, because it bundles ELKI.

                • a:b contains C, BSD.

                • Foo (org:foo:1.0 - https://foo)
                    (MIT)
                """);
    }

    @Test
    void theMaintainersNoteOnRegeneratingTheListIsNotShown() {
        String text = AboutViewModel.plainText("""
                The CLIP model is published under the MIT licence.

                Regenerate this file with `scripts/update-third-party.sh`.

                | Licence(s) | Library |
                |---|---|
                | (MIT) | Foo (org:foo:1.0) |
                """);

        assertThat(text).doesNotContain("Regenerate").doesNotContain("update-third-party")
                .isEqualTo("""
                        The CLIP model is published under the MIT licence.

                        • Foo (org:foo:1.0)
                            (MIT)
                        """);
    }

    @Test
    void opensTheLogFolderAndTheSource() {
        model.openLogFolder();
        model.openSource();

        assertThat(opened).containsExactly(log, URI.create("https://example.org/src"));
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void whenTheDesktopCannotOpenItSaysWhereToLook() {
        shellFails = true;

        model.openLogFolder();

        assertThat(model.messageProperty().get()).isEqualTo("The desktop could not open it. The log file is " + log + ".");
    }
}
