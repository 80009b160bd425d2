package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page open in headless Chromium on a server of its own (the tiny model, a fresh library),
 * and what the browser tests do with it: drop files, wait for the uploads, the tree and the
 * thumbnails, read the page, check the console. Closing closes the browser and the server.
 */
final class WebPageSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Finds a tree node by level, object, background and (unless null) cluster. */
    static final String FIND_NODE = "return Array.from(document.querySelectorAll('#tree .node')).find(b =>"
            + " b.dataset.level === arguments[0] && b.dataset.object === arguments[1]"
            + " && b.dataset.background === arguments[2] && (arguments[3] === null || b.dataset.cluster === arguments[3]))"
            + " || null";

    final TestServer server;
    final HeadlessChromium chrome;
    final WebDriverWait wait;
    private final Path folder;

    /** Starts a server with these options in {@code folder} and opens its page. */
    WebPageSession(RestServerFixture servers, Path folder, ServerOptions options) throws Exception {
        this.folder = folder;
        server = servers.start(Files.createDirectories(folder.resolve("server")), options);
        chrome = new HeadlessChromium(Files.createDirectories(folder.resolve("profile")));
        wait = new WebDriverWait(chrome.driver(), Duration.ofSeconds(60), Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class); // the tree is rebuilt on each reload
        chrome.driver().get(server.url());
        watchCsp();
    }

    private void watchCsp() {
        chrome.script("window.cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation',"
                + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
    }

    /** Loads the page again, as a user coming back to it would. */
    void reload() {
        chrome.driver().navigate().refresh();
        watchCsp();
    }

    /** A session whose library holds {@code count} generated photos, dropped on the page and sorted into the tree. */
    static WebPageSession withPhotos(RestServerFixture servers, Path folder, int count) throws Exception {
        WebPageSession page = new WebPageSession(servers, folder, ServerOptions.local(0));
        try {
            page.drop(page.photos(count));
            assertThat(page.waitForUploads(count).values()).containsOnly("done");
            page.waitForTree(count);
            return page;
        } catch (Exception | AssertionError e) {
            page.close();
            throw e;
        }
    }

    Object script(String script, Object... arguments) {
        return chrome.script(script, arguments);
    }

    /** Generated 320×240 JPEGs, each different. */
    List<Path> photos(int count) {
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
    void drop(List<Path> files) {
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
    Map<String, String> waitForUploads(int count) {
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

    String uploadMessage(String fileName) {
        return (String) chrome.script("return Array.from(document.querySelectorAll('.upload-item'))"
                + ".find(i => i.querySelector('.upload-name').textContent === arguments[0])"
                + ".querySelector('.upload-message').textContent", fileName);
    }

    /** Waits until the tree is up to date and counts {@code total} images; object → count as shown. */
    @SuppressWarnings("unchecked")
    Map<String, Integer> waitForTree(int total) {
        String read = "return Array.from(document.querySelectorAll(\"#tree .node[data-level='object']\"),"
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
    Map<String, Integer> serverObjects() throws Exception {
        Map<String, Integer> objects = new TreeMap<>();
        for (JsonNode group : JSON.readTree(server.get("/clusters/grouped"))) {
            objects.put(group.get("object_category").asText(), group.get("total_images").asInt());
        }
        return objects;
    }

    /** Clicks the object's node, or All images for null (again if a reload replaced the node meanwhile). */
    void clickNode(String object) {
        wait.until(d -> {
            d.findElements(By.cssSelector("#tree .node")).stream()
                    .filter(b -> object == null ? "all".equals(b.getAttribute("data-level"))
                            : "object".equals(b.getAttribute("data-level")) && object.equals(b.getAttribute("data-object")))
                    .findFirst().orElseThrow(() -> new AssertionError("no tree node for " + object)).click();
            return true;
        });
        wait.until(d -> Boolean.TRUE.equals(chrome.script("const b = document.querySelector(\"#tree .node"
                + "[aria-selected='true']\"); return b !== null && (arguments[0] === null"
                + " ? b.dataset.level === 'all' : b.dataset.object === arguments[0] && b.dataset.level === 'object')",
                object)));
    }

    /** Unfolds the background's node under the object (again if a reload replaced it meanwhile). */
    void expandBackground(String object, String background) {
        wait.until(d -> {
            WebElement node = (WebElement) chrome.script(FIND_NODE, "background", object, background, null);
            if (node == null) {
                return false;
            }
            if (!"true".equals(node.getAttribute("aria-expanded"))) {
                node.findElement(By.xpath("preceding-sibling::*[contains(@class, 'tree-toggle')]")).click();
            }
            return true;
        });
    }

    /** Waits until the grid holds {@code count} thumbnails, all loaded. */
    List<WebElement> waitForThumbnails(int count) {
        wait.withMessage(() -> "thumbnails: " + chrome.script("return Array.from(document.querySelectorAll('.thumb img'),"
                + " i => i.complete + ':' + i.naturalWidth).join(' ')"))
                .until(d -> Boolean.TRUE.equals(chrome.script(
                        "const images = Array.from(document.querySelectorAll('#grid .thumb img'));"
                        + " return images.length === arguments[0] && images.every(i => i.complete && i.naturalWidth > 0)",
                        count)));
        return chrome.driver().findElements(By.cssSelector("#grid .thumb"));
    }

    void enterKey(String key) {
        WebElement input = chrome.driver().findElement(By.id("api-key-input"));
        input.clear();
        input.sendKeys(key);
        chrome.driver().findElement(By.id("api-key-submit")).click();
    }

    String textOf(String id) {
        return (String) chrome.script("return document.getElementById(arguments[0]).textContent", id);
    }

    void assertCleanConsole(int... expectedStatuses) {
        assertThat(chrome.severeConsoleMessages(expectedStatuses)).as("severe console messages").isEmpty();
        assertThat((List<?>) chrome.script("return window.cspViolations")).as("CSP violations").isEmpty();
        assertThat(chrome.driver().findElement(By.tagName("footer")).getText()).contains("AGPL-3.0-or-later");
    }

    @Override
    public void close() {
        chrome.close();
        server.close();
    }
}
