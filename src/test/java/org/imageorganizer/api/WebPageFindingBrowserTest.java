package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Finding on the web page, in headless Chromium against the server with the tiny model: the filter
 * box searches by text as the user types (after the categories it matches), "Similar photos" in the
 * detail view, and the Duplicates view with its keep action. Where the server cannot provide an
 * answer (a near-duplicate, search still loading, nothing found, the duplicates' routes until they
 * are wired here), the page's fetch is given one: {@link #FAKES}.
 */
@Tag("browser")
@Tag("model")
@Tag("database")
class WebPageFindingBrowserTest {
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Wraps the page's fetch: every request is logged (window.fetchLog), and the first of
     * window.fakeRoutes whose match(url, init) holds answers instead of the server.
     */
    private static final String FAKES = "if (!window.fakeRoutes) {"
            + " const real = window.fetch.bind(window); window.realFetch = real;"
            + " window.fetchLog = []; window.fakeRoutes = [];"
            + " window.fetch = (input, init = {}) => {"
            + "   const url = new URL(String(input), location.href);"
            + "   window.fetchLog.push({ path: url.pathname + url.search, q: url.searchParams.get('q'),"
            + "     method: init.method || 'GET', signal: init.signal || null });"
            + "   const route = window.fakeRoutes.find(r => r.match(url, init));"
            + "   return route ? route.answer(url, init) : real(input, init);"
            + " };"
            + " window.jsonAnswer = (status, body, headers = {}) => new Response(JSON.stringify(body),"
            + "   { status, headers: { 'Content-Type': 'application/json', ...headers } });"
            + "}";
    private static final String GRID_IDS = "return Array.from(document.querySelectorAll('#grid .thumb'),"
            + " t => Number(t.dataset.imageId))";

    @TempDir
    Path folder;

    private WebPageSession page;

    @BeforeAll
    static void browserInstalled() {
        HeadlessChromium.requireInstalled();
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
    }

