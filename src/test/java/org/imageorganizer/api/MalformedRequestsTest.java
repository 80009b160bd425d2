package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.config.ServerOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests no client library would send (invalid UTF-8 and broken escapes in the query, an HTTP/0.9
 * request line, a header without a colon), sent as raw bytes to a server with an API key: each is a
 * 4xx with the JSON error body, and a flood of them leaves a few lines in the log, not stack traces.
 */
@Tag("model")
@Tag("database")
class MalformedRequestsTest {
    private static final String KEY = "test-key-0123456789abcdef";
    private static final String[] MALFORMED_QUERIES = {
        "/images/1/file?x=%ff", "/images?object=%ff%fe", "/images/1/thumbnail?size=%ff", "/images?object=%zz",
        "/images/1/file?expires=%c3%28&signature=00", "/images?limit=%"};

    @RegisterExtension
    static final RestServerFixture SERVER = RestServerFixture.oneServer(ServerOptions.local(0).withApiKey(KEY));

    private static JsonNode badRequest(RawHttp.Answer answer, int status) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "at org.");
        JsonNode body = RestServerTest.JSON.readTree(answer.body());
        assertThat(body.path("detail").asText()).isNotBlank();
        return body;
    }

    @Test
    void invalidUtf8OrBrokenEscapesInTheQueryAre400WithOrWithoutTheKey() throws Exception {
        try (RawHttp http = new RawHttp(SERVER.server().port)) {
            for (String target : MALFORMED_QUERIES) {
                JsonNode anonymous = badRequest(http.send("GET", target), 400);
                assertThat(anonymous.get("error").asText()).as(target).isEqualTo("bad_request");
                assertThat(anonymous.get("detail").asText()).as(target).contains("query");
                badRequest(http.send("GET", target, "X-API-Key: " + KEY), 400);
            }
            assertThat(http.send("GET", "/images?object=caf%C3%A9", "X-API-Key: " + KEY).status())
                    .as("valid UTF-8 is still fine").isEqualTo(200);
        }
    }

    @Test
    void tenThousandMalformedRequestsAddAFewKilobytesToTheLog() throws Exception {
        String[] refusedByTheServer = {"/images/..", "/images%2f1", "/images\\1", "/nothing-here", "/images/abc",
            "/images/1/thumbnail?size=77", "/storage/not-a-key"};
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 9_900; i++) {
            String request = i % 2 == 0 ? "GET " + MALFORMED_QUERIES[i / 2 % MALFORMED_QUERIES.length] + " HTTP/1.1\r\n"
                    : "GET " + refusedByTheServer[i / 2 % refusedByTheServer.length] + " HTTP/1.1\r\nX-API-Key: " + KEY + "\r\n";
            requests.add(request + "Host: 127.0.0.1\r\n\r\n");
        }
        try (LogBytes log = new LogBytes(); RawHttp http = new RawHttp(SERVER.server().port)) {
            for (int from = 0; from < requests.size(); from += 500) {
                for (RawHttp.Answer answer : http.pipeline(requests.subList(from, Math.min(requests.size(), from + 500)))) {
                    assertThat(answer.status()).as(answer.body()).isBetween(400, 404);
                    assertThat(answer.body()).startsWith("{\"error\":");
                }
            }
            for (int i = 0; i < 100; i++) { // refused by Jetty itself, each closing its connection
                badRequest(http.sendRaw("GET /images HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n"), 400);
            }
            assertThat(log.text()).doesNotContain("\tat ", "Exception");
            assertThat(log.count()).as(log.text()).isLessThanOrEqualTo(4096);
        }
        // Spark logs every request no route takes at INFO; the log configuration keeps that quiet
        // (LogFileConfiguratorTest checks that the product's configuration holds that logger at WARN)
    }

    @Test
    void jettysOwnRefusalsAreLabelledAndLeaveNoTrace() throws Exception {
        try (LogBytes log = new LogBytes(); RawHttp http = new RawHttp(SERVER.server().port)) {
            JsonNode old = badRequest(http.sendRaw("GET /\r\n\r\n"), 505);
            assertThat(old.get("error").asText()).isEqualTo("http_version_not_supported");
            assertThat(old.get("detail").asText()).doesNotContain("failed");
            JsonNode noColon = badRequest(http.sendRaw("GET /images HTTP/1.1\r\nHost: x\r\nNo colon\r\n\r\n"), 400);
            assertThat(noColon.get("error").asText()).isEqualTo("bad_request");
            assertThat(log.text()).doesNotContain("\tat ", "Exception");
        }
    }
}
