package org.imageorganizer.store.cloud;

import com.cloudinary.Api;
import com.cloudinary.AuthToken;
import com.cloudinary.Cloudinary;
import com.cloudinary.Transformation;
import com.cloudinary.Uploader;
import com.cloudinary.Url;
import com.cloudinary.api.ApiResponse;
import com.cloudinary.api.exceptions.NotFound;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.RemoteCopy;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.RemoteLinks;
import org.imageorganizer.store.RemoteStore;
import org.imageorganizer.store.RemoteStoreException;
import org.imageorganizer.store.RemoteStoreException.Kind;
import org.imageorganizer.store.UploadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Images in Cloudinary, through its Java SDK (cloudinary-http44). Every asset is named after its
 * content ({@code FOLDER/SHA256}) and uploaded with {@code overwrite=false}, so the same image
 * always lands on the same asset and a repeated upload changes nothing. Assets are of type
 * {@code authenticated} unless public delivery is configured: then only signed links reach them,
 * and full-size links expire. Thumbnails are a URL transformation of the one asset
 * ({@code c_limit,w_N,h_N}), never a second upload.
 *
 * <p>Each request is retried on timeouts, connection failures, 5xx answers and rate limits
 * (420, 429, after the Retry-After they name), with exponential backoff; refused credentials
 * (401, 403) and other refusals are not. Thread-safe; the connection pool bounds the requests in
 * flight. The account's secret never appears in a message or a log line.
 */