    private void startWith(int photos) throws Exception {
        page = WebPageSession.withPhotos(SERVERS, folder, photos);
        page.script(FAKES);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFilterBoxSearchesByTextAfterTheCategoriesItMatches() throws Exception {
        startWith(5);
        assertThat(page.textOf("search-hint")).contains("English");
        String object = page.serverObjects().keySet().iterator().next();

        type(object);
        List<Object> shown = (List<Object>) page.script("return Array.from(document.querySelectorAll("
                + "\"#tree .node[data-level='object']\"), b => b.dataset.object)");
        for (JsonNode group : JSON.readTree(page.server.get("/clusters/grouped"))) {
            String name = group.get("object_category").asText();
            boolean matches = name.contains(object);
            for (JsonNode sub : group.get("subgroups")) {
                matches |= sub.get("background_category").asText().contains(object);
            }
            assertThat(shown.contains(name)).as("object %s shown for %s", name, object).isEqualTo(matches);
        }
        assertThat(page.textOf("search-entry").strip()).isEqualTo("Photos that look like “" + object + "”");
        waitForRanking(object);

        // typed at a user's pace or faster, a sentence is searched once it is complete, not letter by letter
        clearBox();
        page.script("window.fetchLog.length = 0");
        String sentence = "a red sunset over the sea";
        type(sentence);
        waitForRanking(sentence);
        long requests = (Long) page.script("return window.fetchLog.filter(e => e.path.startsWith('/search')).length");
        assertThat(requests).isBetween(1L, (long) sentence.length() / 2);
        assertThat(page.textOf("gallery-count")).endsWith("best match first");
        assertThat(page.chrome.driver().findElement(By.id("search-entry")).getAttribute("aria-current")).isEqualTo("true");

        // a category chosen in the tree takes the gallery; the search's row brings the results back
        page.clickNode(null);
        page.wait.until(d -> "All images".equals(page.textOf("gallery-title")));
        assertThat(page.chrome.driver().findElement(By.id("search-entry")).getAttribute("aria-current")).isNull();
        page.chrome.driver().findElement(By.id("search-entry")).click();
        waitForRanking(sentence);

        // an empty box returns to the library
        clearBox();
        page.wait.until(d -> "All images".equals(page.textOf("gallery-title")));
        assertThat(page.chrome.driver().findElement(By.id("search-entry")).isDisplayed()).isFalse();
        page.assertCleanConsole();
    }

    @Test
    void aNewerSearchIsNeverReplacedByAnOlderAnswer() throws Exception {
        startWith(3);
        // the answer for "slow" comes when the test says, with one photo only, whatever the page did meanwhile
        page.script("window.fakeRoutes.push({ match: u => u.searchParams.get('q') === 'slow', answer: (u, init) =>"
                + " new Promise(resolve => { window.releaseSlow = async () => {"
                + "   const body = await (await window.realFetch(u.href)).json(); body.images = body.images.slice(0, 1);"
                + "   body.total = 1; resolve(window.jsonAnswer(200, body)); window.slowAnswered = true; }; }) })");
        type("slow");
        page.wait.until(d -> Boolean.TRUE.equals(page.script("return typeof window.releaseSlow === 'function'")));
        page.chrome.driver().findElement(By.id("tree-filter")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "fast");
        waitForRanking("fast");
        page.script("window.releaseSlow()");
        page.wait.until(d -> Boolean.TRUE.equals(page.script("return window.slowAnswered === true")));
        page.script("return new Promise(resolve => setTimeout(resolve, 100))"); // the late answer's turn
        assertThat(page.textOf("gallery-title")).isEqualTo("Photos that look like “fast”");
        assertThat(page.script(GRID_IDS)).isEqualTo(searchIds("fast"));
        assertThat(page.script("return window.fetchLog.find(e => e.q === 'slow').signal.aborted")).isEqualTo(true);
        page.assertCleanConsole();
    }

    @Test
    void saysWhenSearchIsGettingReadyAndWhenNothingMatches() throws Exception {
        startWith(3);
        // the first answer: the model is still loading, ask again in a second
        page.script("window.fakeRoutes.push({ match: u => u.searchParams.get('q') === 'ready' && !window.saidLoading,"
                + " answer: () => { window.saidLoading = true; return window.jsonAnswer(503,"
                + " { error: 'loading', detail: 'The search model is loading.' }, { 'Retry-After': '1' }); } })");
        type("ready");
        page.wait.until(d -> page.textOf("gallery-count").equals("Search is getting ready…"));
        waitForRanking("ready");

        List<String> objects = new ArrayList<>(page.serverObjects().keySet());
        ObjectNode nothing = JSON.createObjectNode().put("query", "nothing").put("total", 0).put("limit", 60)
                .put("offset", 0).putNull("next_offset").put("approximate", false);
        nothing.putArray("images");
        nothing.putArray("duplicates");
        objects.forEach(nothing.putArray("suggestions")::add);
        page.script("const answer = JSON.parse(arguments[0]); window.fakeRoutes.push({ match: u =>"
                + " u.searchParams.get('q') === 'nothing', answer: () => window.jsonAnswer(200, answer) })",
                nothing.toString());
        clearBox();
        type("nothing");
        page.wait.until(d -> page.chrome.driver().findElement(By.id("gallery-empty")).isDisplayed());
        assertThat(page.textOf("gallery-empty")).startsWith("No photo matches “nothing”.").contains("Try a category");
        List<WebElement> suggestions = page.chrome.driver().findElements(By.cssSelector("#gallery-empty .suggestion"));
        assertThat(suggestions).extracting(e -> e.getAttribute("textContent")).containsExactlyElementsOf(objects);
        suggestions.get(0).click();
        assertThat(page.script("return document.getElementById('tree-filter').value")).isEqualTo(objects.get(0));
        waitForRanking(objects.get(0));
        page.assertCleanConsole();
    }

    @Test
    @SuppressWarnings("unchecked")
    void similarShowsTheOtherPhotosWithTheNearDuplicatesApart() throws Exception {
        startWith(4);
        // this server knows no near-duplicates: the last similar photo is given as one
        page.script("window.fakeRoutes.push({ match: u => u.pathname.endsWith('/similar'), answer: async (u, init) => {"
                + " const body = await (await window.realFetch(u.href, init)).json();"
                + " body.duplicates = body.images.splice(body.images.length - 1, 1); body.total -= 1;"
                + " return window.jsonAnswer(200, body); } })");
        page.clickNode(null);
        WebElement first = page.waitForThumbnails(4).get(0);
        long id = Long.parseLong(first.getAttribute("data-image-id"));
        String name = JSON.readTree(page.server.get("/images/" + id)).get("filename").asText();
        first.click();
        page.wait.until(d -> Boolean.TRUE.equals(page.script("return document.getElementById('detail').open")));
        page.chrome.driver().findElement(By.id("detail-similar")).click();

        List<Long> similar = ids(JSON.readTree(page.server.get("/images/" + id + "/similar?limit=60")));
        assertThat(similar).hasSize(3).doesNotContain(id);
        long duplicate = similar.get(similar.size() - 1);
        page.wait.until(d -> ("Photos like “" + name + "”").equals(page.textOf("gallery-title")));
        page.waitForThumbnails(2);
        assertThat((List<Object>) page.script(GRID_IDS)).containsExactlyElementsOf(similar.subList(0, 2).stream()
                .map(Object.class::cast).toList());
        assertThat(page.script("return document.getElementById('detail').open")).isEqualTo(false);
        assertThat(page.textOf("gallery-extra")).startsWith("Near-duplicates of “" + name + "” (1)");
        assertThat(page.script("return Array.from(document.querySelectorAll('#gallery-extra .thumb'),"
                + " t => Number(t.dataset.imageId))")).isEqualTo(List.of(duplicate));

        // each opens its own detail
        page.chrome.driver().findElement(By.cssSelector("#grid .thumb")).click();
        waitForDetail(similar.get(0));
        new Actions(page.chrome.driver()).sendKeys(Keys.ESCAPE).perform();
        page.wait.until(d -> Boolean.FALSE.equals(page.script("return document.getElementById('detail').open")));
        page.chrome.driver().findElement(By.cssSelector("#gallery-extra .thumb")).click();
        waitForDetail(duplicate);
        page.assertCleanConsole();
    }

    @Test
    void theDuplicatesViewResolvesAStackWithTheKeeperChosen() throws Exception {
        startWith(3);
        JsonNode images = JSON.readTree(page.server.get("/images?limit=10")).get("images");
        ObjectNode a = ((ObjectNode) images.get(0).deepCopy());
        ObjectNode b = ((ObjectNode) images.get(1).deepCopy());
        ObjectNode c = ((ObjectNode) images.get(2).deepCopy());
        a.putArray("places").add("/photos/a.jpg");
        b.putArray("places").add("/photos/small/a.jpg");
        b.putArray("reasons").add("resized");
        b.put("why", "same picture, resized");
        c.putArray("places").add("/x/c.jpg").add("/y/c.jpg");
        ObjectNode answer = JSON.createObjectNode().put("total", 2);
        ObjectNode stack = answer.putArray("stacks").addObject().put("token", "t1");
        stack.set("keeper", a);
        stack.putArray("others").add(b);
        ObjectNode places = answer.withArray("stacks").addObject().put("token", "t2");
        places.set("keeper", c);
        places.putArray("others");
        fakeDuplicateRoutes(answer);

        page.chrome.driver().findElement(By.id("view-duplicates")).click();
        page.wait.until(d -> d.findElements(By.cssSelector("#duplicate-stacks .stack")).size() == 2);
        assertThat(page.chrome.driver().findElement(By.id("gallery")).isDisplayed()).isFalse();
        WebElement first = stack("t1");
        assertThat(member(first, a).findElement(By.className("keep-badge")).getText()).isEqualTo("Keep");
        assertThat(member(first, b).getText()).contains("same picture, resized").contains("320 × 240 pixels")
                .contains("/photos/small/a.jpg");
        WebElement inPlaces = stack("t2");
        assertThat(inPlaces.getText()).contains("in 2 places").contains("/x/c.jpg").contains("/y/c.jpg");
        assertThat(inPlaces.findElements(By.tagName("button")).stream().filter(e -> e.getText().startsWith("Keep")))
                .isEmpty();

        // another keeper; the first try finds the stack changed, the view is read again
        keepAndConfirm(b, a);
        page.wait.until(d -> page.textOf("duplicates-status").contains("changed"));
        page.wait.until(d -> member(stack("t1"), a).getAttribute("class").contains("kept")); // as the server suggests
        keepAndConfirm(b, a);
        page.wait.until(d -> d.findElements(By.cssSelector("#duplicate-stacks .stack")).size() == 1);
        assertThat(page.textOf("duplicates-status")).isEqualTo("Kept “" + b.get("filename").asText()
                + "”; removed 1 photo from the library.");
        assertThat(page.script("return JSON.stringify(window.resolveCalls[1])")).isEqualTo(
                "{\"type\":\"application/json\",\"body\":{\"token\":\"t1\",\"keep\":" + b.get("id") + ",\"remove\":["
                        + a.get("id") + "]}}");
        page.wait.until(d -> page.server.imageCount() == 2);
        page.waitForTree(2);
        page.chrome.driver().findElement(By.id("view-library")).click();
        page.waitForThumbnails(2);
        page.assertCleanConsole();
    }

    /** With the server's own GET /duplicates and POST /duplicates/resolve (skipped until they exist). */
    @Test
    void resolvesAStackOfTheServersNearDuplicates() throws Exception {
        page = new WebPageSession(SERVERS, folder, ServerOptions.local(0));
        HttpResponse<String> probe = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(page.server.url("/duplicates"))).build(), HttpResponse.BodyHandlers.ofString());
        Assumptions.assumeTrue(probe.statusCode() != 404, "GET /duplicates is not served yet");
        BufferedImage picture = blocks(11, 640, 480);
        Path large = TestImages.write(picture, "jpg", folder.resolve("photos/large.jpg")).toAbsolutePath();
        Path small = TestImages.write(scaled(picture, 320, 240), "jpg", folder.resolve("photos/small.jpg"))
                .toAbsolutePath();
        Path other = TestImages.write(blocks(40, 640, 480), "jpg", folder.resolve("photos/other.jpg"))
                .toAbsolutePath();
        page.drop(List.of(large, small, other));
        assertThat(page.waitForUploads(3).values()).containsOnly("done");
        page.waitForTree(3);

