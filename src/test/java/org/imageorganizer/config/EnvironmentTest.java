package org.imageorganizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    /** The file system root, so that "absolute" means the same on every OS the tests run on. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getRoot();
    private static final Path H = ROOT.resolve("home").resolve("ada");
    private static final String HOME = H.toString();

    private static String abs(String relative) {
        return ROOT.resolve(relative).toString();
    }

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Nested
    class Linux {
        @Test
        void withoutXdgVariablesUsesTheSpecDefaultsUnderHome() {
            Environment e = Environment.detect(env(), "Linux", HOME);

            assertThat(e.dataDir()).isEqualTo(H.resolve(".local/share/image-organizer"));
            assertThat(e.cacheDir()).isEqualTo(H.resolve(".cache/image-organizer"));
            assertThat(e.configDir()).isEqualTo(H.resolve(".config/image-organizer"));
            assertThat(e.logDir()).isEqualTo(H.resolve(".local/state/image-organizer/logs"));
        }

        @Test
        void absoluteXdgVariablesAreUsed() {
            Environment e = Environment.detect(env(
                    "XDG_DATA_HOME", abs("xdg/data"),
                    "XDG_CACHE_HOME", abs("xdg/cache"),
                    "XDG_CONFIG_HOME", abs("xdg/config"),
                    "XDG_STATE_HOME", abs("xdg/state")), "Linux", HOME);

            assertThat(e.dataDir()).isEqualTo(ROOT.resolve("xdg/data/image-organizer"));
            assertThat(e.cacheDir()).isEqualTo(ROOT.resolve("xdg/cache/image-organizer"));
            assertThat(e.configDir()).isEqualTo(ROOT.resolve("xdg/config/image-organizer"));
            assertThat(e.logDir()).isEqualTo(ROOT.resolve("xdg/state/image-organizer/logs"));
        }

        @Test
        void relativeOrBlankXdgVariablesAreIgnoredAsTheSpecRequires() {
            Environment e = Environment.detect(env(
                    "XDG_DATA_HOME", "relative/data",
                    "XDG_CACHE_HOME", "./cache",
                    "XDG_CONFIG_HOME", "   ",
                    "XDG_STATE_HOME", ""), "Linux", HOME);

            assertThat(e.dataDir()).isEqualTo(H.resolve(".local/share/image-organizer"));
            assertThat(e.cacheDir()).isEqualTo(H.resolve(".cache/image-organizer"));
            assertThat(e.configDir()).isEqualTo(H.resolve(".config/image-organizer"));
            assertThat(e.logDir()).isEqualTo(H.resolve(".local/state/image-organizer/logs"));
        }

        @Test
        void oneXdgVariableDoesNotMoveTheOthers() {
            Environment e = Environment.detect(env("XDG_CACHE_HOME", abs("fast/cache")), "Linux", HOME);

            assertThat(e.cacheDir()).isEqualTo(ROOT.resolve("fast/cache/image-organizer"));
            assertThat(e.dataDir()).isEqualTo(H.resolve(".local/share/image-organizer"));
            assertThat(e.configDir()).isEqualTo(H.resolve(".config/image-organizer"));
        }

        @Test
        void anUnknownOsIsTreatedLikeLinux() {
            assertThat(Environment.detect(env(), "FreeBSD", HOME))
                    .isEqualTo(Environment.detect(env(), "Linux", HOME));
        }
    }

    @Test
    void macOsUsesTheLibraryFolders() {
        Environment e = Environment.detect(env("XDG_DATA_HOME", abs("xdg/data")), "Mac OS X", HOME);

        Path support = H.resolve("Library").resolve("Application Support").resolve("AI Image Organizer");
        assertThat(e.dataDir()).isEqualTo(support);
        assertThat(e.configDir()).isEqualTo(support);
        assertThat(e.cacheDir()).isEqualTo(H.resolve("Library").resolve("Caches").resolve("AI Image Organizer"));
        assertThat(e.logDir()).isEqualTo(H.resolve("Library").resolve("Logs").resolve("AI Image Organizer"));
        assertThat(e.settingsFile()).isEqualTo(support.resolve("settings.json"));
        assertThat(e.defaultDatabase()).isEqualTo(support.resolve("library"));
    }

    @Test
    void windowsPutsSettingsInRoamingAndEverythingElseInLocal() {
        Environment e = Environment.detect(env("APPDATA", abs("w/Roaming"), "LOCALAPPDATA", abs("w/Local")),
                "Windows 11", HOME);

        Path local = ROOT.resolve("w/Local").resolve("AI Image Organizer");
        assertThat(e.configDir()).isEqualTo(ROOT.resolve("w/Roaming").resolve("AI Image Organizer"));
        assertThat(e.dataDir()).isEqualTo(local.resolve("Data"));
        assertThat(e.cacheDir()).isEqualTo(local.resolve("Cache"));
        assertThat(e.logDir()).isEqualTo(local.resolve("Logs"));
        assertThat(e.settingsFile()).isEqualTo(ROOT.resolve("w/Roaming").resolve("AI Image Organizer").resolve("settings.json"));
    }

    @Test
    void windowsFallsBackToTheProfileFoldersWhenTheVariablesAreUnsetOrBlank() {
        Environment unset = Environment.detect(env(), "Windows 10", HOME);
        Environment blank = Environment.detect(env("APPDATA", " ", "LOCALAPPDATA", ""), "Windows 10", HOME);

        Path local = H.resolve("AppData").resolve("Local").resolve("AI Image Organizer");
        assertThat(unset.configDir()).isEqualTo(H.resolve("AppData").resolve("Roaming").resolve("AI Image Organizer"));
        assertThat(unset.dataDir()).isEqualTo(local.resolve("Data"));
        assertThat(unset.cacheDir()).isEqualTo(local.resolve("Cache"));
        assertThat(unset.logDir()).isEqualTo(local.resolve("Logs"));
        assertThat(blank).isEqualTo(unset);
    }

    @Test
    void imageOrganizerHomePutsEverythingUnderOneFolderOnEveryOsButTheSharedNativeLibraries() {
        for (String os : new String[] {"Linux", "Mac OS X", "Windows 11"}) {
            Environment e = Environment.detect(env("IMAGE_ORGANIZER_HOME", abs("portable"), "XDG_DATA_HOME", abs("xdg"),
                    "APPDATA", abs("w/Roaming"), "LOCALAPPDATA", abs("w/Local")), os, HOME);
            Environment platform = Environment.detect(env("XDG_DATA_HOME", abs("xdg"),
                    "APPDATA", abs("w/Roaming"), "LOCALAPPDATA", abs("w/Local")), os, HOME);

            assertThat(e).as(os).isEqualTo(new Environment(ROOT.resolve("portable/data"), ROOT.resolve("portable/cache"),
                    ROOT.resolve("portable/config"), ROOT.resolve("portable/logs"), platform.cacheDir()));
            assertThat(e.nativeLibraryCacheDir()).as(os).isEqualTo(platform.nativeLibraryCacheDir())
                    .isEqualTo(platform.cacheDir().resolve("native"));
            assertThat(e.verifiedFilesDir()).as(os).isEqualTo(ROOT.resolve("portable/cache/verified-files"));
        }
    }

    @Test
    void aRelativeImageOrganizerHomeIsMadeAbsoluteAndABlankOneIsIgnored() {
        Environment relative = Environment.detect(env("IMAGE_ORGANIZER_HOME", "portable"), "Linux", HOME);
        assertThat(relative.dataDir()).isAbsolute().isEqualTo(Path.of("portable").toAbsolutePath().resolve("data"));

        Environment blank = Environment.detect(env("IMAGE_ORGANIZER_HOME", "  "), "Linux", HOME);
        assertThat(blank).isEqualTo(Environment.detect(env(), "Linux", HOME));
    }

    @Test
    void derivedPathsHangOffTheRightFolders() {
        Environment e = new Environment(ROOT.resolve("d"), ROOT.resolve("c"), ROOT.resolve("s"), ROOT.resolve("l"));

        assertThat(e.defaultDatabase()).isEqualTo(ROOT.resolve("d/library"));
        assertThat(e.managedStorageDir()).isEqualTo(ROOT.resolve("d/storage"));
        assertThat(e.modelsDir()).isEqualTo(ROOT.resolve("c/models"));
        assertThat(e.labelEmbeddingCacheDir()).isEqualTo(ROOT.resolve("c/label-embeddings"));
        assertThat(e.nativeLibraryCacheDir()).isEqualTo(ROOT.resolve("c/native"));
        assertThat(e.verifiedFilesDir()).isEqualTo(ROOT.resolve("c/verified-files"));
        assertThat(e.settingsFile()).isEqualTo(ROOT.resolve("s/settings.json"));
    }
}
