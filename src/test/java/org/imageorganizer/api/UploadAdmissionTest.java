package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UploadAdmissionTest {
    private final ExecutorService waiters = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        waiters.shutdownNow();
    }

    private static UploadAdmission admission(int total, int perClient, Duration wait) {
        return new UploadAdmission(new UploadRateLimiter(1000, System::nanoTime), total, perClient, wait);
    }

    @Test
    void aClientAtItsBoundIsRefusedWith503AndRetryAfterWhileOthersAreAdmitted() throws Exception {
        UploadAdmission admission = admission(10, 2, Duration.ofMillis(1));
        admission.admit("10.0.0.1");
        admission.admit("10.0.0.1");
        assertThatThrownBy(() -> admission.admit("10.0.0.1")).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.headers()).containsKey("Retry-After").containsEntry("Connection", "close");
            assertThat(e.getMessage()).contains("2 uploads in progress");
        });
        assertThat(admission.admit("10.0.0.2")).isNotNull();
    }

    @Test
    void aPlaceGivenBackIsTakenAgainAndOnlyOnce() throws Exception {
        UploadAdmission admission = admission(1, 1, Duration.ofMillis(1));
        UploadAdmission.Permit first = admission.admit("10.0.0.1");
        first.close();
        first.close(); // twice gives back one place only
        admission.admit("10.0.0.2");
        assertThatThrownBy(() -> admission.admit("10.0.0.3")).isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.getMessage()).contains("as many uploads as it can"));
    }

    @Test
    void anUploadOverTheBoundWaitsForAPlaceAndWaitersAreBounded() throws Exception {
        UploadAdmission admission = admission(1, 1, Duration.ofMinutes(5));
        UploadAdmission.Permit holder = admission.admit("10.0.0.1");
        Future<UploadAdmission.Permit> waiter = waiters.submit(() -> admission.admit("10.0.0.2"));
        while (admission.waiting() == 0) {
            Thread.sleep(10);
        }
        // one waiting is all a bound of one allows: the next is refused at once, not after five minutes
        assertThatThrownBy(() -> admission.admit("10.0.0.3")).isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.status()).isEqualTo(503));
        assertThat(waiter).isNotDone();
        holder.close();
        assertThat(waiter.get()).isNotNull();
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void theUploadRateComesFirst() throws Exception {
        UploadAdmission admission = new UploadAdmission(new UploadRateLimiter(1, System::nanoTime), 4, 4, Duration.ZERO);
        admission.admit("10.0.0.1").close();
        assertThatThrownBy(() -> admission.admit("10.0.0.1")).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.headers()).containsKey("Retry-After");
        });
    }
}
