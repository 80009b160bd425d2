package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class LocalAddressesTest {

    @Test
    void aServerOnEveryInterfaceIsReachedOnLoopbackFromThisComputer() {
        assertThat(LocalAddresses.onThisComputer("http://0.0.0.0:8080/")).isEqualTo("http://127.0.0.1:8080/");
        assertThat(LocalAddresses.onThisComputer("http://127.0.0.1:49152/")).isEqualTo("http://127.0.0.1:49152/");
    }

    @Test
    void otherDevicesGetThisComputersNetworkAddressesOnTheServersPort() throws Exception {
        for (String address : LocalAddresses.forOtherDevices("http://0.0.0.0:8123/")) {
            URI uri = URI.create(address);
            assertThat(uri.getScheme()).isEqualTo("http");
            assertThat(uri.getPort()).isEqualTo(8123);
            assertThat(uri.getPath()).isEqualTo("/");
            InetAddress host = InetAddress.getByName(uri.getHost());
            assertThat(host).as(address).isInstanceOf(java.net.Inet4Address.class);
            assertThat(host.isLoopbackAddress() || host.isLinkLocalAddress() || host.isAnyLocalAddress()).as(address).isFalse();
        }
    }
}
