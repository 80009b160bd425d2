package org.imageorganizer.testing;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Cloudinary's Upload API, the part of its Admin API the application uses, and its
 * delivery of images, as a WireMock extension that keeps the uploaded assets in memory. It checks
 * what real Cloudinary checks: the API key, the request signatures (SHA-1 of the sorted parameters
 * and the secret), the signatures of authenticated delivery links ({@code s--XXXXXXXX--}) and the
 * expiry of private download links. {@code overwrite=false} on an existing asset answers with the
 * stored asset and {@code "existing": true}, as Cloudinary does.
 *
 * <p>Tests add it in process; by hand it runs inside wiremock-standalone:
 * {@code java -cp wiremock-standalone.jar:target/test-classes wiremock.Run --root-dir
 * src/test/resources/cloudinary-stand-in --extensions org.imageorganizer.testing.FakeCloudinary}.
 * The key and secret are {@value #API_KEY} and {@value #API_SECRET} (system properties
 * {@code fake.cloudinary.key} and {@code fake.cloudinary.secret} change them); any cloud name works.
 */
public final class FakeCloudinary implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "fake-cloudinary";
    public static final String API_KEY = "123456789012345";
    public static final String API_SECRET = "stand-in-secret-abcdefghijklmnop";
    private static final Pattern DELIVERY = Pattern.compile(
            "/([^/]+)/image/(authenticated|upload)/(?:(s--[A-Za-z0-9_-]{8}--)/)?(?:([a-z]_[^/]+)/)?v(\\d+)/(.+)\\.([a-z0-9]+)");

    /** One stored asset. */
    public record Asset(String publicId, String type, long version, String format, byte[] bytes, Set<String> tags) {
    }

    private final String apiKey;
    private final String apiSecret;
    private final Map<String, Asset> assets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> uploadRequests = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong(1_700_000_000);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long uploadDelayMillis = Long.getLong("fake.cloudinary.upload.delay.ms", 0);

    public FakeCloudinary() {
        this(System.getProperty("fake.cloudinary.key", API_KEY), System.getProperty("fake.cloudinary.secret", API_SECRET));
    }

    public FakeCloudinary(String apiKey, String apiSecret) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** How long every upload takes (to have uploads in flight when a test kills a sync). */
    public void uploadDelay(long millis) {
        this.uploadDelayMillis = millis;
    }

    /** The stored assets by public id. */
    public Map<String, Asset> assets() {
        return Collections.unmodifiableMap(assets);
    }

    /** How many times each public id was created (more than 1 would be a duplicate upload). */
    public Map<String, Integer> createdCounts() {
        Map<String, Integer> out = new TreeMap<>();
        created.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** How many upload requests named each public id (signed and accepted ones). */
    public Map<String, Integer> uploadRequestCounts() {
        Map<String, Integer> out = new TreeMap<>();
        uploadRequests.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** The most uploads that were being answered at the same moment. */
    public int maxConcurrentUploads() {
        return maxInFlight.get();
    }

    public void reset() {
        assets.clear();
        created.clear();
        uploadRequests.clear();
        maxInFlight.set(0);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().replaceFirst("\\?.*", "");
        try {
            Matcher delivery = DELIVERY.matcher(path);
            if (path.matches("/v1_1/[^/]+/image/upload")) {
                return upload(request);
            }
            if (path.matches("/v1_1/[^/]+/image/destroy")) {
                return destroy(request);
            }
            if (path.matches("/v1_1/[^/]+/image/tags")) {
                return tags(request);
            }
            if (path.matches("/v1_1/[^/]+/image/download")) {
                return download(request);
            }
            if (path.matches("/v1_1/[^/]+/resources/image/[^/]+/.+")) {
                return resource(request, path);
            }
            if (delivery.matches()) {
                return deliver(delivery);
            }
            return error(404, "Unknown stand-in route " + path);
        } catch (RuntimeException e) {
            return error(500, "stand-in failure: " + e);
        }
    }

    private ResponseDefinition upload(Request request) {
        Map<String, String> params = textParts(request);
        ResponseDefinition refused = checkSignature(params);
        if (refused != null) {
            return refused;
        }
        byte[] file = request.getPart("file") == null ? null : request.getPart("file").getBody().asBytes();
        if (file == null || file.length == 0) {
            return error(400, "Missing required parameter - file");
        }
        String format = format(file);
        if (format == null) {
            return error(400, "Invalid image file");
        }
        String publicId = params.get("public_id");
        String type = params.getOrDefault("type", "upload");
        uploadRequests.computeIfAbsent(publicId, k -> new AtomicInteger()).incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (uploadDelayMillis > 0) {
                Thread.sleep(uploadDelayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
        boolean[] existing = {true};
        Asset asset = assets.compute(publicId, (id, old) -> {
            if (old != null && !"true".equals(params.get("overwrite"))) {
                return old;
            }
            existing[0] = false;
            created.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            return new Asset(id, type, versions.incrementAndGet(), format, file, ConcurrentHashMap.newKeySet());
        });
        Map<String, Object> body = describe(asset);
        if (existing[0]) {
            body.put("existing", true);
        }
        return json(200, body);
    }

    private ResponseDefinition destroy(Request request) {
        Map<String, String> params = textParts(request);
        ResponseDefinition refused = checkSignature(params);
        if (refused != null) {
            return refused;
        }
        Asset removed = assets.remove(params.get("public_id"));
        return json(200, Map.of("result", removed == null ? "not found" : "ok"));
    }

    private ResponseDefinition tags(Request request) {
        Map<String, String> params = textParts(request);
        ResponseDefinition refused = checkSignature(params);
        if (refused != null) {
            return refused;
        }
        List<String> ids = new ArrayList<>();
        for (String id : params.getOrDefault("public_ids[]", "").split(",")) {
            Asset asset = assets.get(id);
            if (asset != null && "add".equals(params.get("command"))) {
                asset.tags().add(params.get("tag"));
                ids.add(id);
            }
        }
        return json(200, Map.of("public_ids", ids));
    }

    private ResponseDefinition resource(Request request, String path) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeader("Authorization"))) {
            return error(401, "Invalid credentials");
        }
        Matcher m = Pattern.compile("/v1_1/[^/]+/resources/image/([^/]+)/(.+)").matcher(path);
        if (!m.matches()) {
            return error(404, "Not found");
        }
        String publicId = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
        Asset asset = assets.get(publicId);
        if (asset == null || !asset.type().equals(m.group(1))) {
            return error(404, "Resource not found - " + publicId);
        }
        return json(200, describe(asset));
    }

    private ResponseDefinition download(Request request) {
        Map<String, String> params = new TreeMap<>();
        for (String name : List.of("public_id", "format", "type", "expires_at", "timestamp", "attachment", "api_key", "signature")) {
            var value = request.queryParameter(name);
            if (value.isPresent()) {
                params.put(name, value.firstValue());
            }
        }
        ResponseDefinition refused = checkSignature(params);
        if (refused != null) {
            return refused;
        }
        if (params.containsKey("expires_at") && Long.parseLong(params.get("expires_at")) < Instant.now().getEpochSecond()) {
            return error(401, "The link has expired");
        }
        Asset asset = assets.get(params.get("public_id"));
        if (asset == null || !asset.type().equals(params.getOrDefault("type", "upload"))) {
            return error(404, "Resource not found");
        }
        return bytes(asset);
    }

    private ResponseDefinition deliver(Matcher m) {
        String type = m.group(2);
        String signature = m.group(3);
        String transformation = m.group(4);
        String publicId = m.group(6);
        String format = m.group(7);
        if ("authenticated".equals(type)) {
            String toSign = (transformation == null ? "" : transformation + "/") + publicId + "." + format;
            String expected = "s--" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(sha1(toSign + apiSecret)).substring(0, 8) + "--";
            if (!expected.equals(signature)) {
                return ResponseDefinition.notAuthorised();
            }
        }
        Asset asset = assets.get(publicId);
        if (asset == null || !asset.type().equals(type)) {
            return ResponseDefinition.notFound();
        }
        return bytes(asset);
    }

    private ResponseDefinition checkSignature(Map<String, String> params) {
        if (!apiKey.equals(params.get("api_key"))) {
            return error(401, "Unknown API key " + params.get("api_key"));
        }
        TreeMap<String, String> signed = new TreeMap<>(params);
        signed.remove("api_key");
        signed.remove("signature");
        signed.remove("file");
        StringBuilder text = new StringBuilder();
        signed.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                text.append(text.length() == 0 ? "" : "&").append(k.replace("[]", "")).append('=').append(v);
            }
        });
        String expected = HexFormat.of().formatHex(sha1(text + apiSecret));
        if (!expected.equals(params.get("signature"))) {
            return error(401, "Invalid Signature " + params.get("signature") + ". String to sign - '" + text + "'.");
        }
        return null;
    }

    private static Map<String, String> textParts(Request request) {
        Map<String, String> params = new TreeMap<>();
        if (request.isMultipart()) {
            for (Request.Part part : request.getParts()) {
                if (!"file".equals(part.getName())) {
                    params.merge(part.getName(), part.getBody().asString(), (a, b) -> a + "," + b);
                }
            }
        } else {
            request.formParameters().forEach((name, value) -> params.put(name, String.join(",", value.values())));
        }
        return params;
    }

    private Map<String, Object> describe(Asset asset) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("public_id", asset.publicId());
        body.put("version", asset.version());
        body.put("format", asset.format());
        body.put("resource_type", "image");
        body.put("type", asset.type());
        body.put("bytes", asset.bytes().length);
        body.put("tags", new ArrayList<>(asset.tags()));
        body.put("created_at", Instant.now().toString());
        return body;
    }

    private static ResponseDefinition bytes(Asset asset) {
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "image/" + ("jpg".equals(asset.format()) ? "jpeg" : asset.format()))
                .withBody(asset.bytes())
                .build();
    }

    private static ResponseDefinition json(int status, Object body) {
        // WireMock's own JSON writer: its Jackson is relocated inside the standalone jar, and nothing else is needed
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(Json.write(body))
                .build();
    }

    private static ResponseDefinition error(int status, String message) {
        return json(status, Map.of("error", Map.of("message", message)));
    }

    /** Cloudinary's name for the format of these bytes, or null when they are no image it knows. */
    static String format(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
            return "jpg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return "gif";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E') {
            return "webp";
        }
        if (b.length > 2 && b[0] == 'B' && b[1] == 'M') {
            return "bmp";
        }
        if (b.length > 4 && ((b[0] == 'I' && b[1] == 'I') || (b[0] == 'M' && b[1] == 'M'))) {
            return "tiff";
        }
        return null;
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
