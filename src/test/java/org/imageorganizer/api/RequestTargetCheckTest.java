package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {"/images/..", "/images/.", "/..", "/.", "/images/%2e%2E", "/images/.%2e/x", "/a/..;p=1/b",
        "/images%2f1", "/images%2F1", "/images\\1", "/images%5c1", "/images%5C1", "/images/%zz", "/images/%f", "/images/%ff",
        "images", ""})
    void refusesPathsADecoderWouldReadOtherwise(String path) {
        assertThatThrownBy(() -> RequestTargetCheck.check(path, null, null)).isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.status()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/images", "/images/12/file", "/static/app.js", "/some.file/x", "/...", "/a/.hidden",
        "/images/caf%C3%A9", "/images;x=1", "//images"})
    void passesEverythingElse(String path) {
        assertThatCode(() -> RequestTargetCheck.check(path, null, null)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=%ff", "object=%ff%fe", "size=%ff", "a=%zz", "a=%", "a=%c3%28", "a=%ed%a0%80"})
    void refusesQueriesThatAreNotPercentEncodedUtf8(String query) {
        assertThatThrownBy(() -> RequestTargetCheck.check("/images", query, null)).isInstanceOf(ApiError.class)
                .hasMessageContaining("query");
    }

    @ParameterizedTest
    @ValueSource(strings = {"object=caf%C3%A9", "object=a+b", "limit=5&offset=10", "x=", "&&", "object=café"})
    void passesWellFormedQueries(String query) {
        assertThatCode(() -> RequestTargetCheck.check("/images", query, null)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "DELETE", ""})
    void refusesTheMethodOverrideHeader(String method) {
        assertThatThrownBy(() -> RequestTargetCheck.check("/images", null, method)).isInstanceOf(ApiError.class)
                .hasMessageContaining("X-HTTP-Method-Override");
    }
}
