package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imageorganizer.cli.ErrorHandler;
import org.imageorganizer.config.Environment;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code organize}, {@code tree}, {@code list} and {@code export} as a user runs them, with the tiny model. */
@Tag("model")
@Tag("database")
class OrganizeEndToEndTest {
    private static final String MODEL = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath().toString();

    @TempDir
    Path home;
    @TempDir
    Path photos;

    private Environment environment;
    private String out;
    private String err;

    @BeforeEach
    void setUp() {
        environment = new Environment(home.resolve("data"), home.resolve("cache"), home.resolve("config"), home.resolve("logs"));
    }

    private int run(String... args) {
        CommandRun run = CommandRun.of(environment, Map.of(), args);
        out = run.out();
        err = run.err();
        return run.exitCode();
    }

    /** Writes good images in several formats and folders; returns them. */
    private List<Path> goodImages() {
        List<Path> good = new ArrayList<>();
        String[] formats = {"jpg", "png", "bmp", "gif"};
        for (int family = 0; family < 3; family++) {
            for (int variant = 0; variant < 8; variant++) {
                String format = formats[(family + variant) % formats.length];
                Path folder = photos.resolve(variant % 2 == 0 ? "album" : "album/nested/deeper");
                // names lie about the type on purpose for some files
                String extension = variant == 7 ? "dat" : format;
                good.add(TestImages.write(TestImages.picture(family, variant, 320 + variant * 10, 240),
                        format, folder.resolve("f" + family + "-v" + variant + "." + extension)));
            }
        }
        return good;
    }

