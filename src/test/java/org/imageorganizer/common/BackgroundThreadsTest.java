package org.imageorganizer.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Background threads run at a lower priority than the threads that create them, and pass it on. */
class BackgroundThreadsTest {

    private static int nice() {
        try {
            return BackgroundThreads.niceOfCurrent();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theFactorysThreadsAreNamedDaemonsAtTheLowestJavaPriority() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, BackgroundThreads.factory("work"));
        try {
            Thread first = pool.submit(Thread::currentThread).get();
            assertThat(first.getName()).isEqualTo("work");
            assertThat(first.isDaemon()).isTrue();
            assertThat(first.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onLinuxTheyRunNicerThanTheRestAndSoDoTheThreadsTheyStart() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int mine = nice();
        assumeTrue(mine < BackgroundThreads.NICE, "the tests already run at background priority");
        ExecutorService pool = Executors.newSingleThreadExecutor(BackgroundThreads.factory("work"));
        try {
            assertThat(pool.submit(BackgroundThreadsTest::nice).get()).isEqualTo(BackgroundThreads.NICE);
            int child = pool.submit(() -> {
                CompletableFuture<Integer> seen = new CompletableFuture<>();
                Thread started = new Thread(() -> seen.complete(nice()));
                started.start();
                return seen.get(10, TimeUnit.SECONDS);
            }).get();
            assertThat(child).as("inherited").isEqualTo(BackgroundThreads.NICE);
        } finally {
            pool.shutdownNow();
        }
        assertThat(nice()).as("the caller is left as it was").isEqualTo(mine);
    }
}
