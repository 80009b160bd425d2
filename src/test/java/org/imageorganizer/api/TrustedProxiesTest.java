package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.168.1.7", "::1"));

    @Test
    void trustsAddressesInsideTheConfiguredRangesOnly() {
        assertThat(proxies.trusts("10.20.30.40")).isTrue();
        assertThat(proxies.trusts("192.168.1.7")).isTrue();
        assertThat(proxies.trusts("192.168.1.8")).isFalse();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(proxies.trusts("not-an-address")).isFalse();
    }

    @Test
    void takesTheNearestUntrustedHopFromATrustedProxy() {
        assertThat(proxies.clientAddress("10.0.0.5", "203.0.113.9, 10.1.1.1")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.5", "1.2.3.4, 203.0.113.9")).as("the client cannot pick its address")
                .isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("203.0.113.9", "1.2.3.4")).as("untrusted peer").isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.5", "evil.example.com")).isEqualTo("10.0.0.5");
        assertThat(proxies.clientAddress("10.0.0.5", null)).isEqualTo("10.0.0.5");
    }

    @Test
    void refusesEntriesThatAreNotAddresses() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example.com"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
