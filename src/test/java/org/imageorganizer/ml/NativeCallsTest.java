package org.imageorganizer.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NativeCallsTest {
    private final NativeCalls calls = new NativeCalls();

    @Test
    void aCloseWaitsForTheCallUnderWayAndTheCallsAfterItFail() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> calls.run(() -> {
            inCall.countDown();
            await(finish);
            return "encoded";
        }));
        assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> close = CompletableFuture.supplyAsync(calls::close);

        Thread.sleep(200); // time enough for a close that did not wait to return
        assertThat(close).as("the close waits for the call").isNotDone();
        finish.countDown();

        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("encoded");
        assertThat(close.get(10, TimeUnit.SECONDS)).as("the first close frees").isTrue();
        assertThat(calls.close()).as("a second close frees nothing").isFalse();
        assertThatThrownBy(() -> calls.run(() -> "late")).isInstanceOf(IllegalStateException.class)
                .hasMessage("The model was closed before this call.");
    }

    @Test
    void callsRunTogether() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> calls.run(() -> meet(both)));
        CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> calls.run(() -> meet(both)));
        assertThat(a.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(b.get(10, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean meet(CountDownLatch both) {
        both.countDown();
        try {
            return both.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
