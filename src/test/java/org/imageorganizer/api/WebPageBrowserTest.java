package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imageorganizer.config.ServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser (headless Chromium) against the real server with the tiny model:
 * files dropped on the page are uploaded with their progress and errors, the category tree fills
 * in, its nodes show thumbnails, a thumbnail opens the detail view, Delete removes the image; with
 * an API key the page asks for it first. The console must stay free of errors and CSP violations.
 */
@Tag("browser")
@Tag("model")
@Tag("database")
class WebPageBrowserTest {
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "a-test-key-of-sufficient-length";
    private static final String FIND_NODE = WebPageSession.FIND_NODE;

    @TempDir
    Path folder;

    private WebPageSession page;
    private TestServer server;
    private HeadlessChromium chrome;
    private WebDriverWait wait;

    @BeforeAll
    static void browserInstalled() {
        HeadlessChromium.requireInstalled();
    }

    private void start(ServerOptions options) throws Exception {
        page = new WebPageSession(SERVERS, folder, options);
        server = page.server;
        chrome = page.chrome;
        wait = page.wait;
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void uploadsDroppedFilesAndBrowsesTheTree() throws Exception {
        start(ServerOptions.local(0));
        wait.until(d -> !d.findElements(By.cssSelector("#tree .node[data-level='all']")).isEmpty());
        assertThat(chrome.script("return document.getElementById('source-link').href")).asString().startsWith("https://");

        List<Path> photos = page.photos(4);
        Path text = Files.writeString(folder.resolve("notes.jpg"), "Just some text, not a picture.\n".repeat(20));
        List<Path> dropped = new ArrayList<>(photos);
        dropped.add(text);
        page.drop(dropped);
        Map<String, String> statuses = page.waitForUploads(5);
        for (Path photo : photos) {
            assertThat(statuses).containsEntry(photo.getFileName().toString(), "done");
        }
        assertThat(statuses).containsEntry("notes.jpg", "error");
        // in words, never an HTTP status code
        assertThat(page.uploadMessage("notes.jpg")).startsWith("Not a photo this app can read")
                .contains("plain text").doesNotContain("415");

        Map<String, Integer> objects = page.waitForTree(4);
        assertThat(objects).isEqualTo(page.serverObjects());
        String object = objects.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

        filterTree(object);
        page.clickNode(object);
        wait.until(d -> object.equals(page.textOf("gallery-title")));
        List<WebElement> thumbs = page.waitForThumbnails(objects.get(object));
        long id = Long.parseLong(thumbs.get(0).getAttribute("data-image-id"));
        JsonNode image = JSON.readTree(server.get("/images/" + id));
        assertThat(image.get("object_category").asText()).isEqualTo(object);

        thumbs.get(0).click();
        wait.until(d -> Boolean.TRUE.equals(chrome.script("return document.getElementById('detail').open")));
        assertThat(page.textOf("detail-title")).isEqualTo(image.get("filename").asText());
        assertThat(page.textOf("detail-object")).isEqualTo(object);
        assertThat(page.textOf("detail-background")).isEqualTo(image.get("background_category").asText());
        assertThat(page.textOf("detail-object-confidence"))
                .isEqualTo(Math.round(image.get("object_confidence").asDouble() * 100) + "%");
        assertThat(page.textOf("detail-dimensions")).startsWith("320 × 240");
        wait.until(d -> Boolean.TRUE.equals(chrome.script(
                "const i = document.getElementById('detail-image'); return i.complete && i.naturalWidth > 0")));
        new Actions(chrome.driver()).sendKeys(Keys.ESCAPE).perform();
        wait.until(d -> Boolean.FALSE.equals(chrome.script("return document.getElementById('detail').open")));

        showFirstCluster(object);

        page.drop(List.of(photos.get(0)));
        assertThat(page.waitForUploads(6)).hasSize(5); // the same file name twice: the later status counts
        assertThat(chrome.script("const items = document.querySelectorAll('.upload-item');"
                + " return items[items.length - 1].dataset.status")).isEqualTo("duplicate");

        WebElement victim = chrome.driver().findElement(By.cssSelector("#grid .thumb"));
        String deleted = victim.getAttribute("data-image-id");
        victim.click();
        wait.until(d -> Boolean.TRUE.equals(chrome.script("return document.getElementById('detail').open")));
        chrome.driver().findElement(By.id("detail-delete")).click();
        chrome.driver().findElement(By.id("delete-yes")).click();
        wait.until(d -> Boolean.FALSE.equals(chrome.script("return document.getElementById('detail').open")));
        wait.until(d -> server.imageCount() == 3);
        wait.until(d -> d.findElements(By.cssSelector(".thumb[data-image-id='" + deleted + "']")).isEmpty());
        assertThat(page.waitForTree(3)).isEqualTo(page.serverObjects());

        page.assertCleanConsole(415);
    }

    @Test
    void asksForTheApiKeyThenUploadsAndShowsSignedThumbnails() throws Exception {
        start(ServerOptions.local(0).withApiKey(KEY));
        wait.until(d -> d.findElement(By.id("api-key-form")).isDisplayed());

        // files dropped before the key is known wait for it
        List<Path> photos = page.photos(3);
        page.drop(photos);
        wait.until(d -> Boolean.TRUE.equals(chrome.script("const items = document.querySelectorAll('.upload-item');"
                + " return items.length === 3 && Array.from(items).every(i => i.dataset.status === 'waiting')")));

        page.enterKey("not-the-right-key-at-all");
        wait.until(d -> d.findElement(By.id("key-error")).isDisplayed());
        assertThat(page.textOf("key-error")).contains("did not accept");
        page.enterKey(KEY);
        wait.until(d -> !d.findElement(By.id("key-panel")).isDisplayed());
        assertThat(chrome.driver().findElement(By.id("forget-key")).isDisplayed()).isTrue();
        assertThat(page.waitForUploads(3).values()).containsOnly("done");
        Map<String, Integer> objects = page.waitForTree(3);
        assertThat(objects).isEqualTo(page.serverObjects());

        page.clickNode(null);
        List<WebElement> thumbs = page.waitForThumbnails(3);
        for (WebElement thumb : thumbs) {
            assertThat(thumb.findElement(By.tagName("img")).getAttribute("src")).contains("signature=");
        }

        chrome.driver().findElement(By.id("forget-key")).click();
        wait.until(d -> d.findElement(By.id("api-key-form")).isDisplayed());
        assertThat(chrome.script("return sessionStorage.length")).isEqualTo(0L);

        page.assertCleanConsole(401);
    }

    @Test
    void imagesWaitingForTheClusteringAreShownAsSorting() throws Exception {
        start(ServerOptions.local(0));
        server.holdClustering(); // the new images stay where the clustering has not reached them
        page.drop(page.photos(3));
        assertThat(page.waitForUploads(3).values()).containsOnly("done");

        JsonNode group = JSON.readTree(server.get("/clusters/grouped")).get(0);
        String object = group.get("object_category").asText();
        JsonNode sub = group.get("subgroups").get(0);
        String background = sub.get("background_category").asText();
        wait.until(d -> "true".equals(chrome.script("return document.getElementById('tree').dataset.stale")));
        page.expandBackground(object, background);
        wait.until(d -> chrome.script(FIND_NODE, "cluster", object, background, "pending") != null);
        WebElement sorting = (WebElement) chrome.script(FIND_NODE, "cluster", object, background, "pending");
        assertThat(sorting.getText()).startsWith("Sorting…");
        assertThat(sorting.getAttribute("data-count")).isEqualTo(String.valueOf(sub.get("image_ids").size()));
        assertThat(page.textOf("tree-status")).isEqualTo("Sorting…");

        sorting.click();
        List<Long> expected = new ArrayList<>();
        sub.get("image_ids").forEach(n -> expected.add(n.asLong()));
        page.waitForThumbnails(expected.size());
        assertThat(page.textOf("gallery-title")).endsWith("Sorting…");
        page.assertCleanConsole();
    }

    @Test
    void uploadsToABusyServerWaitAsItSaysThenGoOn() throws Exception {
        start(ServerOptions.local(0).withUploadsAtOnce(1, 1));
        byte[] body = new Multipart().file("files", "held.jpg", "image/jpeg", new byte[600 * 1024]).body();
        try (Socket held = RawUploads.start(URI.create(server.url()).getPort(), body, "Content-Length: " + body.length,
                "Expect: 100-continue")) {
            // the server reads this upload (it sent 100 Continue), so this client has no place left
            assertThat(new String(held.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100");
            page.drop(page.photos(2));
            wait.withMessage("an upload waiting for the busy server").until(d -> Boolean.TRUE.equals(chrome.script(
                    "return Array.from(document.querySelectorAll('.upload-item'))"
                    + ".some(i => i.dataset.status === 'waiting' && i.textContent.includes('server is busy')"
                    + " && !i.textContent.includes('503'))")));
        } // the held upload is cut off: its place is free again

        assertThat(page.waitForUploads(2).values()).containsOnly("done");
        page.assertCleanConsole(503); // the browser itself reports the refused request
    }

    /** Filters the tree by the object's name: its node stays, objects matching nothing go. */
    @SuppressWarnings("unchecked")
    private void filterTree(String object) throws Exception {
        WebElement filter = chrome.driver().findElement(By.id("tree-filter"));
        filter.sendKeys(object);
        List<Object> shown = (List<Object>) chrome.script("return Array.from(document.querySelectorAll("
                + "\"#tree .node[data-level='object']\"), b => b.dataset.object)");
        assertThat(shown).contains(object);
        for (JsonNode group : JSON.readTree(server.get("/clusters/grouped"))) {
            String name = group.get("object_category").asText();
            boolean matches = name.contains(object);
            for (JsonNode sub : group.get("subgroups")) {
                matches |= sub.get("background_category").asText().contains(object);
            }
            assertThat(shown.contains(name)).as("object %s shown for filter %s", name, object).isEqualTo(matches);
        }
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        int all = page.serverObjects().size();
        wait.until(d -> ((List<Object>) chrome.script("return Array.from(document.querySelectorAll("
                + "\"#tree .node[data-level='object']\"))")).size() == all);
    }

    /** Unfolds the object's first background and shows its first cluster: the cluster's images. */
    @SuppressWarnings("unchecked")
    private void showFirstCluster(String object) throws Exception {
        JsonNode group = null;
        for (JsonNode candidate : JSON.readTree(server.get("/clusters/grouped"))) {
            if (candidate.get("object_category").asText().equals(object)) {
                group = candidate;
            }
        }
        assertThat(group).isNotNull();
        String background = group.get("subgroups").get(0).get("background_category").asText();
        JsonNode cluster = group.get("subgroups").get(0).get("clusters").get(0);
        page.expandBackground(object, background);
        String id = cluster.get("cluster_id").asText();
        wait.until(d -> {
            WebElement node = (WebElement) chrome.script(FIND_NODE, "cluster", object, background, id);
            if (node == null) {
                return false;
            }
            node.click();
            return true;
        });
        String label = ((WebElement) chrome.script(FIND_NODE, "cluster", object, background, id)).getText();
        assertThat(label).startsWith(cluster.path("noise").asBoolean() ? "Ungrouped" : "Cluster " + (cluster.path("cluster_id").asInt() + 1));
        List<Long> expected = new ArrayList<>();
        cluster.get("image_ids").forEach(n -> expected.add(n.asLong()));
        page.waitForThumbnails(expected.size());
        assertThat((List<Object>) chrome.script("return Array.from(document.querySelectorAll('#grid .thumb'),"
                + " t => Number(t.dataset.imageId))")).containsExactlyInAnyOrderElementsOf(expected);
    }

}
