package org.imageorganizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerOptionsTest {
    @ParameterizedTest
    @CsvSource({
        "https://photos.example.org, https://photos.example.org",
        "https://photos.example.org/, https://photos.example.org",
        "HTTPS://Photos.Example.org:8443//, https://photos.example.org:8443",
        "http://203.0.113.7:8080/, http://203.0.113.7:8080",
        "https://example.org/organizer/, https://example.org/organizer",
        "'  http://[2001:db8::1]:8080 ', http://[2001:db8::1]:8080"})
    void aPublicUrlIsKeptWithoutItsTrailingSlash(String given, String kept) {
        assertThat(ServerOptions.local(0).withPublicUrl(given).publicUrl()).hasValue(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org", "example.org", "/relative", "https://", "https://user:pw@example.org",
        "https://example.org/?x=1", "https://example.org/#top", "https://example.org?", "javascript:alert(1)",
        "https://example.org/a/../b", "https://exa mple.org"})
    void anythingButHttpOrHttpsWithAHostAndNoQueryOrFragmentIsRefused(String url) {
        assertThatThrownBy(() -> ServerOptions.local(0).withPublicUrl(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankPublicUrlIsNone(String url) {
        assertThat(ServerOptions.local(0).withPublicUrl(url).publicUrl()).isEqualTo(Optional.empty());
        assertThat(ServerOptions.local(0).withPublicUrl(null).publicUrl()).isEmpty();
    }
}
