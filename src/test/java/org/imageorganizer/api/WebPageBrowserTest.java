package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
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
    /** Finds a tree node by level, object, background and (unless null) cluster. */
    private static final String FIND_NODE = "return Array.from(document.querySelectorAll('#tree button.node')).find(b =>"
            + " b.dataset.level === arguments[0] && b.dataset.object === arguments[1]"
            + " && b.dataset.background === arguments[2] && (arguments[3] === null || b.dataset.cluster === arguments[3]))"
            + " || null";

    @TempDir
    Path folder;

    private TestServer server;
    private HeadlessChromium chrome;
    private WebDriverWait wait;

    @BeforeAll
    static void browserInstalled() {
        HeadlessChromium.requireInstalled();
    }

    private void start(ServerOptions options) throws Exception {
        server = SERVERS.start(Files.createDirectories(folder.resolve("server")), options);
        chrome = new HeadlessChromium(Files.createDirectories(folder.resolve("profile")));
        wait = new WebDriverWait(chrome.driver(), Duration.ofSeconds(60), Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class); // the tree is rebuilt on each reload
        chrome.driver().get(server.url());
        chrome.script("window.cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation',"
                + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
    }

    @AfterEach
    void stop() {
        if (chrome != null) {
            chrome.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void uploadsDroppedFilesAndBrowsesTheTree() throws Exception {
        start(ServerOptions.local(0));
        wait.until(d -> !d.findElements(By.cssSelector("#tree button.node[data-level='all']")).isEmpty());
        assertThat(chrome.script("return document.getElementById('source-link').href")).asString().startsWith("https://");

        List<Path> photos = photos(4);
        Path text = Files.writeString(folder.resolve("notes.jpg"), "Just some text, not a picture.\n".repeat(20));
        List<Path> dropped = new ArrayList<>(photos);
        dropped.add(text);
        drop(dropped);
        Map<String, String> statuses = waitForUploads(5);
        for (Path photo : photos) {
            assertThat(statuses).containsEntry(photo.getFileName().toString(), "done");
        }
        assertThat(statuses).containsEntry("notes.jpg", "error");
        assertThat(uploadMessage("notes.jpg")).contains("not an image").contains("415");

        Map<String, Integer> objects = waitForTree(4);
        assertThat(objects).isEqualTo(serverObjects());
        String object = objects.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

        filterTree(object);
        clickNode(object);
        wait.until(d -> object.equals(textOf("gallery-title")));
        List<WebElement> thumbs = waitForThumbnails(objects.get(object));
        long id = Long.parseLong(thumbs.get(0).getAttribute("data-image-id"));
        JsonNode image = JSON.readTree(server.get("/images/" + id));
        assertThat(image.get("object_category").asText()).isEqualTo(object);

        thumbs.get(0).click();
        wait.until(d -> Boolean.TRUE.equals(chrome.script("return document.getElementById('detail').open")));
        assertThat(textOf("detail-title")).isEqualTo(image.get("filename").asText());
        assertThat(textOf("detail-object")).isEqualTo(object);
        assertThat(textOf("detail-background")).isEqualTo(image.get("background_category").asText());
        assertThat(textOf("detail-object-confidence"))
                .isEqualTo(Math.round(image.get("object_confidence").asDouble() * 100) + "%");
        assertThat(textOf("detail-dimensions")).startsWith("320 × 240");
        wait.until(d -> Boolean.TRUE.equals(chrome.script(
                "const i = document.getElementById('detail-image'); return i.complete && i.naturalWidth > 0")));
        new Actions(chrome.driver()).sendKeys(Keys.ESCAPE).perform();
        wait.until(d -> Boolean.FALSE.equals(chrome.script("return document.getElementById('detail').open")));

        showFirstCluster(object);

        drop(List.of(photos.get(0)));
        assertThat(waitForUploads(6)).hasSize(5); // the same file name twice: the later status counts
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
        assertThat(waitForTree(3)).isEqualTo(serverObjects());

        assertCleanConsole(415);
    }

    @Test
    void asksForTheApiKeyThenUploadsAndShowsSignedThumbnails() throws Exception {
        start(ServerOptions.local(0).withApiKey(KEY));
        wait.until(d -> d.findElement(By.id("api-key-form")).isDisplayed());

        // files dropped before the key is known wait for it
        List<Path> photos = photos(3);
        drop(photos);
        wait.until(d -> Boolean.TRUE.equals(chrome.script("const items = document.querySelectorAll('.upload-item');"
                + " return items.length === 3 && Array.from(items).every(i => i.dataset.status === 'waiting')")));

        enterKey("not-the-right-key-at-all");
        wait.until(d -> d.findElement(By.id("key-error")).isDisplayed());
        assertThat(textOf("key-error")).contains("did not accept");
        enterKey(KEY);
        wait.until(d -> !d.findElement(By.id("key-panel")).isDisplayed());
        assertThat(chrome.driver().findElement(By.id("forget-key")).isDisplayed()).isTrue();
        assertThat(waitForUploads(3).values()).containsOnly("done");
        Map<String, Integer> objects = waitForTree(3);
        assertThat(objects).isEqualTo(serverObjects());

        clickNode(null);
        List<WebElement> thumbs = waitForThumbnails(3);
        for (WebElement thumb : thumbs) {
            assertThat(thumb.findElement(By.tagName("img")).getAttribute("src")).contains("signature=");
        }

        chrome.driver().findElement(By.id("forget-key")).click();
        wait.until(d -> d.findElement(By.id("api-key-form")).isDisplayed());
        assertThat(chrome.script("return sessionStorage.length")).isEqualTo(0L);

        assertCleanConsole(401);
    }

    @Test
    void imagesWaitingForTheClusteringAreShownAsSorting() throws Exception {
        start(ServerOptions.local(0));
        server.holdClustering(); // the new images stay where the clustering has not reached them
        drop(photos(3));
        assertThat(waitForUploads(3).values()).containsOnly("done");

        JsonNode group = JSON.readTree(server.get("/clusters/grouped")).get(0);
        String object = group.get("object_category").asText();
        JsonNode sub = group.get("subgroups").get(0);
        String background = sub.get("background_category").asText();
        wait.until(d -> "true".equals(chrome.script("return document.getElementById('tree').dataset.stale")));
        expandBackground(object, background);
        wait.until(d -> chrome.script(FIND_NODE, "cluster", object, background, "pending") != null);
        WebElement sorting = (WebElement) chrome.script(FIND_NODE, "cluster", object, background, "pending");
        assertThat(sorting.getText()).startsWith("Sorting…");
        assertThat(sorting.getAttribute("data-count")).isEqualTo(String.valueOf(sub.get("image_ids").size()));
        assertThat(textOf("tree-status")).isEqualTo("Sorting…");

        sorting.click();
        List<Long> expected = new ArrayList<>();
        sub.get("image_ids").forEach(n -> expected.add(n.asLong()));
        waitForThumbnails(expected.size());
        assertThat(textOf("gallery-title")).endsWith("Sorting…");
        assertCleanConsole();
    }

    @Test
    void uploadsToABusyServerWaitAsItSaysThenGoOn() throws Exception {
        start(ServerOptions.local(0).withUploadsAtOnce(1, 1));
        byte[] body = new Multipart().file("files", "held.jpg", "image/jpeg", new byte[600 * 1024]).body();
        try (Socket held = RawUploads.start(URI.create(server.url()).getPort(), body, "Content-Length: " + body.length,
                "Expect: 100-continue")) {
            // the server reads this upload (it sent 100 Continue), so this client has no place left
            assertThat(new String(held.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100");
            drop(photos(2));
            wait.withMessage("an upload waiting for the busy server").until(d -> Boolean.TRUE.equals(chrome.script(
                    "return Array.from(document.querySelectorAll('.upload-item'))"
                    + ".some(i => i.dataset.status === 'waiting' && i.textContent.includes('busy (503)'))")));
        } // the held upload is cut off: its place is free again

        assertThat(waitForUploads(2).values()).containsOnly("done");
        assertCleanConsole(503); // the browser itself reports the refused request
    }

    /** Generated 320×240 JPEGs, each different. */
    private List<Path> photos(int count) {
        List<Path> photos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            photos.add(TestImages.write(TestImages.picture(i, i * 3 + 1, 320, 240), "jpg",
                    folder.resolve("photos/photo-" + i + ".jpg")).toAbsolutePath());
        }
        return photos;
    }

    /**
     * Drops the files on the drop zone as a user's drag and drop would: the browser reads them
     * through a file input, then a DataTransfer holding them goes with dragenter, dragover and drop.
     */
    private void drop(List<Path> files) {
        WebElement input = (WebElement) chrome.script("const input = document.createElement('input');"
                + " input.type = 'file'; input.multiple = true; input.id = 'test-file-source';"
                + " document.body.append(input); return input;");
        input.sendKeys(files.stream().map(Path::toString).collect(Collectors.joining("\n")));
        Object count = chrome.script("const input = document.getElementById('test-file-source');"
                + " const data = new DataTransfer();"
                + " for (const file of input.files) { data.items.add(file); }"
                + " const zone = document.getElementById('drop-zone');"
                + " for (const type of ['dragenter', 'dragover', 'drop']) {"
                + "   zone.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));"
                + " }"
                + " input.remove(); return data.files.length;");
        assertThat(count).isEqualTo((long) files.size());
    }

    /** Waits until there are {@code count} upload items and all finished; file name → status. */
    @SuppressWarnings("unchecked")
    private Map<String, String> waitForUploads(int count) {
        wait.withMessage(() -> "uploads: " + chrome.script("return Array.from(document.querySelectorAll("
                + "'.upload-item'), i => i.dataset.status + ' ' + i.textContent).join(' | ')"))
                .until(d -> Boolean.TRUE.equals(chrome.script(
                        "const items = Array.from(document.querySelectorAll('.upload-item'));"
                        + " return items.length === arguments[0]"
                        + " && items.every(i => ['done', 'duplicate', 'error'].includes(i.dataset.status))", count)));
        Map<String, String> statuses = new TreeMap<>();
        List<Object> rows = (List<Object>) chrome.script("return Array.from(document.querySelectorAll('.upload-item'),"
                + " i => [i.querySelector('.upload-name').textContent, i.dataset.status])");
        for (Object row : rows) {
            List<Object> pair = (List<Object>) row;
            statuses.put((String) pair.get(0), (String) pair.get(1));
        }
        return statuses;
    }

    private String uploadMessage(String fileName) {
        return (String) chrome.script("return Array.from(document.querySelectorAll('.upload-item'))"
                + ".find(i => i.querySelector('.upload-name').textContent === arguments[0])"
                + ".querySelector('.upload-message').textContent", fileName);
    }

    /** Waits until the tree is up to date and counts {@code total} images; object → count as shown. */
    @SuppressWarnings("unchecked")
    private Map<String, Integer> waitForTree(int total) {
        String read = "return Array.from(document.querySelectorAll(\"#tree button.node[data-level='object']\"),"
                + " b => [b.dataset.object, Number(b.dataset.count)])";
        wait.withMessage(() -> "tree: " + chrome.script(read)).until(d -> {
            List<Object> rows = (List<Object>) chrome.script(read);
            long shown = rows.stream().mapToLong(r -> (Long) ((List<Object>) r).get(1)).sum();
            return shown == total && "false".equals(chrome.script("return document.getElementById('tree').dataset.stale"));
        });
        Map<String, Integer> objects = new TreeMap<>();
        for (Object row : (List<Object>) chrome.script(read)) {
            List<Object> pair = (List<Object>) row;
            objects.put((String) pair.get(0), ((Long) pair.get(1)).intValue());
        }
        return objects;
    }

    /** The server's own object → image count, from /clusters/grouped. */
    private Map<String, Integer> serverObjects() throws Exception {
        Map<String, Integer> objects = new TreeMap<>();
        for (JsonNode group : JSON.readTree(server.get("/clusters/grouped"))) {
            objects.put(group.get("object_category").asText(), group.get("total_images").asInt());
        }
        return objects;
    }

    /** Filters the tree by the object's name: its node stays, objects matching nothing go. */
    @SuppressWarnings("unchecked")
    private void filterTree(String object) throws Exception {
        WebElement filter = chrome.driver().findElement(By.id("tree-filter"));
        filter.sendKeys(object);
        List<Object> shown = (List<Object>) chrome.script("return Array.from(document.querySelectorAll("
                + "\"#tree button.node[data-level='object']\"), b => b.dataset.object)");
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
        int all = serverObjects().size();
        wait.until(d -> ((List<Object>) chrome.script("return Array.from(document.querySelectorAll("
                + "\"#tree button.node[data-level='object']\"))")).size() == all);
    }

    /** Clicks the object's node, or All images for null (again if a reload replaced the node meanwhile). */
    private void clickNode(String object) {
        wait.until(d -> {
            d.findElements(By.cssSelector("#tree button.node")).stream()
                    .filter(b -> object == null ? "all".equals(b.getAttribute("data-level"))
                            : "object".equals(b.getAttribute("data-level")) && object.equals(b.getAttribute("data-object")))
                    .findFirst().orElseThrow(() -> new AssertionError("no tree node for " + object)).click();
            return true;
        });
        wait.until(d -> Boolean.TRUE.equals(chrome.script("const b = document.querySelector(\"#tree button.node"
                + "[aria-current='true']\"); return b !== null && (arguments[0] === null"
                + " ? b.dataset.level === 'all' : b.dataset.object === arguments[0] && b.dataset.level === 'object')",
                object)));
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
        expandBackground(object, background);
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
        assertThat(label).startsWith(cluster.path("noise").asBoolean() ? "Unclustered" : "Cluster 1");
        List<Long> expected = new ArrayList<>();
        cluster.get("image_ids").forEach(n -> expected.add(n.asLong()));
        waitForThumbnails(expected.size());
        assertThat((List<Object>) chrome.script("return Array.from(document.querySelectorAll('#grid .thumb'),"
                + " t => Number(t.dataset.imageId))")).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Unfolds the background's node under the object (again if a reload replaced it meanwhile). */
    private void expandBackground(String object, String background) {
        wait.until(d -> {
            WebElement node = (WebElement) chrome.script(FIND_NODE, "background", object, background, null);
            if (node == null) {
                return false;
            }
            WebElement toggle = node.findElement(By.xpath("preceding-sibling::button[contains(@class, 'tree-toggle')]"));
            if (!"true".equals(toggle.getAttribute("aria-expanded"))) {
                toggle.click();
            }
            return true;
        });
    }

    /** Waits until the grid holds {@code count} thumbnails, all loaded. */
    private List<WebElement> waitForThumbnails(int count) {
        wait.withMessage(() -> "thumbnails: " + chrome.script("return Array.from(document.querySelectorAll('.thumb img'),"
                + " i => i.complete + ':' + i.naturalWidth).join(' ')"))
                .until(d -> Boolean.TRUE.equals(chrome.script(
                        "const images = Array.from(document.querySelectorAll('#grid .thumb img'));"
                        + " return images.length === arguments[0] && images.every(i => i.complete && i.naturalWidth > 0)",
                        count)));
        return chrome.driver().findElements(By.cssSelector("#grid .thumb"));
    }

    private void enterKey(String key) {
        WebElement input = chrome.driver().findElement(By.id("api-key-input"));
        input.clear();
        input.sendKeys(key);
        chrome.driver().findElement(By.id("api-key-submit")).click();
    }

    private String textOf(String id) {
        return (String) chrome.script("return document.getElementById(arguments[0]).textContent", id);
    }

    private void assertCleanConsole(int... expectedStatuses) {
        assertThat(chrome.severeConsoleMessages(expectedStatuses)).as("severe console messages").isEmpty();
        assertThat((List<?>) chrome.script("return window.cspViolations")).as("CSP violations").isEmpty();
        assertThat(chrome.driver().findElement(By.tagName("footer")).getText()).contains("AGPL-3.0-or-later");
    }
}
