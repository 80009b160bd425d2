package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientErrorLogTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ClientErrorLog errors = new ClientErrorLog(now::get, Duration.ofMinutes(1));

    private static long lines(String text) {
        return text.lines().count();
    }

    @Test
    void theFirstErrorIsLoggedAndTheRestOfTheMinuteOnlyCounted() {
        try (LogBytes log = new LogBytes()) {
            for (int i = 0; i < 10_000; i++) {
                errors.record("198.51.100.7", 400, "GET", "/images?x=%ff", "The query string is not UTF-8.");
                now.addAndGet(1_000_000); // 10,000 errors over 10 s
            }
            assertThat(lines(log.text())).isEqualTo(1);
            assertThat(log.text()).contains("198.51.100.7", "400 GET /images?x=%ff");

            now.addAndGet(Duration.ofMinutes(1).toNanos());
            errors.record("198.51.100.7", 404, "GET", "/nothing", "There is nothing at this address.");
            assertThat(lines(log.text())).isEqualTo(2);
            assertThat(log.text().lines().skip(1).findFirst().orElseThrow()).contains("404 GET /nothing", "9999 more");
        }
    }

    @Test
    void eachAddressHasItsOwnMinuteAndStoppingLogsWhatIsPending() {
        try (LogBytes log = new LogBytes()) {
            errors.record("198.51.100.7", 401, "GET", "/images", "needs a key");
            errors.record("203.0.113.9", 401, "GET", "/images", "needs a key");
            errors.record("203.0.113.9", 401, "GET", "/clusters", "needs a key");
            assertThat(lines(log.text())).isEqualTo(2);
            errors.flush();
            assertThat(lines(log.text())).isEqualTo(3);
            assertThat(log.text().lines().reduce((a, b) -> b).orElseThrow()).contains("203.0.113.9", "1 more", "/clusters");
            errors.flush();
            assertThat(lines(log.text())).as("nothing pending").isEqualTo(3);
        }
    }

    @Test
    void aQuietAddressesCountIsLoggedByTheNextSweep() {
        try (LogBytes log = new LogBytes()) {
            errors.record("198.51.100.7", 400, "GET", "/a", "bad");
            errors.record("198.51.100.7", 400, "GET", "/b", "bad");
            now.addAndGet(Duration.ofSeconds(61).toNanos());
            errors.record("203.0.113.9", 400, "GET", "/c", "bad");
            assertThat(log.text()).contains("198.51.100.7: 1 more");
        }
    }

    @Test
    void manyAddressesShareOneEntryBeyondTheBound() {
        try (LogBytes log = new LogBytes()) {
            for (int i = 0; i < ClientErrorLog.MAX_ADDRESSES + 500; i++) {
                errors.record("2001:db8::" + Integer.toHexString(i), 400, "GET", "/", "bad");
            }
            assertThat(lines(log.text())).isEqualTo(ClientErrorLog.MAX_ADDRESSES + 1);
            assertThat(log.text()).contains("other addresses");
        }
    }

    @Test
    void whatTheClientSentCannotForgeLogLines() {
        try (LogBytes log = new LogBytes()) {
            errors.record("198.51.100.7", 400, "GET", "/x\r\n12:00:00 ERROR forged", "bad");
            assertThat(lines(log.text())).isEqualTo(1);
            assertThat(log.text()).contains("/x??12:00:00 ERROR forged");
        }
    }
}
