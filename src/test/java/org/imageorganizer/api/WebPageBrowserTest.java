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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser (headless Chromium) against the real server with the tiny model:
 * files dropped on the page are uploaded with their progress and errors, the category tree fills
 * in, its nodes show thumbnails, a thumbnail opens the detail view, Delete removes the image; with
 * an API key the page asks for it first. On a phone the first screen shows photos and the tree is a drawer; the tree
 * is one Tab stop driven by the arrow keys; every target a finger may hit is at least 40 px. The console must stay
 * free of errors and CSP violations.
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
    /** The controls shown on the page (or in `arguments[0]`) smaller than 40 × 40 px, as "id-or-class WxH". */
    private static final String SMALL_TARGETS = "const root = arguments[0] || document;"
            + " const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible'"
            + "   && !e.closest('.visually-hidden, .skip-link, [hidden]');"
            + " return Array.from(root.querySelectorAll('button, a[href], input, select, [role=treeitem], .tree-toggle'))"
            + "   .filter(shown).filter(e => { const r = e.getBoundingClientRect(); return r.width < 40 || r.height < 40; })"
            + "   .map(e => (e.id || e.className || e.tagName) + ' ' + Math.round(e.getBoundingClientRect().width) + 'x'"
            + "   + Math.round(e.getBoundingClientRect().height));";
    /** The element with the focus: its id, else its data-key, else its tag. */
    private static final String FOCUSED = "const e = document.activeElement;"
            + " return e.id || e.dataset.key || e.tagName;";

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
                .contains("The file contains text.").doesNotContain("415");

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

    @Test
    @SuppressWarnings("unchecked")
    void onAPhoneTheFirstScreenShowsPhotosAndTheTreeIsADrawer() throws Exception {
        start(ServerOptions.local(0));
        chrome.driver().manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> Long.valueOf(390).equals(chrome.script("return window.innerWidth")));
        page.drop(page.photos(6));
        assertThat(page.waitForUploads(6).values()).containsOnly("done");
        Map<String, Integer> objects = page.waitForTree(6);

        // a returning user: the first screen holds whole photos, not the tree; nothing scrolls sideways
        page.reload();
        page.waitForThumbnails(6);
        assertThat(chrome.driver().findElement(By.id("tree")).isDisplayed()).isFalse();
        assertThat(chrome.script("const height = window.innerHeight;"
                + " return Array.from(document.querySelectorAll('#grid .thumb')).filter(t => {"
                + "   const r = t.getBoundingClientRect();"
                + "   const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + "   return r.top >= 0 && r.bottom <= height && hit !== null && t.contains(hit); }).length"))
                .as("whole photos on the first screen").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LONG)
                .isGreaterThanOrEqualTo(2L);
        assertThat(chrome.script("const root = document.documentElement; return root.scrollWidth <= root.clientWidth"))
                .as("no sideways scrolling").isEqualTo(true);
        assertThat((List<Object>) chrome.script(SMALL_TARGETS, (Object) null)).as("small targets on the page").isEmpty();

        // the button opens the drawer and the focus goes into it; Escape closes it and gives the focus back
        WebElement opener = chrome.driver().findElement(By.id("open-tree"));
        Runnable slidIn = () -> wait.until(d -> Boolean.TRUE.equals(chrome.script("const r = document"
                + ".getElementById('sidebar').getBoundingClientRect(); return r.left === 0 && r.right < window.innerWidth")));
        assertThat(opener.getAttribute("aria-expanded")).isEqualTo("false");
        opener.click();
        wait.until(d -> d.findElement(By.id("tree")).isDisplayed());
        slidIn.run();
        wait.until(d -> Boolean.TRUE.equals(chrome.script("return document.activeElement.getAttribute('role') === 'treeitem'"
                + " && document.getElementById('sidebar').contains(document.activeElement)")));
        assertThat(opener.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(chrome.script("return document.querySelector('.content').inert")).isEqualTo(true);
        assertThat((List<Object>) chrome.script(SMALL_TARGETS, chrome.driver().findElement(By.id("sidebar"))))
                .as("small targets in the drawer").isEmpty();
        press(Keys.ARROW_DOWN); // the keyboard: the ring shows, inside the row, at the drawer's left edge
        assertInsetFocusRing();
        chrome.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> !d.findElement(By.id("tree")).isDisplayed());
        assertThat(chrome.script(FOCUSED)).isEqualTo("open-tree");
        assertThat(chrome.script("return document.querySelector('.content').inert")).isEqualTo(false);

        // a tap outside closes it
        opener.click();
        slidIn.run();
        long outside = (Long) chrome.script("const r = document.getElementById('sidebar').getBoundingClientRect();"
                + " return Math.round((r.right + document.documentElement.clientWidth) / 2)");
        new Actions(chrome.driver()).moveToLocation((int) outside, 600).click().perform();
        wait.until(d -> !d.findElement(By.id("tree")).isDisplayed());
        assertThat(chrome.script(FOCUSED)).isEqualTo("open-tree");

        // choosing a category closes it and shows that category's photos
        String object = objects.keySet().iterator().next();
        opener.click();
        slidIn.run();
        page.clickNode(object);
        wait.until(d -> !d.findElement(By.id("tree")).isDisplayed());
        wait.until(d -> object.equals(page.textOf("gallery-title")));
        page.waitForThumbnails(objects.get(object));
        assertThat(chrome.script(FOCUSED)).isEqualTo("open-tree");

        // the detail view, stacked: its controls too
        chrome.driver().findElement(By.cssSelector("#grid .thumb")).click();
        wait.until(d -> Boolean.TRUE.equals(chrome.script("return document.getElementById('detail').open")));
        assertThat((List<Object>) chrome.script(SMALL_TARGETS, chrome.driver().findElement(By.id("detail"))))
                .as("small targets in the detail view").isEmpty();
        assertThat(chrome.driver().findElement(By.id("detail-object-term")).getText()).isEqualTo("What it shows");
        assertThat(chrome.driver().findElement(By.id("detail-background-term")).getText()).isEqualTo("Where");
        for (String tag : List.of("detail-object", "detail-background")) { // a short name is never cut to "Mount…"
            assertThat(chrome.script("const t = document.getElementById(arguments[0]);"
                    + " return t.textContent.length > 0 && t.scrollWidth <= t.clientWidth", tag)).as(tag).isEqualTo(true);
        }
        page.assertCleanConsole();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTreeIsOneTabStopAndTheArrowKeysMoveInIt() throws Exception {
        start(ServerOptions.local(0));
        page.drop(page.photos(4));
        assertThat(page.waitForUploads(4).values()).containsOnly("done");
        page.waitForTree(4);

        // Tab enters the tree at its selected row and leaves it at once; Shift+Tab comes back to the same row
        WebElement filter = chrome.driver().findElement(By.id("tree-filter"));
        filter.click();
        filter.sendKeys(Keys.TAB);
        assertThat(chrome.script(FOCUSED)).isEqualTo("all");
        assertThat(chrome.script("return Array.from(document.querySelectorAll('#tree *')).filter(e => e.tabIndex >= 0)"
                + ".length")).as("Tab stops in the tree").isEqualTo(1L);
        chrome.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(chrome.script("return document.getElementById('tree').contains(document.activeElement)")).isEqualTo(false);
        chrome.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(chrome.script(FOCUSED)).isEqualTo("all");
        assertInsetFocusRing();

        List<String> rows = (List<String>) chrome.script("return Array.from(document.querySelectorAll("
                + "'#tree [role=treeitem]'), r => r.dataset.key)");
        press(Keys.ARROW_DOWN);
        assertThat(chrome.script(FOCUSED)).isEqualTo(rows.get(1));
        press(Keys.END);
        assertThat(chrome.script(FOCUSED)).isEqualTo(rows.get(rows.size() - 1));
        press(Keys.HOME);
        assertThat(chrome.script(FOCUSED)).isEqualTo(rows.get(0));
        press(Keys.ARROW_UP); // nothing above the first row
        assertThat(chrome.script(FOCUSED)).isEqualTo(rows.get(0));

        // ← folds an object, → unfolds it, → again enters it; ← on a folded background goes to its parent
        press(Keys.ARROW_DOWN);
        WebElement object = chrome.driver().switchTo().activeElement();
        assertThat(object.getAttribute("data-level")).isEqualTo("object");
        String objectKey = object.getAttribute("data-key");
        assertThat(object.getAttribute("aria-expanded")).isEqualTo("true"); // a small library opens up
        press(Keys.ARROW_LEFT);
        wait.until(d -> "false".equals(focused().getAttribute("aria-expanded")));
        assertThat(chrome.script(FOCUSED)).isEqualTo(objectKey);
        press(Keys.ARROW_RIGHT);
        wait.until(d -> "true".equals(focused().getAttribute("aria-expanded")));
        press(Keys.ARROW_RIGHT);
        WebElement background = focused();
        assertThat(background.getAttribute("data-level")).isEqualTo("background");
        assertThat(background.getAttribute("aria-level")).isEqualTo("2");
        assertThat(background.getAttribute("aria-expanded")).isEqualTo("false");
        String backgroundKey = background.getAttribute("data-key");
        press(Keys.ARROW_LEFT);
        assertThat(chrome.script(FOCUSED)).isEqualTo(objectKey);
        press(Keys.ARROW_DOWN);
        assertThat(chrome.script(FOCUSED)).isEqualTo(backgroundKey);

        // → unfolds the background and enters its first cluster; Enter shows that cluster's photos
        press(Keys.ARROW_RIGHT);
        wait.until(d -> "true".equals(focused().getAttribute("aria-expanded")));
        press(Keys.ARROW_RIGHT);
        WebElement cluster = focused();
        assertThat(cluster.getAttribute("data-level")).isEqualTo("cluster");
        String clusterKey = cluster.getAttribute("data-key");
        int count = Integer.parseInt(cluster.getAttribute("data-count"));
        press(Keys.ENTER);
        wait.until(d -> "true".equals(chrome.script("return Array.from(document.querySelectorAll('#tree [role=treeitem]'))"
                + ".find(r => r.dataset.key === arguments[0]).getAttribute('aria-selected')", clusterKey)));
        page.waitForThumbnails(count);
        assertThat(chrome.script(FOCUSED)).isEqualTo(clusterKey);
        assertThat(chrome.script("return Array.from(document.querySelectorAll('#tree *')).filter(e => e.tabIndex >= 0)"
                + ".map(e => e.dataset.key)")).isEqualTo(List.of(clusterKey));
        page.assertCleanConsole();
    }

    @Test
    void theDetailViewShowsWhenAPhotoWasTakenWhenTheServerSays() throws Exception {
        start(ServerOptions.local(0));
        // the server's image JSON as it may come: a date taken with its offset, none (null), or no field at all
        page.script("window.takenAt = {}; const real = window.fetch.bind(window);"
                + " window.fetch = async (input, init) => {"
                + "   const answer = await real(input, init);"
                + "   if (!String(input).startsWith('/images') || !answer.ok) return answer;"
                + "   const body = await answer.json();"
                + "   for (const image of Array.isArray(body.images) ? body.images : [body]) {"
                + "     const id = String(image.id);"
                + "     if (id in window.takenAt) image.taken_at = window.takenAt[id]; else delete image.taken_at;"
                + "   }"
                + "   return new Response(JSON.stringify(body), { status: answer.status, headers: answer.headers }); };");
        page.drop(page.photos(3));
        assertThat(page.waitForUploads(3).values()).containsOnly("done");
        page.waitForTree(3);
        List<Long> ids = new ArrayList<>();
        JSON.readTree(server.get("/images")).get("images").forEach(i -> ids.add(i.get("id").asLong()));
        page.script("window.takenAt[arguments[0]] = '2021-06-05T14:03:27+02:00'; window.takenAt[arguments[1]] = null;",
                ids.get(0), ids.get(1));
        page.script("document.dispatchEvent(new Event('visibilitychange'))");
        page.clickNode(null);
        page.waitForThumbnails(3);

        openDetail(ids.get(0));
        wait.until(d -> d.findElement(By.id("detail-taken")).isDisplayed());
        assertThat(chrome.driver().findElement(By.id("detail-taken-term")).getText()).isEqualTo("Taken");
        // the clock where the photo was taken, not this browser's time zone
        assertThat(page.textOf("detail-taken")).contains("2021").containsPattern("\\b(2:03|14:03)\\b");
        for (int i = 1; i < 3; i++) {
            new Actions(chrome.driver()).sendKeys(Keys.ESCAPE).perform();
            wait.until(d -> Boolean.FALSE.equals(chrome.script("return document.getElementById('detail').open")));
            openDetail(ids.get(i));
            assertThat(chrome.driver().findElement(By.id("detail-taken")).isDisplayed()).as("no date for %s", ids.get(i))
                    .isFalse();
            assertThat(chrome.driver().findElement(By.id("detail-taken-term")).isDisplayed()).isFalse();
        }
        page.assertCleanConsole();
    }

    private void openDetail(long id) {
        chrome.driver().findElement(By.cssSelector("#grid .thumb[data-image-id='" + id + "']")).click();
        wait.until(d -> String.valueOf(id).equals(chrome.script("const d = document.getElementById('detail');"
                + " return d.open ? d.dataset.imageId : null")));
    }

    private void press(CharSequence key) {
        chrome.driver().switchTo().activeElement().sendKeys(key);
    }

    private WebElement focused() {
        return chrome.driver().switchTo().activeElement();
    }

    /** The focused element's ring is drawn inside its box, so no scrolling edge can clip it. */
    private void assertInsetFocusRing() {
        assertThat(chrome.script("const s = getComputedStyle(document.activeElement);"
                + " return document.activeElement.matches(':focus-visible') && s.outlineStyle !== 'none'"
                + " && parseFloat(s.outlineWidth) >= 2 && parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset) <= 0"))
                .as("an inset focus ring on " + chrome.script(FOCUSED)).isEqualTo(true);
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
