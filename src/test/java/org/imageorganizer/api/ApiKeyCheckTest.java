package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ApiKeyCheckTest {
    @Test
    void acceptsTheKeyInEitherHeaderOnly() {
        ApiKeyCheck check = new ApiKeyCheck("secret-key-123456");
        assertThat(check.accepts("secret-key-123456", null)).isTrue();
        assertThat(check.accepts(null, "Bearer secret-key-123456")).isTrue();
        assertThat(check.accepts(null, "bearer secret-key-123456")).isTrue();
        assertThat(check.accepts("secret-key-12345", null)).isFalse();
        assertThat(check.accepts(null, "Basic secret-key-123456")).isFalse();
        assertThat(check.accepts("", "")).isFalse();
        assertThat(check.accepts(null, null)).isFalse();
    }

    @Test
    void signedLinksHoldForTheirPathUntilTheyExpire() {
        Clock start = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        String query = new SignedUrls("k", Duration.ofMinutes(30), start).query("/images/7/file");
        String expires = query.replaceAll(".*expires=(\\d+).*", "$1");
        String signature = query.replaceAll(".*signature=([0-9a-f]+).*", "$1");
        SignedUrls during = new SignedUrls("k", Duration.ofMinutes(30), Clock.offset(start, Duration.ofMinutes(29)));
        SignedUrls after = new SignedUrls("k", Duration.ofMinutes(30), Clock.offset(start, Duration.ofMinutes(31)));
        assertThat(during.valid("/images/7/file", expires, signature)).isTrue();
        assertThat(during.valid("/images/8/file", expires, signature)).isFalse();
        assertThat(during.valid("/images/7/file", Long.toString(Long.parseLong(expires) + 3600), signature)).isFalse();
        assertThat(after.valid("/images/7/file", expires, signature)).isFalse();
        assertThat(new SignedUrls("other-key", Duration.ofMinutes(30), start).valid("/images/7/file", expires, signature)).isFalse();
        assertThat(during.valid("/images/7/file", "soon", signature)).isFalse();
    }

    @Test
    void theRateLimiterRefillsOverTime() {
        AtomicLong now = new AtomicLong();
        UploadRateLimiter limiter = new UploadRateLimiter(2, now::get);
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isEmpty();
        OptionalLong wait = limiter.acquire("a");
        assertThat(wait).hasValue(30);
        assertThat(limiter.acquire("b")).as("per client").isEmpty();
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isPresent();
    }
}
