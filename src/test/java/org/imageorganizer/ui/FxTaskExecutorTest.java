package org.imageorganizer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.imageorganizer.services.SearchUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxToolkit;

/** What the window's task executor writes to the log when a background task fails. */
@Tag("ui")
class FxTaskExecutorTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FxTaskExecutor.class);
    private FxTaskExecutor executor;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.ALL);
        executor = new FxTaskExecutor(1);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(log);
        logger.setLevel(null);
        executor.close();
    }

    private Throwable failWith(Exception failure) throws Exception {
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        executor.submit(() -> {
            throw failure;
        }, result -> seen.complete(null), seen::complete);
        return seen.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSearchStillLoadingIsAnInfoLineWithoutATrace() throws Exception {
        SearchUnavailableException loading = new SearchUnavailableException("The recognition model is loading.", true, null);
        assertThat(failWith(loading)).isSameAs(loading);
        assertThat(log.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getThrowableProxy()).isNull();
        });
    }

    @Test
    void anyOtherFailureIsAWarningWithItsTrace() throws Exception {
        IllegalStateException broken = new IllegalStateException("broken");
        assertThat(failWith(broken)).isSameAs(broken);
        SearchUnavailableException notTemporary = new SearchUnavailableException("No model.", false, null);
        assertThat(failWith(notTemporary)).isSameAs(notTemporary);
        assertThat(log.list).hasSize(2).allSatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getThrowableProxy()).isNotNull();
        });
    }
}