    private Map<String, String> badFiles() throws IOException {
        Map<String, String> bad = new HashMap<>();
        Path dir = Files.createDirectories(photos.resolve("bad"));
        Files.write(dir.resolve("empty.jpg"), new byte[0]);
        bad.put("empty.jpg", "empty");
        Files.writeString(dir.resolve("notes.jpg"), "just some text, not a picture\n");
        bad.put("notes.jpg", "not an image");
        byte[] jpeg = TestImages.encode(TestImages.picture(0, 99, 400, 300), "jpg");
        Files.write(dir.resolve("truncated.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        bad.put("truncated.jpg", "truncated");
        Files.writeString(dir.resolve("vector.svg"), "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>");
        bad.put("vector.svg", "SVG");
        byte[] heic = new byte[64];
        System.arraycopy(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 0, heic, 0, 12);
        Files.write(dir.resolve("phone.heic"), heic);
        bad.put("phone.heic", "HEIC");
        Files.write(dir.resolve("bomb.png"), TestImages.pngHeaderClaiming(60000, 60000));
        bad.put("bomb.png", "megapixel");
        return bad;
    }

    @Test
    void organizeSortsEveryGoodImageOnceReportsBadFilesAndASecondRunImportsNothing() throws IOException {
        List<Path> good = goodImages();
        // the same content under another name is a duplicate, not a second image
        Files.copy(good.get(0), photos.resolve("album/copy-of-first.jpg"));
        Files.writeString(photos.resolve(".hidden-notes.txt"), "hidden files are skipped");
        Map<String, String> bad = badFiles();
        Path json = home.resolve("out.json");

        int code = run("organize", photos.toString(), "--model-dir", MODEL, "--json", json.toString(),
                "--db", home.resolve("lib").toString());

        assertThat(code).as(err).isZero();
        assertThat(err).contains("imported").contains(good.size() + " imported").contains("1 same content as another file")
                .doesNotContain("from an earlier run");
        // the first of the two in walk order (sorted by name) is the original; the other is named with it
        assertThat(err).containsPattern("\n  album/f0-v0\\.jpg: same photo as album/copy-of-first\\.jpg \\(id \\d+\\)\n");
        bad.forEach((name, reason) -> assertThat(err).as(name).containsPattern("bad/" + name.replace(".", "\\.") + ": .*" + reason));
        assertThat(err).doesNotContain(".hidden-notes").doesNotContain("Exception");

        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        List<Long> ids = new ArrayList<>();
        int total = 0;
        for (JsonNode object : tree) {
            total += object.get("total_images").asInt();
            for (JsonNode background : object.get("subgroups")) {
                List<Long> inClusters = new ArrayList<>();
                for (JsonNode cluster : background.get("clusters")) {
                    cluster.get("image_ids").forEach(id -> inClusters.add(id.asLong()));
                }
                List<Long> groupIds = new ArrayList<>();
                background.get("image_ids").forEach(id -> groupIds.add(id.asLong()));
                assertThat(inClusters).containsExactlyInAnyOrderElementsOf(groupIds);
                ids.addAll(groupIds);
            }
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(good.size());
        assertThat(total).isEqualTo(good.size());
        assertThat(out).contains(good.size() + " images in");

        int second = run("organize", photos.toString(), "--model-dir", MODEL, "--db", home.resolve("lib").toString());
        assertThat(second).isZero();
        assertThat(err).contains("0 imported").contains((good.size() + 1) + " already in the library from an earlier run")
                .doesNotContain("same content as another file");
    }

    @Test
    void h2KeepsItsOwnTraceOutOfTheLibrarysFolder() throws IOException {
        Path folder = Files.createDirectories(home.resolve("libs"));
        Files.write(folder.resolve("garbage.mv.db"), "this is not a database".repeat(200).getBytes(StandardCharsets.UTF_8));

        assertThat(run("tree", "--db", folder.resolve("garbage").toString())).isEqualTo(ErrorHandler.USER_ERROR);

        assertThat(err.strip()).startsWith("error:").doesNotContain("\n");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("garbage.mv.db");
        }
    }

    @Test
    void aPathThatDoesNotExistIsOneLineExitTwoAndNothingIsOpened() throws IOException {
        Path lib = home.resolve("never");
        Path missing = photos.resolve("no/such/path");
        TestImages.write(TestImages.picture(0, 1, 320, 240), "jpg", photos.resolve("real.jpg"));

        int code = run("organize", photos.toString(), missing.toString(), "--model-dir", home.resolve("no-model").toString(),
                "--db", lib.toString());

        assertThat(code).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err.strip()).doesNotContain("\n").startsWith("error: ").contains(missing.toString())
                .contains("no such file or folder");
        assertThat(out).isEmpty();
        assertThat(home.resolve("never.mv.db")).doesNotExist();
    }

    @Test
    void duplicatesAreNamedWithTheirOriginalTwentyAtMostWithoutVerboseAndTheReportHasEveryOutcome() throws IOException {
        Path original = TestImages.write(TestImages.picture(1, 1, 320, 240), "jpg", photos.resolve("nested/photo_01.jpg"));
        Files.copy(original, photos.resolve("photo_01_copy.jpg"));
        for (int i = 0; i < 22; i++) {
            Files.copy(original, Files.createDirectories(photos.resolve("zz")).resolve(String.format("again-%02d.jpg", i)));
        }
        Path other = TestImages.write(TestImages.picture(2, 2, 320, 240), "png", photos.resolve("other.png"));
        Files.writeString(photos.resolve("notes.jpg"), "not a picture");
        Path lib = home.resolve("lib-dups");
        Path report = home.resolve("report.json");
        Path json = home.resolve("tree.json");

        assertThat(run("organize", photos.toString(), "--model-dir", MODEL, "--db", lib.toString(), "--views", "1",
                "--report", report.toString(), "--json", json.toString())).as(err).isZero();

        assertThat(err).contains("Found 26 files: 2 imported, 23 duplicates (23 same content as another file), 1 failed");
        assertThat(err).containsPattern("\n  photo_01_copy\\.jpg: same photo as nested/photo_01\\.jpg \\(id \\d+\\)\n");
        assertThat(err).contains("  zz/again-18.jpg: same photo as nested/photo_01.jpg").doesNotContain("again-19.jpg")
                .contains("  and 3 more");
        JsonNode outcome = new ObjectMapper().readTree(report.toFile());
        assertThat(outcome.get("found").asInt()).isEqualTo(26);
        assertThat(outcome.get("imported")).hasSize(2);
        JsonNode first = outcome.get("imported").get(0);
        assertThat(first.get("path").asText()).isEqualTo(original.toAbsolutePath().toString());
        assertThat(outcome.get("imported").get(1).get("path").asText()).isEqualTo(other.toAbsolutePath().toString());
        assertThat(outcome.get("duplicates")).hasSize(23).allSatisfy(d -> {
            assertThat(d.get("kind").asText()).isEqualTo("same_import");
            assertThat(d.get("original").asText()).isEqualTo(original.toAbsolutePath().toString());
            assertThat(d.get("original_id").asLong()).isEqualTo(first.get("id").asLong());
        });
        assertThat(outcome.get("failed")).singleElement().satisfies(f -> {
            assertThat(f.get("path").asText()).isEqualTo(photos.resolve("notes.jpg").toAbsolutePath().toString());
            assertThat(f.get("reason").asText()).contains("not an image");
        });
        // --json keeps the product spec's grouped array
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree.isArray()).isTrue();
        assertThat(tree.get(0).has("object_category")).isTrue();

        // the same again: all from the earlier run now, and -v names every one
        assertThat(run("organize", photos.toString(), "--model-dir", MODEL, "--db", lib.toString(), "-v")).isZero();
        assertThat(err).contains("0 imported, 25 duplicates (25 already in the library from an earlier run), 1 failed");
        assertThat(err).containsPattern("\n  nested/photo_01\\.jpg: already in the library \\(id \\d+\\)\n")
                .contains("  zz/again-21.jpg: same photo as nested/photo_01.jpg (id " + first.get("id").asLong() + ")")
                .doesNotContain("more (-v");
    }

