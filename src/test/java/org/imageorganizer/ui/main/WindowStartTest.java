package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.main.WindowFixture.onFx;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import org.imageorganizer.bench.startup.WindowProbe;
import org.imageorganizer.ui.grid.ThumbnailCell;
import org.imageorganizer.ui.library.LibraryViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The window's start (ADR 0031), headless: it shows before the library is open, says so, keeps what is
 * dropped meanwhile; an import says it loads the model while it does; and the window logs when its tree
 * and first thumbnails are on screen.
 */
@Tag("ui")
@Tag("model")
@Tag("database")
class WindowStartTest {
    @TempDir
    Path home;
    @TempDir
    Path photos;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger windowLogger = (Logger) LoggerFactory.getLogger(DesktopWindow.class);
    private TestDesktopServices services;
    private WindowFixture fx;

    @BeforeEach
    void listen() {
        log.start();
        windowLogger.addAppender(log);
        services = new TestDesktopServices(home);
    }

    @AfterEach
    void closeWindow() {
        windowLogger.detachAppender(log);
        if (fx != null) {
            fx.close();
        } else {
            services.close();
        }
    }

    private Label label(String id) {
        return onFx(() -> (Label) fx.stage.getScene().lookup("#" + id));
    }

    private List<String> shownLines() {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("Window showed")).toList();
        }
    }

    @Test
    void theWindowShowsWhileTheLibraryOpensAndWhatIsDroppedMeanwhileIsImportedOnceItIsOpen() {
        TestDesktopServices.photos(photos, 5);
        fx = new WindowFixture(services.holdLibrary());

        assertThat(onFx(() -> fx.stage.isShowing())).isTrue();
        Label placeholder = label("treePlaceholder");
        assertThat(onFx(placeholder::getText)).isEqualTo(LibraryViewModel.OPENING);
        assertThat(onFx(placeholder::isVisible)).isTrue();
        assertThat(onFx(() -> fx.tree.isVisible())).isFalse();
        assertThat(onFx(() -> label("emptyTitle").getText())).isEqualTo(LibraryViewModel.OPENING);
        assertThat(onFx(() -> label("emptyText").isVisible())).isFalse();

        fx.importPaths(photos);

        assertThat(fx.status()).isEqualTo("Opening the library: what you dropped is added once it is open.");
        assertThat(fx.running()).as("the drop waits").isFalse();

        services.releaseLibrary();
        fx.waitForImport();

        assertThat(fx.status()).startsWith("Done: 5 added (");
        assertThat(onFx(placeholder::isVisible)).isFalse();
        assertThat(onFx(() -> fx.tree.isVisible())).isTrue();
        assertThat(fx.treeRows().get(0)).isEqualTo("All photos (5)");
        // issue 19: the hint no longer says anything over photos (it used to keep the drop hint, hidden)
        fx.waitUntil("the grid's photos", () -> fx.grid.getItems().size() == 5);
        assertThat(onFx(() -> fx.emptyHint.isVisible())).isFalse();
        assertThat(onFx(() -> label("emptyTitle").getText())).isNotEqualTo(LibraryViewModel.OPENING);
    }

    @Test
    void anImportSaysItLoadsTheModelWhileItDoesThenImports() {
        TestDesktopServices.photos(photos, 4);
        fx = new WindowFixture(services.holdModelLoad());
        fx.waitUntil("the library to be read", () -> fx.tree.isVisible());

        fx.importPaths(photos);

        fx.waitUntil("the status to say the model is loading",
                () -> fx.statusLabel.getText().startsWith("Loading the recognition model…"));
        assertThat(fx.running()).isTrue();
        services.releaseModelLoad();
        fx.waitForImport();
        assertThat(fx.status()).startsWith("Done: 4 added (");
    }

    @Test
    void theWindowLogsWhenItsTreeAndFirstThumbnailsAreOnScreen() {
        TestDesktopServices.photos(photos, 9);
        fx = new WindowFixture(services);
        fx.waitUntil("the tree of the empty library", () -> fx.tree.isVisible());
        fx.waitUntil("the start-up line", () -> !shownLines().isEmpty());
        assertThat(shownLines()).containsExactly("Window showed the tree and 0 thumbnails");
        fx.importPaths(photos);
        fx.waitForImport();
        fx.close();
        log.list.clear();

        fx = new WindowFixture(services = reopened());
        fx.waitUntil("the start-up line", () -> !shownLines().isEmpty());

        List<ThumbnailCell> cells = fx.visibleCells();
        assertThat(cells).isNotEmpty().allMatch(WindowFixture::thumbnailShown);
        assertThat(shownLines()).containsExactly("Window showed the tree and " + cells.size() + " thumbnails");
        assertThat(shownLines().get(0)).as("what the start-up bench looks for").startsWith(WindowProbe.SHOWN);
    }

    /** The same library and caches in a new window, as the next start of the application. */
    private TestDesktopServices reopened() {
        return new TestDesktopServices(home);
    }
}