public final class CloudinaryStorage implements ImageStorage, UploadStore, RemoteStore, RemoteLinks, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloudinaryStorage.class);
    /** The tag that marks a copy whose image was deleted from the library (when copies are kept). */
    public static final String DELETED_TAG = "image-organizer-deleted";

    private final CloudinaryConfig config;
    private final Cloudinary cloudinary;
    private final Uploader uploader;
    private final Api api;
    private final PoolingHttpClientConnectionManager connections;
    private final HttpClient downloads;
    private final Clock clock;
    private final CloudinaryCalls calls;

    public CloudinaryStorage(CloudinaryConfig config) {
        this(config, Clock.systemUTC());
    }

    CloudinaryStorage(CloudinaryConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.calls = new CloudinaryCalls(config);
        this.cloudinary = new Cloudinary(config.url().strip());
        String query = Optional.ofNullable(URI.create(config.url().strip()).getRawQuery()).orElse("");
        if (!query.matches("(.*&)?secure=.*")) {
            cloudinary.config.secure = true; // https links unless the URL says otherwise
        }
        this.connections = LastResponse.connectionManager(config.connections() + 1);
        cloudinary.config.properties.put("connectionManager", connections);
        cloudinary.config.timeout = (int) Math.max(1, config.requestTimeout().toSeconds());
        if (config.authTokenKey() != null) {
            cloudinary.config.authToken = new AuthToken(config.authTokenKey()).duration(config.linkLifetime().toSeconds());
        }
        this.uploader = cloudinary.uploader();
        this.api = cloudinary.api();
        this.downloads = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public CloudinaryConfig config() {
        return config;
    }

    @Override
    public String deliveryType() {
        return config.delivery().type();
    }

    @Override
    public String publicIdOf(String sha256) {
        return config.folder() + "/" + sha256;
    }

    @Override
    public String describe() {
        return "Cloudinary cloud " + config.cloudName() + " (API key " + config.apiKey() + ")";
    }

    // ---- uploads ----

    @Override
    public Uploaded upload(String sha256, byte[] content, String extension) throws RemoteStoreException, InterruptedException {
        String publicId = publicIdOf(sha256);
        Map<String, Object> options = requestOptions();
        options.put("public_id", publicId);
        options.put("overwrite", Boolean.FALSE);
        options.put("unique_filename", Boolean.FALSE);
        options.put("use_filename", Boolean.FALSE);
        // the user's file name stays on this computer
        options.put("filename", sha256 + (extension != null && extension.matches("[a-z0-9]{1,5}") ? "." + extension : ""));
        Map<?, ?> result = calls.withRetries("upload of " + publicId, () -> CloudinaryCalls.checked(uploader.upload(content, options)));
        return new Uploaded(copyOf(result, publicId), Boolean.TRUE.equals(result.get("existing")));
    }

    @Override
    public Optional<RemoteCopy> find(String sha256) throws RemoteStoreException, InterruptedException {
        String publicId = publicIdOf(sha256);
        Map<String, Object> options = new HashMap<>();
        options.put("type", deliveryType());
        options.put("resource_type", "image");
        Map<?, ?> found = calls.withRetries("look-up of " + publicId, () -> {
            try {
                ApiResponse response = api.resource(publicId, options);
                return response;
            } catch (NotFound e) {
                return null;
            } catch (IOException | RuntimeException e) {
                throw e instanceof IOException io ? io : CloudinaryCalls.adminFailure(e);
            } catch (Exception e) {
                throw CloudinaryCalls.adminFailure(e);
            }
        });
        return found == null ? Optional.empty() : Optional.of(copyOf(found, publicId));
    }

    @Override
    public void delete(RemoteCopy copy) throws RemoteStoreException, InterruptedException {
        Map<String, Object> options = requestOptions(copy.deliveryType());
        options.put("invalidate", Boolean.TRUE); // drop cached derivatives (thumbnails) from the CDN too
        Map<?, ?> result = calls.withRetries("deletion of " + copy.publicId(), () -> CloudinaryCalls.checked(uploader.destroy(copy.publicId(), options)));
        Object outcome = result.get("result");
        if (!"ok".equals(outcome) && !"not found".equals(outcome)) {
            throw new RemoteStoreException(Kind.REJECTED, 200, Optional.empty(),
                    "Cloudinary did not delete " + copy.publicId() + " (" + outcome + ").", null);
        }
    }

    @Override
    public void markDeleted(RemoteCopy copy) throws RemoteStoreException, InterruptedException {
        Map<String, Object> options = requestOptions(copy.deliveryType());
        calls.withRetries("tagging of " + copy.publicId(),
                () -> CloudinaryCalls.checked(uploader.addTag(DELETED_TAG, new String[] {copy.publicId()}, options)));
    }

    /** The options every Upload API call carries: delivery type, timeouts, and errors as answers rather than exceptions. */
    private Map<String, Object> requestOptions() {
        return requestOptions(deliveryType());
    }

    private Map<String, Object> requestOptions(String type) {
        Map<String, Object> options = new HashMap<>();
        options.put("type", type);
        options.put("resource_type", "image");
        options.put("return_error", Boolean.TRUE);
        int timeout = (int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis());
        options.put("timeout", timeout);
        options.put("connect_timeout", Math.min(timeout, 10_000));
        options.put("connection_request_timeout", timeout);
        return options;
    }

    private static RemoteCopy copyOf(Map<?, ?> answer, String publicId) throws RemoteStoreException {
        Object id = answer.get("public_id");
        Object version = answer.get("version");
        Object format = answer.get("format");
        Object type = answer.get("type");
        if (!publicId.equals(id) || !(version instanceof Number) || !(format instanceof String f) || f.isBlank()) {
            throw new RemoteStoreException(Kind.REJECTED, 200, Optional.empty(),
                    "Cloudinary's answer for " + publicId + " lacks the asset's id, version or format.", null);
        }
        return new RemoteCopy(publicId, ((Number) version).longValue(), ((String) format).toLowerCase(Locale.ROOT),
                type instanceof String t && !t.isBlank() ? t : "upload");
    }

    // ---- the server's uploads ----

    @Override
    public Stored store(String sha256, byte[] content, String extension) throws IOException, InterruptedException {
        Uploaded uploaded = upload(sha256, content, extension);
        return new Stored(StorageKind.CLOUDINARY, uploaded.copy().path(), !uploaded.existing());
    }

    @Override
    public void discard(Stored stored) {
        if (!stored.created()) {
            return; // the asset was there before this upload: another image may use it
        }
        try {
            delete(RemoteCopy.parse(stored.location()));
        } catch (RemoteStoreException | IllegalArgumentException e) {
            LOG.warn("Could not delete the Cloudinary copy {}: {}", stored.location(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- links ----

    /**
     * A link to the full image: with authenticated delivery a signed link that expires after the
     * configured lifetime (a private download link, or a delivery link with an access token when a
     * token key is configured); with public delivery the asset's plain URL.
     */
    @Override
    public String imageUrl(RemoteCopy copy) {
        if (!isAuthenticated(copy)) {
            return url(copy).generate(copy.publicId());
        }
        if (config.authTokenKey() != null) {
            return url(copy).signed(true).generate(copy.publicId());
        }
        Map<String, Object> options = new HashMap<>();
        options.put("type", copy.deliveryType());
        options.put("resource_type", "image");
        options.put("expires_at", clock.instant().plus(config.linkLifetime()).getEpochSecond());
        try {
            return cloudinary.privateDownload(copy.publicId(), copy.format(), options);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a Cloudinary link: " + CloudinaryConfig.mask(e.getMessage()), e);
        }
    }

    /**
     * A link to a thumbnail at most {@code size} pixels wide and high: a transformation of the one
     * asset ({@code c_limit,w_N,h_N}), signed with authenticated delivery (and expiring when a token
     * key is configured).
     */
    @Override
    public String thumbnailUrl(RemoteCopy copy, int size) {
        Url url = url(copy).transformation(new Transformation<>().crop("limit").width(size).height(size));
        return url.signed(isAuthenticated(copy)).generate(copy.publicId());
    }

    @Override
    public java.util.List<String> origins() {
        RemoteCopy sample = new RemoteCopy(config.folder() + "/x", 1, "jpg", deliveryType());
        return java.util.stream.Stream.of(imageUrl(sample), thumbnailUrl(sample, 1))
                .map(URI::create)
                .map(u -> u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
                .distinct()
                .toList();
    }

    private static boolean isAuthenticated(RemoteCopy copy) {
        return !"upload".equals(copy.deliveryType());
    }

    private Url url(RemoteCopy copy) {
        return cloudinary.url().resourceType("image").type(copy.deliveryType()).version(copy.version()).format(copy.format());
    }

    /** The asset behind an image the library keeps in Cloudinary. */
    public static Optional<RemoteCopy> copyOf(ImageRecord image) {
        return RemoteCopy.of(image);
    }

    // ---- ImageStorage: reading the images kept in Cloudinary ----

    @Override
    public boolean exists(ImageRecord image) {
        return copyOf(image).isPresent();
    }

    @Override
    public InputStream open(ImageRecord image) throws IOException {
        RemoteCopy copy = copyOf(image).orElseThrow(() -> new IOException("image " + image.id() + " is not a Cloudinary asset"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(imageUrl(copy))).timeout(config.requestTimeout()).GET().build();
        try {
            HttpResponse<InputStream> response = downloads.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("Cloudinary answered " + response.statusCode() + " for " + copy.publicId());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + copy.publicId(), e);
        }
    }

    @Override
    public Optional<Path> localFile(ImageRecord image) {
        return Optional.empty();
    }

    @Override
    public void close() {
        connections.shutdown();
    }

}