        page.chrome.driver().findElement(By.id("view-duplicates")).click();
        page.wait.until(d -> {
            if (d.findElements(By.cssSelector("#duplicate-stacks .stack[data-others='1']")).size() == 1) {
                return true;
            }
            d.findElement(By.id("duplicates-reload")).click();
            return false;
        });
        WebElement stack = page.chrome.driver().findElement(By.cssSelector("#duplicate-stacks .stack"));
        assertThat(stack.findElement(By.cssSelector(".member.kept")).getText()).contains("large.jpg").contains("Keep");
        stack.findElement(By.className("keep-action")).click();
        assertThat(stack.findElement(By.className("stack-confirm")).getText()).contains("“small.jpg” is an upload");
        stack.findElement(By.className("confirm-yes")).click();
        page.wait.until(d -> d.findElements(By.cssSelector("#duplicate-stacks .stack[data-others='1']")).isEmpty());
        page.wait.until(d -> page.server.imageCount() == 2);
        page.waitForTree(2);
        page.assertCleanConsole();
    }

    /** GET /duplicates answers {@code answer}; POST /duplicates/resolve answers 409 once, then deletes the others. */
    private void fakeDuplicateRoutes(ObjectNode answer) {
        page.script("window.duplicatesAnswer = JSON.parse(arguments[0]); window.resolveCalls = [];"
                + " window.fakeRoutes.push({ match: (u, init) => u.pathname === '/duplicates' && init.method === 'GET',"
                + "   answer: () => window.jsonAnswer(200, window.duplicatesAnswer) });"
                + " window.fakeRoutes.push({ match: u => u.pathname === '/duplicates/resolve', answer: async (u, init) => {"
                + "   const body = JSON.parse(init.body);"
                + "   window.resolveCalls.push({ type: init.headers.get('Content-Type'), body });"
                + "   if (window.resolveCalls.length === 1) {"
                + "     return window.jsonAnswer(409, { error: 'stack_changed', detail: 'a photo joined it' }); }"
                + "   for (const id of body.remove) { await window.realFetch('/images/' + id, { method: 'DELETE' }); }"
                + "   const stacks = window.duplicatesAnswer.stacks;"
                + "   window.duplicatesAnswer.stacks = stacks.filter(s => s.token !== body.token);"
                + "   return window.jsonAnswer(200, { kept: body.keep,"
                + "     removed: body.remove.map(id => ({ id, copy_deleted: true })) }); } });",
                answer.toString());
    }

    private WebElement stack(String token) {
        return page.chrome.driver().findElement(By.cssSelector("#duplicate-stacks .stack[data-token='" + token + "']"));
    }

    private static WebElement member(WebElement stack, JsonNode image) {
        return stack.findElement(By.cssSelector(".member[data-image-id='" + image.get("id") + "']"));
    }

    /** Chooses {@code keep} in stack t1, asks to remove the others, checks what the confirmation says, confirms. */
    private void keepAndConfirm(JsonNode keep, JsonNode removed) {
        member(stack("t1"), keep).findElement(By.className("keep-this")).click();
        assertThat(member(stack("t1"), keep).getAttribute("class")).contains("kept");
        member(stack("t1"), keep).findElement(By.className("keep-action")).click();
        WebElement confirm = stack("t1").findElement(By.className("stack-confirm"));
        assertThat(confirm.getText()).contains("Keep “" + keep.get("filename").asText() + "” and remove 1 other photo")
                .contains("“" + removed.get("filename").asText() + "” is an upload: the server deletes its own copy.")
                .contains("indexed where it is is never deleted");
        confirm.findElement(By.className("confirm-yes")).click();
    }

    private void type(String text) {
        page.chrome.driver().findElement(By.id("tree-filter")).sendKeys(text);
    }

    private void clearBox() {
        page.chrome.driver().findElement(By.id("tree-filter")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }

    /** Waits until the gallery shows the server's ranking for the text (its first page), thumbnails loaded. */
    private void waitForRanking(String text) {
        page.wait.withMessage(() -> "results for " + text + ": " + page.textOf("gallery-title") + " "
                + page.script(GRID_IDS)).until(d -> {
                    if (!("Photos that look like “" + text + "”").equals(page.textOf("gallery-title"))) {
                        return false;
                    }
                    try {
                        return page.script(GRID_IDS).equals(searchIds(text)) && Boolean.TRUE.equals(page.script(
                                "return Array.from(document.querySelectorAll('#grid .thumb img'))"
                                + ".every(i => i.complete && i.naturalWidth > 0)"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private List<Long> searchIds(String text) throws Exception {
        return ids(JSON.readTree(page.server.get("/search?limit=60&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8))));
    }

    private static List<Long> ids(JsonNode answer) {
        List<Long> ids = new ArrayList<>();
        answer.get("images").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private void waitForDetail(long id) {
        page.wait.until(d -> Boolean.TRUE.equals(page.script("const dialog = document.getElementById('detail');"
                + " return dialog.open && dialog.dataset.imageId === arguments[0]", String.valueOf(id))));
    }

    /** A picture of large blocks of random brightness and colour: coarse structure, which resizing keeps. */
    private static BufferedImage blocks(int seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        for (int row = 0; row < 4; row++) {
            for (int column = 0; column < 6; column++) {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                g.fillRect(column * width / 6, row * height / 4, width / 6 + 1, height / 4 + 1);
            }
        }
        g.setColor(Color.WHITE);
        g.fillOval(random.nextInt(width / 2), random.nextInt(height / 2), width / 3, height / 3);
        g.dispose();
        return image;
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }
}
