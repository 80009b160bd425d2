package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.imageorganizer.config.ServerOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The key check and the router read the same request: paths that a decoder would clean up into
 * something else (dot segments, encoded slashes, backslashes) are refused with 400 before either
 * sees them, and the method the router would take from X-HTTP-Method-Override is refused too. Sent
 * over a raw socket, as curl --path-as-is does.
 */
@Tag("model")
@Tag("database")
class RequestPathsTest {
    private static final String KEY = "test-key-0123456789abcdef";
    private static final String[] AMBIGUOUS = {
        "/images/..", "/images/.", "/images/../", "/images/%2e%2e", "/images/%2E%2e/", "/images/.%2e", "/images/%2e",
        "/storage/a/../..", "/storage/..", "/storage/%2e%2e/library.mv.db", "/static/../images", "/static/%2e%2e/images",
        "/./images", "/images/1/file/..", "/images/1/./file", "/images%2f1", "/images%2F1/file", "/storage/a%2f..%2fb",
        "/images\\1", "/images%5c1", "/images%5C1/file", "/health/../images", "/images/..;x=1", "/images/..?x=1"};

    @RegisterExtension
    static final RestServerFixture SERVER = RestServerFixture.oneServer(ServerOptions.local(0).withApiKey(KEY));

    @Test
    void pathsWithDotSegmentsEncodedSlashesOrBackslashesAre400WithoutAndWithTheKey() throws Exception {
        try (RawHttp http = new RawHttp(SERVER.server().port)) {
            for (String method : new String[] {"GET", "DELETE"}) {
                for (String path : AMBIGUOUS) {
                    for (String[] headers : new String[][] {{}, {"X-API-Key: " + KEY}}) {
                        RawHttp.Answer answer = http.send(method, path, headers);
                        assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isEqualTo(400);
                        JsonNode body = RestServerTest.JSON.readTree(answer.body());
                        assertThat(body.get("error").asText()).as(path).isEqualTo("bad_request");
                        assertThat(body.get("detail").asText()).as(path)
                                .doesNotContain("image id", "stored file").contains("path");
                    }
                }
            }
        }
    }

    @Test
    void theMethodOverrideHeaderIsRefusedSoOptionsCannotReadTheList() throws Exception {
        try (RawHttp http = new RawHttp(SERVER.server().port)) {
            RawHttp.Answer options = http.send("OPTIONS", "/images", "X-HTTP-Method-Override: GET");
            assertThat(options.status()).as(options.body()).isEqualTo(400);
            assertThat(options.body()).doesNotContain("\"images\"");
            assertThat(http.send("GET", "/images/1", "X-HTTP-Method-Override: DELETE", "X-API-Key: " + KEY).status())
                    .isEqualTo(400);
        }
    }

    @Test
    void theKeyIsCheckedOnThePathTheRouterMatches() throws Exception {
        try (RawHttp http = new RawHttp(SERVER.server().port)) {
            assertThat(http.send("GET", "/health").status()).isEqualTo(200);
            assertThat(http.send("GET", "/static/app.js").status()).isEqualTo(200);
            assertThat(http.send("GET", "/").status()).isEqualTo(200);
            assertThat(http.send("GET", "/images").status()).isEqualTo(401);
            assertThat(http.send("GET", "/images", "X-API-Key: " + KEY).status()).isEqualTo(200);
            assertThat(http.send("GET", "//images").status()).as("an empty segment the router skips").isEqualTo(401);
            assertThat(http.send("GET", "/images;x=1").status()).isEqualTo(401);
            assertThat(http.send("GET", "/static/app.js/..%3B/images").status()).isIn(400, 401);
            assertThat(http.send("GET", "/h%65alth").status()).as("not the public /health to the key check")
                    .isIn(400, 401, 404);
            assertThat(http.send("GET", "/images/5", "X-API-Key: " + KEY).status()).isEqualTo(404);
            assertThat(http.send("DELETE", "/images/5").status()).isEqualTo(401);
            assertThat(http.send("GET", "/storage/0123456789abcdef0123456789abcdef.jpg").status()).isEqualTo(401);
            assertThat(http.send("GET", "/images.json").status()).isEqualTo(401);
            assertThat(http.send("GET", "/some.file/x", "X-API-Key: " + KEY).status()).as("dots inside a name are fine")
                    .isEqualTo(404);
        }
    }
}
