package org.imageorganizer.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A result made on another thread: its value, or the very exception it failed with. */
class FuturesTest {

    @Test
    void aValueIsGivenAndAFailureIsThrownAsItWasThrown() throws InterruptedException {
        CompletableFuture<String> pending = new CompletableFuture<>();
        assertThat(Futures.now(pending)).isNull();
        assertThat(Futures.failure(pending)).isNull();
        pending.complete("done");
        assertThat(Futures.await(pending)).isEqualTo("done");
        assertThat(Futures.join(pending)).isEqualTo("done");
        assertThat(Futures.now(pending)).isEqualTo("done");
        assertThat(Futures.failure(pending)).isNull();

        IllegalArgumentException sentence = new IllegalArgumentException("Cannot open the library x.");
        CompletableFuture<String> failed = CompletableFuture.failedFuture(sentence);
        assertThat(Futures.now(failed)).isNull();
        assertThat(Futures.failure(failed)).isSameAs(sentence);
        assertThatThrownBy(() -> Futures.await(failed)).isSameAs(sentence);
        assertThatThrownBy(() -> Futures.join(failed)).isSameAs(sentence);
        // a dependent future fails with the same exception, not a wrapper
        CompletableFuture<Integer> dependent = failed.thenApply(String::length);
        assertThat(Futures.failure(dependent)).isSameAs(sentence);
        assertThatThrownBy(() -> Futures.await(dependent)).isSameAs(sentence);
    }

    @Test
    void onlyACheckedExceptionIsWrapped() {
        IllegalStateException runtime = new IllegalStateException("x");
        assertThat(Futures.unchecked(runtime)).isSameAs(runtime);
        IOException checked = new IOException("disk");
        assertThat(Futures.unchecked(checked)).isInstanceOf(IllegalStateException.class).hasCause(checked);
        OutOfMemoryError error = new OutOfMemoryError("heap");
        assertThatThrownBy(() -> Futures.unchecked(error)).isSameAs(error);
    }
}
