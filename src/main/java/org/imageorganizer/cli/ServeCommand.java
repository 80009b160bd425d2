package org.imageorganizer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the REST server and web page. Every option can also come from an environment
 * variable, as cloud containers are configured; an option given on the command line wins.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the REST server and its web page (headless; stops cleanly on SIGTERM or Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
    private static final long MB = 1024L * 1024;

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "H", defaultValue = "${env:IMAGE_ORGANIZER_HOST:-127.0.0.1}",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; env IMAGE_ORGANIZER_HOST). "
                    + "Anything but loopback needs an API key or --insecure.")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:PORT:-8080}",
            description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}; env PORT).")
    int port;

    @picocli.CommandLine.Mixin
    LibraryOption library;

    @Option(names = "--storage", paramLabel = "DIR", defaultValue = "${env:IMAGE_ORGANIZER_STORAGE}",
            description = "Folder for uploaded images (default: env IMAGE_ORGANIZER_STORAGE or the per-user data folder).")
    Path storage;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Model folder; repeat it for one folder per variant "
            + "(default: $IMAGE_ORGANIZER_MODEL_DIR, a path list, the settings, or the downloaded CLIP model).")
    java.util.List<Path> modelDirs = new java.util.ArrayList<>();

    @Option(names = "--precision", paramLabel = "P", description = "Model variant: auto (measure the variants present and "
            + "keep the fastest close to fp32), fp32, bf16 or int8 (default from settings: auto). An existing library "
            + "keeps the variant it was built with.")
    String precision;

    @Option(names = "--api-key-file", paramLabel = "F", description = "File holding the API key (its first line). "
            + "Without it, env IMAGE_ORGANIZER_API_KEY; without either, no key.")
    Path apiKeyFile;

    @Option(names = "--insecure", description = "Listen on a non-loopback address without an API key "
            + "(only when something in front authenticates every request).")
    boolean insecure;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",",
            defaultValue = "${env:IMAGE_ORGANIZER_CORS_ORIGINS}",
            description = "Origin allowed to call the API from a browser; repeat or separate with commas "
                    + "(default: none beyond the server's own page; env IMAGE_ORGANIZER_CORS_ORIGINS).")
    List<String> corsOrigins;

    @Option(names = "--trusted-proxy", paramLabel = "ADDR", split = ",",
            defaultValue = "${env:IMAGE_ORGANIZER_TRUSTED_PROXIES}",
            description = "Address or CIDR range of a reverse proxy whose X-Forwarded-* headers are believed "
                    + "(env IMAGE_ORGANIZER_TRUSTED_PROXIES).")
    List<String> trustedProxies;

    @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:IMAGE_ORGANIZER_PUBLIC_URL}",
            description = "The address clients reach the server at (https://photos.example.org, maybe with a path): "
                    + "image links are built from it. Without it, links are relative to the server "
                    + "(env IMAGE_ORGANIZER_PUBLIC_URL).")
    String publicUrl;

    @Option(names = "--max-file-mb", paramLabel = "MB", defaultValue = "${env:IMAGE_ORGANIZER_MAX_FILE_MB:-50}",
            description = "Largest uploaded file (default: ${DEFAULT-VALUE} MB).")
    long maxFileMb;

    @Option(names = "--max-request-mb", paramLabel = "MB", defaultValue = "${env:IMAGE_ORGANIZER_MAX_REQUEST_MB:-200}",
            description = "Largest upload request (default: ${DEFAULT-VALUE} MB).")
    long maxRequestMb;

    @Option(names = "--max-files", paramLabel = "N", defaultValue = "${env:IMAGE_ORGANIZER_MAX_FILES:-100}",
            description = "Most files in one upload request (default: ${DEFAULT-VALUE}).")
    int maxFiles;

    @Option(names = "--uploads-per-minute", paramLabel = "N",
            defaultValue = "${env:IMAGE_ORGANIZER_UPLOADS_PER_MINUTE:-60}",
            description = "Upload requests one client address may make per minute (default: ${DEFAULT-VALUE}).")
    int uploadsPerMinute;

    @Option(names = "--uploads-at-once", paramLabel = "N", defaultValue = "${env:IMAGE_ORGANIZER_UPLOADS_AT_ONCE:-16}",
            description = "Upload requests read at once from all clients, at most 32; one more waits up to a second, "
                    + "then gets 503 (default: ${DEFAULT-VALUE}).")
    int uploadsAtOnce;

    @Option(names = "--uploads-at-once-per-client", paramLabel = "N",
            defaultValue = "${env:IMAGE_ORGANIZER_UPLOADS_AT_ONCE_PER_CLIENT:-4}",
            description = "Upload requests one client address may have read at once; one more waits up to a second, "
                    + "then gets 503 (default: ${DEFAULT-VALUE}).")
    int uploadsAtOncePerClient;

    @Option(names = "--min-upload-rate", paramLabel = "BYTES",
            defaultValue = "${env:IMAGE_ORGANIZER_MIN_UPLOAD_RATE:-1024}",
            description = "Slowest average rate, in bytes a second, a request body may arrive at before it is cut off "
                    + "with 408; 0 for none (default: ${DEFAULT-VALUE}).")
    int minUploadRate;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "${env:IMAGE_ORGANIZER_IDLE_TIMEOUT:-30}",
            description = "Seconds a connection may send nothing, mid-body or between requests, before it is closed "
                    + "(default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds;

    ServeCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerOptions options;
        try {
            options = new ServerOptions(host, port, apiKey(), insecure, clean(corsOrigins), clean(trustedProxies),
                    maxFileMb * MB, maxRequestMb * MB, maxFiles, uploadsPerMinute, BuildInfo.load().sourceUrl(),
                    Optional.ofNullable(publicUrl),
                    uploadsAtOnce, uploadsAtOncePerClient, minUploadRate, Duration.ofSeconds(idleTimeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (InterruptSignals signals = new InterruptSignals(stop::countDown);
             CliServices.RunningServer server = services.startServer(options, library.location(), storage, modelDirs, precision)) {
            out.println("Serving on " + server.url() + "  (Ctrl-C or SIGTERM stops)");
            out.println("Uploads go to " + server.uploadsGoTo() + ".");
            out.flush();
            stop.await();
            err.println("Stopping: finishing the requests in progress...");
            err.flush();
        }
        return 0;
    }

    private Optional<String> apiKey() {
        if (apiKeyFile != null) {
            try {
                String key = Files.readAllLines(apiKeyFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
                if (key.length() < 16) {
                    throw new UserException("The API key in " + apiKeyFile + " is shorter than 16 characters.");
                }
                return Optional.of(key);
            } catch (IOException e) {
                throw new UserException("Cannot read the API key file " + apiKeyFile + ": " + e.getMessage());
            }
        }
        Optional<String> fromEnv = Optional.ofNullable(System.getenv("IMAGE_ORGANIZER_API_KEY")).map(String::strip)
                .filter(s -> !s.isEmpty());
        if (fromEnv.isPresent() && fromEnv.get().length() < 16) {
            throw new UserException("IMAGE_ORGANIZER_API_KEY is shorter than 16 characters.");
        }
        return fromEnv;
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