    @Test
    void listShowsWhenEachPhotoWasTakenSortsAndFiltersByIt() throws IOException {
        Path folder = Files.createDirectories(photos.resolve("dated"));
        for (String name : List.of("taken-with-offset.jpg", "taken-local.jpg", "no-exif.jpg", "nonsense-date.jpg")) {
            try (var in = getClass().getResourceAsStream("/metadata/" + name)) {
                Files.write(folder.resolve(name), in.readAllBytes());
            }
        }
        Files.setLastModifiedTime(folder.resolve("no-exif.jpg"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2020-02-02T10:00:00Z")));
        Files.setLastModifiedTime(folder.resolve("nonsense-date.jpg"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2019-01-01T10:00:00Z")));
        Path lib = home.resolve("dated-lib");
        assertThat(run("organize", folder.toString(), "--model-dir", MODEL, "--db", lib.toString(), "--views", "1")).isZero();

        assertThat(run("list", "--db", lib.toString(), "--json", "--sort", "taken")).isZero();
        JsonNode rows = new ObjectMapper().readTree(out);
        List<String> order = new ArrayList<>();
        rows.forEach(r -> order.add(Path.of(r.get("path").asText()).getFileName() + " " + r.get("taken_at").asText()
                + " " + r.get("taken_at_source").asText()));
        assertThat(order.get(0)).isEqualTo("taken-with-offset.jpg 2024-07-14T18:32:05+02:00 photo");
        assertThat(order.get(1)).isEqualTo("taken-local.jpg 2023-12-31T23:59:58 photo");
        assertThat(order.get(2)).startsWith("no-exif.jpg 2020-02-02T").endsWith(" file");
        assertThat(order.get(3)).startsWith("nonsense-date.jpg 2019-01-01T").endsWith(" file");
        assertThat(rows.get(1).get("camera").asText()).isEqualTo("Apple iPhone 13");

        assertThat(run("list", "--db", lib.toString(), "--taken-after", "2023-12", "--taken-before", "2024")).isZero();
        assertThat(out).contains("2023-12-31 23:59  ").contains("taken-local.jpg").doesNotContain("taken-with-offset.jpg")
                .contains("TAKEN");
        assertThat(run("list", "--db", lib.toString(), "--taken-after", "soon")).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("--taken-after must be a date such as 2024-06-01");
        assertThat(run("list", "--db", lib.toString(), "--sort", "size")).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("--sort must be id or taken");
    }

    @Test
    void listTreeAndExportShowTheFilesBehindTheIds() throws IOException {
        List<Path> good = goodImages().subList(0, 6);
        Path lib = home.resolve("lib2");
        for (Path file : good) {
            assertThat(run("organize", file.toString(), "--model-dir", MODEL, "--db", lib.toString(), "--views", "1")).isZero();
        }
        assertThat(run("tree", "--db", lib.toString())).isZero();
        assertThat(out).contains("6 images in");
        assertThat(run("organize", photos.toString(), "--model-dir", MODEL, "--db", home.resolve("adaptive").toString(),
                "--adaptive-tta")).isZero();
        assertThat(err).contains("24 imported");

        assertThat(run("list", "--db", lib.toString(), "--json")).isZero();
        JsonNode rows = new ObjectMapper().readTree(out);
        assertThat(rows).hasSize(6);
        List<String> paths = new ArrayList<>();
        rows.forEach(r -> paths.add(r.get("path").asText()));
        assertThat(paths).containsExactlyInAnyOrderElementsOf(good.stream().map(p -> p.toAbsolutePath().toString()).toList());

        Path export = home.resolve("sorted");
        assertThat(run("export", export.toString(), "--db", lib.toString(), "--copy")).isZero();
        try (var files = Files.walk(export)) {
            List<Path> exported = files.filter(Files::isRegularFile).toList();
            assertThat(exported).hasSize(6);
            assertThat(exported).allSatisfy(p -> assertThat(export.relativize(p).getNameCount()).isEqualTo(4));
        }
        for (Path original : good) {
            assertThat(original).exists();
        }
        assertThat(run("export", export.toString(), "--db", lib.toString())).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("not empty");
    }

    @Test
    void exportSaysWhichPhotosAreInSeveralPlaces() throws IOException {
        List<Path> good = goodImages().subList(0, 3);
        Path copies = Files.createDirectories(home.resolve("copies"));
        Path copy = Files.copy(good.get(0), copies.resolve("copy of " + good.get(0).getFileName()));
        Path lib = home.resolve("lib4");
        for (Path file : List.of(good.get(0), good.get(1), good.get(2), copy)) {
            assertThat(run("organize", file.toString(), "--model-dir", MODEL, "--db", lib.toString(), "--views", "1")).isZero();
        }
        assertThat(run("export", home.resolve("sorted4").toString(), "--db", lib.toString(), "--dry-run")).isZero();
        assertThat(out).containsPattern("link \\S*" + java.util.regex.Pattern.quote(good.get(0).getFileName().toString())
                + " -> .*  \\(the same photo is in 2 places\\)\n");
        assertThat(out.lines().filter(l -> l.contains("places)"))).hasSize(1);
        assertThat(out).contains("Would write 3 files into").contains("1 photo is in several places on disk");
    }

    @Test
    void movedPhotosAreFoundAgainWithoutTheModelRunning() throws IOException {
        List<Path> good = goodImages().subList(0, 4);
        Path lib = home.resolve("lib3");
        assertThat(run("organize", photos.resolve("album").toString(), "--model-dir", MODEL, "--db", lib.toString())).isZero();
        Path moved = Files.createDirectories(photos.resolve("moved")).resolve("renamed.jpg");
        Files.move(good.get(0), moved);
        assertThat(run("organize", moved.toString(), "--model-dir", MODEL, "--db", lib.toString())).isZero();
        assertThat(err).contains("1 moved, found again");
        assertThat(run("list", "--db", lib.toString(), "--json")).isZero();
        assertThat(out).contains(moved.toAbsolutePath().toString().replace("\\", "\\\\"));
    }

    @Test
    void unusableArgumentsModelAndDatabaseGiveOneLineAndNonZero() throws IOException {
        Files.createDirectories(photos);
        assertThat(run("organize", photos.toString(), "--model-dir", home.resolve("no-model").toString(),
                "--db", home.resolve("lib4").toString())).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err.strip()).startsWith("error: Model folder").doesNotContain("\tat ");

        Path garbage = home.resolve("garbage.mv.db");
        Files.write(garbage, "this is not a database".repeat(200).getBytes(StandardCharsets.UTF_8));
        assertThat(run("tree", "--db", home.resolve("garbage").toString())).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err.strip()).startsWith("error:").doesNotContain("\tat ");

        assertThat(run("organize", photos.toString(), "--model-dir", MODEL, "--views", "0")).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(run("organize")).isNotZero();

        assertThat(run("tree", "--db", home.resolve("lib5").toString(), "--algorithm", "dbscan")).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("dbscan").containsIgnoringCase("hdbscan").containsIgnoringCase("kmeans");
    }
}
