package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStateStoreTest {
    @TempDir
    Path folder;

    @Test
    void noFileMeansDefaults() {
        assertThat(new WindowStateStore(folder.resolve("window.json")).load()).isEqualTo(WindowState.defaults());
    }

    @Test
    void savesAndLoadsAgain() throws IOException {
        WindowStateStore store = new WindowStateStore(folder.resolve("config").resolve("window.json"));
        WindowState state = new WindowState(120.0, 40.0, 1300, 850, true, 0.35);

        store.save(state);

        assertThat(store.load()).isEqualTo(state);
        try (var files = Files.list(folder.resolve("config"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("window.json");
        }
        assertThat(Files.readString(folder.resolve("config").resolve("window.json"))).contains("\"maximized\" : true");
    }

    @Test
    void aCentredWindowIsSavedWithoutPosition() {
        WindowStateStore store = new WindowStateStore(folder.resolve("window.json"));

        store.save(WindowState.defaults());

        assertThat(store.load().centred()).isTrue();
    }

    @Test
    void aBrokenFileMeansDefaults() throws IOException {
        Path file = folder.resolve("window.json");
        for (String content : new String[] {"{ not json", "", "[1, 2, 3]", "null", "{\"width\": \"wide\"}"}) {
            Files.writeString(file, content);
            assertThat(new WindowStateStore(file).load()).as(content).isEqualTo(WindowState.defaults());
        }
    }

    @Test
    void strangeValuesAreMadeSafeAndUnknownFieldsIgnored() throws IOException {
        Path file = folder.resolve("window.json");
        Files.writeString(file, "{\"x\": 10, \"width\": -4, \"height\": 700, \"divider\": 7, \"theme\": \"dark\"}");

        WindowState state = new WindowStateStore(file).load();

        assertThat(state.centred()).isTrue(); // x without y
        assertThat(state.width()).isEqualTo(WindowState.DEFAULT_WIDTH);
        assertThat(state.height()).isEqualTo(700);
        assertThat(state.divider()).isEqualTo(WindowState.DEFAULT_DIVIDER);
    }

    @Test
    void anOversizedFileIsIgnored() throws IOException {
        Path file = folder.resolve("window.json");
        Files.writeString(file, "{\"width\": 900, \"pad\": \"" + "x".repeat(100_000) + "\"}");

        assertThat(new WindowStateStore(file).load()).isEqualTo(WindowState.defaults());
    }

    @Test
    void aFolderInTheWayIsNotAnError() throws IOException {
        Path file = folder.resolve("window.json");
        Files.createDirectories(file);
        WindowStateStore store = new WindowStateStore(file);

        store.save(WindowState.defaults());

        assertThat(store.load()).isEqualTo(WindowState.defaults());
    }
}
