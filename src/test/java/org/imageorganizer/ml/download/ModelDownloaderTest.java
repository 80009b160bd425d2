package org.imageorganizer.ml.download;

import org.imageorganizer.common.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.TinyModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDownloaderTest {
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10));
    private static final String ZIP = "/files/tiny-clip.zip";
    private static final String TOKENIZER = "/files/tokenizer.json";

    @TempDir
    Path temp;

    private Path modelsDir;
    private LoopbackServer server;
    private ModelDownloader downloader;
    private byte[] model;
    private byte[] zip;
    private byte[] tokenizer;

    /** One progress call. */
    record Update(String file, long done, long total) {
    }

    @BeforeEach
    void setUp() throws IOException {
        modelsDir = temp.resolve("models");
        server = new LoopbackServer();
        downloader = new ModelDownloader(ModelDownloader.defaultHttpClient(), modelsDir, FAST,
                Duration.ofSeconds(5), Duration.ofSeconds(2));
        model = Files.readAllBytes(TinyModel.DIR.resolve("tiny-clip.pt"));
        tokenizer = Files.readAllBytes(TinyModel.DIR.resolve("tokenizer.json"));
        zip = zip(new String[] {"tiny-clip.pt"}, new byte[][] {model});
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    static byte[] zip(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                out.putNextEntry(new ZipEntry(names[i]));
                out.write(contents[i]);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private ModelSource source(URI zipUrl, String zipSha, long zipSize, URI tokenizerUrl, String tokenizerSha) {
        RemoteFile modelFile = RemoteFile.zipped("tiny-clip.zip", zipUrl, zipSha, zipSize, "tiny-clip.pt",
                "tiny-clip.pt");
        RemoteFile tokenizerFile = RemoteFile.plain("tokenizer.json", tokenizerUrl, tokenizerSha, tokenizer.length);
        ModelSource.ManifestValues manifest = ModelSource.ManifestValues.torchScript("tiny-clip-test-1", "fp32", 32, 224,
                List.of(0.48145466, 0.4578275, 0.40821073), List.of(0.26862954, 0.26130258, 0.27577711), 77, 100.0,
                "tiny-clip.pt", "tokenizer.json");
        return new ModelSource("tiny-clip", "Tiny CLIP-shaped test model", List.of(modelFile, tokenizerFile),
                manifest);
    }

    private ModelSource tinySource() {
        return source(server.uri(ZIP), Sha256.of(zip), zip.length, server.uri(TOKENIZER), Sha256.of(tokenizer));
    }

    private void serveAll() {
        server.serve(ZIP, zip);
        server.serve(TOKENIZER, tokenizer);
    }

    private Path partialDir() {
        return modelsDir.resolve(ModelDownloader.PARTIAL_DIR);
    }

    /** Files and folders in .partial other than lock files. */
    private List<Path> leftovers() throws IOException {
        if (!Files.isDirectory(partialDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(partialDir())) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".lock")).toList();
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("model")
    void anOnnxVariantIsAssembledWithItsEngineAndTextEncoderAndLoads() throws IOException {
        Path onnx = TinyModel.DIR.resolveSibling("tiny-clip-onnx-int8");
        byte[] vision = Files.readAllBytes(onnx.resolve("tiny-clip-image.onnx"));
        byte[] text = Files.readAllBytes(onnx.resolve("tiny-clip-text.onnx"));
        server.serve("/onnx/vision.onnx", vision);
        server.serve("/onnx/text.onnx", text);
        server.serve(TOKENIZER, tokenizer);
        RemoteFile visionFile = RemoteFile.plain("vision.onnx", server.uri("/onnx/vision.onnx"), Sha256.of(vision),
                vision.length);
        RemoteFile textFile = RemoteFile.plain("text.onnx", server.uri("/onnx/text.onnx"), Sha256.of(text), text.length);
        RemoteFile tokenizerFile = RemoteFile.plain("tokenizer.json", server.uri(TOKENIZER), Sha256.of(tokenizer),
                tokenizer.length);
        ModelSource source = new ModelSource("tiny-onnx", "Tiny ONNX", List.of(visionFile, textFile, tokenizerFile),
                new ModelSource.ManifestValues("tiny-clip-test-1@exported", org.imageorganizer.ml.ModelManifest.ONNX_RUNTIME,
                        "int8", 32, 224, List.of(0.48145466, 0.4578275, 0.40821073),
                        List.of(0.26862954, 0.26130258, 0.27577711), 77, 100.0, "vision.onnx", "text.onnx",
                        "tokenizer.json"));

        ModelFolder folder = downloader.downloadFolder(source, null);

        assertThat(folder.manifest().usesOnnxRuntime()).isTrue();
        assertThat(folder.manifest().modelId()).isEqualTo("tiny-clip-test-1@exported@onnx-int8");
        assertThat(folder.textModelFile()).isEqualTo(folder.directory().resolve("text.onnx"));
        try (org.imageorganizer.ml.ClipModel clip = org.imageorganizer.ml.ClipModels.load(folder)) {
            assertThat(clip.embedTexts(List.of("a photo of a cat."))[0]).hasSize(32);
        }
    }

    @Test
    void downloadsVerifiesAndInstallsThenReusesWithoutNetwork() throws IOException {
        serveAll();
        List<Update> updates = new CopyOnWriteArrayList<>();

        Path folder = downloader.download(tinySource(), (f, done, total) -> updates.add(new Update(f, done, total)));

        assertThat(folder).isEqualTo(modelsDir.resolve("tiny-clip").toAbsolutePath());
        ModelFolder opened = ModelFolder.open(folder);
        assertThat(opened.manifest().modelId()).isEqualTo("tiny-clip-test-1");
        assertThat(opened.manifest().name()).isEqualTo("Tiny CLIP-shaped test model");
        assertThat(opened.manifest().embeddingSize()).isEqualTo(32);
        assertThat(Files.readAllBytes(opened.modelFile())).isEqualTo(model);
        assertThat(Files.readAllBytes(opened.tokenizerFile())).isEqualTo(tokenizer);
        assertThat(opened.manifest().files()).extracting(f -> f.sha256())
                .containsExactly(Sha256.of(model), Sha256.of(tokenizer));
        assertThat(leftovers()).isEmpty();

        for (String name : List.of("tiny-clip.zip", "tokenizer.json")) {
            long size = name.endsWith(".zip") ? zip.length : tokenizer.length;
            List<Update> forFile = updates.stream().filter(u -> u.file().equals(name)).toList();
            assertThat(forFile).isNotEmpty();
            assertThat(forFile).allSatisfy(u -> assertThat(u.total()).isEqualTo(size));
            assertThat(forFile).extracting(Update::done).isSorted();
            assertThat(forFile.get(forFile.size() - 1).done()).isEqualTo(size);
        }
        assertThat(server.requests).hasSize(2);

        Path again = downloader.download(tinySource(), DownloadProgress.NONE);
        assertThat(again).isEqualTo(folder);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void checksumMismatchFailsAndLeavesNothing() throws IOException {
        byte[] altered = zip.clone();
        altered[altered.length / 2] ^= 0x55;
        server.serve(ZIP, altered);
        server.serve(TOKENIZER, tokenizer);

        assertThatThrownBy(() -> downloader.download(tinySource(), null))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("expected " + Sha256.of(zip))
                .hasMessageContaining("got " + Sha256.of(altered));

        assertThat(modelsDir.resolve("tiny-clip")).doesNotExist();
        assertThat(leftovers()).isEmpty();
        assertThat(server.requests(ZIP)).hasSize(1);
    }

    @Test
    void resumesWithRangeAfterTheConnectionIsCut() throws IOException {
        int half = zip.length / 2;
        server.route(ZIP, (exchange, n) -> {
            if (n == 1) {
                LoopbackServer.sendTruncated(exchange, zip, half);
            } else {
                LoopbackServer.send(exchange, zip);
            }
        });
        server.serve(TOKENIZER, tokenizer);
        List<Update> updates = new CopyOnWriteArrayList<>();

        Path folder = downloader.download(tinySource(), (f, done, total) -> updates.add(new Update(f, done, total)));

        assertThat(ModelFolder.open(folder).manifest().modelId()).isEqualTo("tiny-clip-test-1");
        List<LoopbackServer.Request> zipRequests = server.requests(ZIP);
        assertThat(zipRequests).hasSize(2);
        assertThat(zipRequests.get(0).range()).isNull();
        assertThat(zipRequests.get(1).range()).matches("bytes=\\d+-");
        long resumedAt = Long.parseLong(zipRequests.get(1).range().replaceAll("\\D", ""));
        assertThat(resumedAt).isPositive().isLessThanOrEqualTo(half);
        // the resumed transfer reports progress from where it left off, not from zero
        assertThat(updates).filteredOn(u -> u.file().equals("tiny-clip.zip")).extracting(Update::done)
                .contains(resumedAt).last().isEqualTo((long) zip.length);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void resumesAfterTheBodyStalls() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        int half = zip.length / 2;
        server.route(ZIP, (exchange, n) -> {
            if (n == 1) {
                exchange.sendResponseHeaders(200, zip.length);
                OutputStream out = exchange.getResponseBody();
                out.write(zip, 0, half);
                out.flush();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("test: stalled connection ends");
            }
            LoopbackServer.send(exchange, zip);
        });
        server.serve(TOKENIZER, tokenizer);
        ModelDownloader impatient = new ModelDownloader(ModelDownloader.defaultHttpClient(), modelsDir, FAST,
                Duration.ofSeconds(5), Duration.ofMillis(200));
        try {
            Path folder = impatient.download(tinySource(), null);
            assertThat(ModelFolder.open(folder).directory()).isEqualTo(folder);
        } finally {
            release.countDown();
        }
        assertThat(server.requests(ZIP)).hasSize(2);
        assertThat(server.requests(ZIP).get(1).range()).isNotNull();
    }

    @Test
    void noNetworkSaysSoAndExplainsTheWayByHand() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/tiny-clip.zip");
        ModelSource source = source(closed, Sha256.of(zip), zip.length, server.uri(TOKENIZER), Sha256.of(tokenizer));

        assertThatThrownBy(() -> downloader.download(source, null))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("Cannot download the CLIP model: no network connection")
                .hasMessageContaining("could not reach 127.0.0.1:" + port + ": connection refused")
                .hasMessageContaining("tiny-clip.zip from " + closed)
                .hasMessageContaining("tokenizer.json from " + server.uri(TOKENIZER))
                .hasMessageContaining("--model-dir DIR")
                .hasMessageContaining("Supplying the model by hand");
        assertThat(modelsDir.resolve("tiny-clip")).doesNotExist();
    }

    @Test
    void refusesAnUnpinnedFileBeforeAnyRequest() {
        serveAll();
        ModelSource unpinned = source(server.uri(ZIP), null, -1, server.uri(TOKENIZER), Sha256.of(tokenizer));

        assertThatThrownBy(() -> downloader.download(unpinned, null))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("Refusing to download tiny-clip.zip")
                .hasMessageContaining("no pinned SHA-256")
                .hasMessageContaining("--model-dir DIR");
        assertThat(server.requests).isEmpty();
        assertThat(modelsDir.resolve("tiny-clip")).doesNotExist();
    }

    @Test
    void refusesAZipWithAnEntryOutsideTheFolder() throws IOException {
        byte[] evil = zip(new String[] {"../evil.txt", "tiny-clip.pt"}, new byte[][] {"x".getBytes(), model});
        server.serve(ZIP, evil);
        server.serve(TOKENIZER, tokenizer);
        ModelSource source = source(server.uri(ZIP), Sha256.of(evil), evil.length, server.uri(TOKENIZER),
                Sha256.of(tokenizer));

        assertThatThrownBy(() -> downloader.download(source, null))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("unsafe entry name \"../evil.txt\"");
        assertThat(modelsDir.resolve("tiny-clip")).doesNotExist();
        assertThat(temp.resolve("evil.txt")).doesNotExist();
        assertThat(modelsDir.resolve("evil.txt")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void httpErrorNamesUrlAndStatusWithoutRetrying() {
        server.serve(TOKENIZER, tokenizer);

        assertThatThrownBy(() -> downloader.download(tinySource(), null))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(server.uri(ZIP).toString())
                .hasMessageContaining("HTTP 404");
        assertThat(server.requests(ZIP)).hasSize(1);
    }

    @Test
    void serverErrorsAreRetried() throws IOException {
        server.route(ZIP, (exchange, n) -> {
            if (n < 3) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            } else {
                LoopbackServer.send(exchange, zip);
            }
        });
        server.serve(TOKENIZER, tokenizer);

        Path folder = downloader.download(tinySource(), null);

        assertThat(ModelFolder.open(folder).manifest().modelId()).isEqualTo("tiny-clip-test-1");
        assertThat(server.requests(ZIP)).hasSize(3);
    }

    @Test
    void refusesALargerFileThanExpected() throws IOException {
        serveAll();
        ModelSource small = source(server.uri(ZIP), Sha256.of(zip), zip.length - 1, server.uri(TOKENIZER),
                Sha256.of(tokenizer));

        assertThatThrownBy(() -> downloader.download(small, null))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("more than the " + (zip.length - 1));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void resumesAPartialFileLeftByAnEarlierRun() throws IOException {
        serveAll();
        ModelSource source = tinySource();
        Files.createDirectories(partialDir());
        String partName = "tiny-clip." + Sha256.of(zip).substring(0, 16) + ".tiny-clip.zip.part";
        Files.write(partialDir().resolve(partName), Arrays.copyOf(zip, 1000));

        Path folder = downloader.download(source, null);

        assertThat(ModelFolder.open(folder).directory()).isEqualTo(folder);
        assertThat(server.requests(ZIP)).extracting(LoopbackServer.Request::range).containsExactly("bytes=1000-");
    }

    @Test
    void aCompletePartialFileOfUnknownSizeIsKeptWhenTheServerSaysNothingIsLeft() throws IOException {
        serveAll();
        ModelSource unknownSize = source(server.uri(ZIP), Sha256.of(zip), -1, server.uri(TOKENIZER),
                Sha256.of(tokenizer));
        Files.createDirectories(partialDir());
        String partName = "tiny-clip." + Sha256.of(zip).substring(0, 16) + ".tiny-clip.zip.part";
        Files.write(partialDir().resolve(partName), zip);

        Path folder = downloader.download(unknownSize, null);

        assertThat(ModelFolder.open(folder).directory()).isEqualTo(folder);
        assertThat(server.requests(ZIP)).extracting(LoopbackServer.Request::range)
                .containsExactly("bytes=" + zip.length + "-");
    }

    @Test
    void aStalePartialFileOfAnotherVersionIsDownloadedAgainFromTheStart() throws IOException {
        serveAll();
        Files.createDirectories(partialDir());
        String partName = "tiny-clip." + Sha256.of(zip).substring(0, 16) + ".tiny-clip.zip.part";
        byte[] stale = new byte[1000];
        Files.write(partialDir().resolve(partName), stale);

        Path folder = downloader.download(tinySource(), null);

        assertThat(ModelFolder.open(folder).directory()).isEqualTo(folder);
        assertThat(server.requests(ZIP)).extracting(LoopbackServer.Request::range)
                .containsExactly("bytes=1000-", null);
    }

    @Test
    void replacesADamagedFolderAtTheFinalPath() throws IOException {
        serveAll();
        Path damaged = Files.createDirectories(modelsDir.resolve("tiny-clip"));
        Files.writeString(damaged.resolve("manifest.json"), "{ not json");

        Path folder = downloader.download(tinySource(), null);

        assertThat(ModelFolder.open(folder).manifest().modelId()).isEqualTo("tiny-clip-test-1");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void usesAFolderSuppliedByHandEvenWhenTheSourceIsUnpinned() throws IOException {
        Path target = Files.createDirectories(modelsDir.resolve("tiny-clip"));
        for (String name : List.of("manifest.json", "tiny-clip.pt", "tokenizer.json")) {
            Files.copy(TinyModel.DIR.resolve(name), target.resolve(name));
        }
        ModelSource unpinned = source(server.uri(ZIP), null, -1, server.uri(TOKENIZER), null);

        assertThat(downloader.download(unpinned, null)).isEqualTo(target.toAbsolutePath());
        assertThat(server.requests).isEmpty();
    }

    @Test
    void downloadFolderHandsOverTheCheckedFolderAndDownloadsOnlyWhenNeeded() throws IOException {
        Path target = Files.createDirectories(modelsDir.resolve("tiny-clip"));
        for (String name : List.of("manifest.json", "tiny-clip.pt", "tokenizer.json")) {
            Files.copy(TinyModel.DIR.resolve(name), target.resolve(name));
        }
        ModelSource unpinned = source(server.uri(ZIP), null, -1, server.uri(TOKENIZER), null);
        assertThat(downloader.downloadFolder(unpinned, null).directory()).isEqualTo(target.toAbsolutePath());
        assertThat(server.requests).isEmpty();

        Files.writeString(target.resolve("tokenizer.json"), "damaged");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> downloader.downloadFolder(unpinned, null))
                .isInstanceOf(org.imageorganizer.model.ModelException.class);
    }
}
