package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.openqa.selenium.support.ui.Select;

/**
 * Correcting and teaching on the web page (issue 18), in headless Chromium against the server with the tiny model:
 * a photo's categories changed in the detail view and given back to the app, several photos selected and moved,
 * a cluster renamed in place in the tree, and the categories page adding, editing and removing categories while
 * the server sorts the photos again. Every change is checked on the server, not only on the page.
 */
@Tag("browser")
@Tag("model")
@Tag("database")
class WebPageSortingBrowserTest {
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();
    private static final ObjectMapper JSON = new ObjectMapper();

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
    }

    @Test
    void theDetailViewChangesAPhotosCategoriesAndGivesTheAppsChoiceBack() throws Exception {
        startWith(3);
        page.clickNode(null);
        WebElement first = page.waitForThumbnails(3).get(0);
        long id = Long.parseLong(first.getAttribute("data-image-id"));
        JsonNode before = image(id);
        String predicted = before.get("object_category").asText();
        first.click();
        page.wait.until(d -> Boolean.TRUE.equals(page.script("return document.getElementById('detail').open")));
        assertThat(page.textOf("detail-object-who")).startsWith("The app's choice");
        assertThat(page.chrome.driver().findElement(By.id("detail-object-reset")).isDisplayed()).isFalse();

        // the chooser offers the library's object categories and shows the photo's
        Select objects = new Select(page.chrome.driver().findElement(By.id("detail-object-choice")));
        page.wait.until(d -> objects.getOptions().size() >= names("object").size());
        assertThat(objects.getOptions()).extracting(o -> o.getAttribute("value")).containsAll(names("object"));
        assertThat(objects.getFirstSelectedOption().getAttribute("value")).isEqualTo(predicted);
        assertThat(page.chrome.driver().findElement(By.id("detail-object-choice")).getAccessibleName())
                .isEqualTo("Change what it shows");

        String chosen = names("object").stream().filter(n -> !n.equals(predicted)).findFirst().orElseThrow();
        objects.selectByValue(chosen);
        page.wait.until(d -> "Your choice".equals(page.textOf("detail-object-who")));
        assertThat(page.textOf("detail-object")).isEqualTo(chosen);
        assertThat(page.chrome.driver().findElement(By.id("detail-object")).getAttribute("class")).contains("by-user");
        JsonNode corrected = image(id);
        assertThat(corrected.get("object_category").asText()).isEqualTo(chosen);
        assertThat(corrected.get("object_by_user").asBoolean()).isTrue();
        assertThat(corrected.get("background_by_user").asBoolean()).isFalse();
        // the tree follows: its counts are the server's, with the photo under its new category
        page.waitForTree(3);
        page.wait.until(d -> treeObjects().equals(serverObjects()) && treeObjects().containsKey(chosen));

        // the app's choice back, with the focus on the chooser
        page.chrome.driver().findElement(By.id("detail-object-reset")).click();
        page.wait.until(d -> page.textOf("detail-object-who").startsWith("The app's choice"));
        assertThat(page.chrome.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("detail-object-choice");
        JsonNode back = image(id);
        assertThat(back.get("object_category").asText()).isEqualTo(predicted);
        assertThat(back.get("object_by_user").asBoolean()).isFalse();

        // a category removed meanwhile elsewhere: the server's sentence is shown, the chooser shows the photo's again
        String background = before.get("background_category").asText();
        JsonNode gone = names("background").stream().filter(n -> !n.equals(background)).findFirst()
                .map(this::backgroundCategory).orElseThrow();
        assertThat(send("DELETE", "/categories/" + gone.get("id").asText(), null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = send("PATCH", "/images/" + id,
                "{\"background_category\": " + JSON.writeValueAsString(gone.get("name").asText()) + "}");
        assertThat(refused.statusCode()).isEqualTo(400);
        String sentence = JSON.readTree(refused.body()).get("detail").asText();
        new Select(page.chrome.driver().findElement(By.id("detail-background-choice")))
                .selectByValue(gone.get("name").asText());
        page.wait.until(d -> sentence.equals(page.textOf("detail-error")));
        assertThat(new Select(page.chrome.driver().findElement(By.id("detail-background-choice")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo(page.textOf("detail-background"))
                .isNotEqualTo(gone.get("name").asText());
        page.assertCleanConsole(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void severalPhotosAreSelectedAndMovedToACategory() throws Exception {
        startWith(4);
        page.clickNode(null);
        List<WebElement> thumbs = page.waitForThumbnails(4);
        List<Long> ids = (List<Long>) page.script("return Array.from(document.querySelectorAll('#grid .thumb'),"
                + " t => Number(t.dataset.imageId))");
        WebElement bar = page.chrome.driver().findElement(By.id("selection-bar"));
        assertThat(bar.isDisplayed()).isFalse();

        // Ctrl-click one, Shift-click a range, tick a box, untick it; a click while some are selected adds one
        new Actions(page.chrome.driver()).keyDown(Keys.CONTROL).click(thumbs.get(0)).keyUp(Keys.CONTROL).perform();
        assertThat(page.textOf("selection-count")).isEqualTo("1 photo selected");
        assertThat(page.script("return document.getElementById('detail').open")).isEqualTo(false);
        new Actions(page.chrome.driver()).keyDown(Keys.SHIFT).click(thumbs.get(2)).keyUp(Keys.SHIFT).perform();
        assertThat(page.textOf("selection-count")).isEqualTo("3 photos selected");
        WebElement box = page.chrome.driver().findElements(By.cssSelector("#grid .pick")).get(3);
        assertThat(box.getAccessibleName()).startsWith("Select photo-");
        box.click();
        assertThat(page.textOf("selection-count")).isEqualTo("4 photos selected");
        box.sendKeys(Keys.SPACE);
        assertThat(page.textOf("selection-count")).isEqualTo("3 photos selected");
        thumbs.get(1).click();
        assertThat(page.textOf("selection-count")).isEqualTo("2 photos selected");
        thumbs.get(1).click();
        assertThat(page.textOf("selection-count")).isEqualTo("3 photos selected");
        assertThat(page.script("return Array.from(document.querySelectorAll('#grid .grid-item.selected'),"
                + " i => Number(i.dataset.imageId))")).isEqualTo(ids.subList(0, 3));

        // nothing chosen yet: a sentence, no request
        page.chrome.driver().findElement(By.id("move-selected")).click();
        assertThat(page.textOf("selection-error")).isEqualTo("Choose the category to move the photos to.");

        String target = names("background").get(names("background").size() - 1);
        new Select(page.chrome.driver().findElement(By.id("move-to"))).selectByValue(JSON.writeValueAsString(
                List.of("background", target)));
        page.chrome.driver().findElement(By.id("move-selected")).click();
        page.wait.until(d -> !bar.isDisplayed());
        assertThat(page.textOf("toast")).isEqualTo("Moved 3 photos to “" + target + "”.");
        for (long id : ids.subList(0, 3)) {
            JsonNode image = image(id);
            assertThat(image.get("background_category").asText()).isEqualTo(target);
            assertThat(image.get("background_by_user").asBoolean()).isTrue();
            assertThat(image.get("object_by_user").asBoolean()).isFalse();
        }
        assertThat(image(ids.get(3)).get("background_by_user").asBoolean()).isFalse();
        // the tree and the cards follow
        page.waitForTree(4);
        page.wait.until(d -> treeBackgrounds().equals(serverBackgrounds()) && treeBackgrounds().get(target) >= 3);
        page.wait.until(d -> ((List<Object>) page.script("return Array.from(document.querySelectorAll('#grid .thumb-labels'),"
                + " l => l.textContent)")).stream().filter(t -> ((String) t).endsWith(" · " + target)).count() >= 3);

        // Escape in the grid empties a selection; a plain click then opens the photo again
        new Actions(page.chrome.driver()).keyDown(Keys.CONTROL).click(page.chrome.driver()
                .findElements(By.cssSelector("#grid .thumb")).get(0)).keyUp(Keys.CONTROL).perform();
        assertThat(bar.isDisplayed()).isTrue();
        new Actions(page.chrome.driver()).sendKeys(Keys.ESCAPE).perform();
        assertThat(bar.isDisplayed()).isFalse();
        page.chrome.driver().findElements(By.cssSelector("#grid .thumb")).get(0).click();
        page.wait.until(d -> Boolean.TRUE.equals(page.script("return document.getElementById('detail').open")));
        page.assertCleanConsole();
    }

    @Test
    void aClusterIsRenamedInPlaceAndASuggestionIsMarkedAsOne() throws Exception {
        startWith(4);
        page.server.clusterer.refreshNow();
        JsonNode cluster = null;
        String object = null;
        String background = null;
        for (JsonNode group : JSON.readTree(page.server.get("/clusters/grouped"))) {
            for (JsonNode sub : group.get("subgroups")) {
                for (JsonNode candidate : sub.get("clusters")) {
                    if (cluster == null && candidate.has("cluster_key")) {
                        cluster = candidate;
                        object = group.get("object_category").asText();
                        background = sub.get("background_category").asText();
                    }
                }
            }
        }
        assertThat(cluster).as("a cluster with a key").isNotNull();
        String key = cluster.get("cluster_key").asText();
        String id = cluster.get("cluster_id").asText();
        String number = "Cluster " + (cluster.get("cluster_id").asInt() + 1);
        // until the server suggests names itself (ADR 0043), the page is given one for this cluster
        page.script("window.suggestFor = arguments[0]; const real = window.fetch.bind(window);"
                + " window.fetch = async (input, init) => {"
                + "   const answer = await real(input, init);"
                + "   if (!String(input).startsWith('/clusters/grouped') || !answer.ok) return answer;"
                + "   const body = await answer.json();"
                + "   for (const g of body) for (const s of g.subgroups) for (const c of s.clusters)"
                + "     if (c.cluster_key === window.suggestFor && !c.suggested_name) c.suggested_name = 'beach party';"
                + "   return new Response(JSON.stringify(body), { status: answer.status, headers: answer.headers }); };", key);
        final String o = object;
        final String b = background;
        refreshTree();
        page.expandBackground(o, b);
        page.wait.until(d -> node(o, b, id) != null && node(o, b, id).getText().contains("beach party"));
        WebElement suggested = node(o, b, id);
        assertThat(suggested.findElement(By.className("node-label")).getAttribute("class")).contains("suggested");
        assertThat(suggested.findElement(By.className("suggested-mark")).getText()).isEqualTo("suggested");

        // Escape cancels: nothing is sent
        pencil(o, b, id).click();
        WebElement input = page.chrome.driver().switchTo().activeElement();
        assertThat(input.getAttribute("class")).contains("rename-input");
        assertThat(input.getAccessibleName()).startsWith("Name of " + o + " › " + b);
        input.sendKeys("Ski trip", Keys.ESCAPE);
        page.wait.until(d -> node(o, b, id) != null);
        assertThat(grouped(key).has("name")).isFalse();
        assertThat(page.chrome.driver().switchTo().activeElement().getAttribute("data-key")).isEqualTo(node(o, b, id)
                .getAttribute("data-key"));

        // Enter saves
        pencil(o, b, id).click();
        page.chrome.driver().switchTo().activeElement().sendKeys("Ski trip", Keys.ENTER);
        page.wait.until(d -> node(o, b, id) != null && node(o, b, id).getText().startsWith("Ski trip"));
        assertThat(grouped(key).get("name").asText()).isEqualTo("Ski trip");
        assertThat(node(o, b, id).findElements(By.className("suggested-mark"))).isEmpty();
        assertThat(page.chrome.driver().switchTo().activeElement().getAttribute("data-key")).isEqualTo(node(o, b, id)
                .getAttribute("data-key"));

        // F2 on the row, and an empty box clears the name: the suggestion is back
        page.chrome.driver().switchTo().activeElement().sendKeys(Keys.F2);
        WebElement again = page.chrome.driver().switchTo().activeElement();
        assertThat(again.getAttribute("value")).isEqualTo("Ski trip");
        again.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.ENTER);
        page.wait.until(d -> node(o, b, id) != null && node(o, b, id).getText().contains("beach party"));
        assertThat(grouped(key).has("name")).isFalse();

        // without a suggestion, its number
        page.script("window.suggestFor = null");
        refreshTree();
        page.wait.until(d -> node(o, b, id) != null && node(o, b, id).getText().startsWith(number));
        page.assertCleanConsole();
    }

    @Test
    void theTreeShowsEachGroupsCoverPhoto() throws Exception {
        startWith(4);
        page.server.clusterer.refreshNow();
        JsonNode group = JSON.readTree(page.server.get("/clusters/grouped")).get(0);
        String object = group.get("object_category").asText();
        JsonNode sub = group.get("subgroups").get(0);
        String background = sub.get("background_category").asText();
        JsonNode cluster = sub.get("clusters").get(0);
        assertThat(group.get("cover_image_id").isIntegralNumber()).as("the category has a cover").isTrue();
        refreshTree();
        page.expandBackground(object, background);
        String id = cluster.get("cluster_id").asText();
        page.wait.until(d -> node(object, background, id) != null && !node(object, background, id)
                .findElements(By.cssSelector("img.tree-cover[src]")).isEmpty());
        String src = node(object, background, id).findElement(By.cssSelector("img.tree-cover")).getAttribute("src");
        assertThat(src).contains("/images/" + cluster.get("cover_image_id").asLong() + "/thumbnail");
        WebElement objectRow = (WebElement) page.script("return Array.from(document.querySelectorAll('#tree .node'))"
                + ".find(b => b.dataset.level === 'object' && b.dataset.object === arguments[0]) || null", object);
        page.wait.until(d -> !objectRow.findElements(By.cssSelector("img.tree-cover[src]")).isEmpty());
        assertThat(objectRow.findElement(By.cssSelector("img.tree-cover")).getAttribute("src"))
                .contains("/images/" + group.get("cover_image_id").asLong() + "/thumbnail");
        page.wait.until(d -> (Boolean) page.script("return Array.from(document.querySelectorAll('img.tree-cover[src]'))"
                + ".every(i => i.complete && i.naturalWidth > 0)"));
        page.assertCleanConsole();
    }

    @Test
    void theCategoriesPageAddsEditsAndRemovesCategoriesWhileThePhotosAreSortedAgain() throws Exception {
        startWith(3);
        page.chrome.driver().findElement(By.id("view-categories")).click();
        page.wait.until(d -> d.findElement(By.id("categories")).isDisplayed());
        assertThat(page.chrome.driver().findElement(By.id("gallery")).isDisplayed()).isFalse();
        page.wait.until(d -> items("object").size() == names("object").size()
                && items("background").size() == names("background").size());
        assertThat(items("object")).extracting(e -> e.findElement(By.className("category-name")).getAttribute("textContent"))
                .containsExactlyElementsOf(names("object"));
        assertThat(page.textOf("categories")).doesNotContainIgnoringCase("embedding").doesNotContainIgnoringCase("prompt")
                .doesNotContainIgnoringCase("zero-shot").doesNotContainIgnoringCase("label");

        // add, with what it looks like: the server sorts the photos again and the page says so until it is done
        page.script("window.statuses = []; new MutationObserver(() => window.statuses.push("
                + "document.getElementById('categories-status').textContent)).observe("
                + "document.getElementById('categories-status'), { childList: true, characterData: true, subtree: true });");
        page.chrome.driver().findElement(By.id("add-object-name")).sendKeys("my bike");
        page.chrome.driver().findElement(By.id("add-object-words")).sendKeys("a red road bike", Keys.ENTER);
        page.wait.until(d -> names("object").contains("my bike"));
        assertThat(category("object", "my bike").get("words").asText()).isEqualTo("a red road bike");
        page.wait.until(d -> page.textOf("categories-status")
                .equals("Added “my bike”. Your photos are sorted with these categories."));
        assertThat((List<?>) page.script("return window.statuses")).anyMatch(t -> ((String) t).endsWith("Sorting your photos again…"));
        assertThat(page.chrome.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("add-object-name");
        WebElement bike = item("object", "my bike");
        assertThat(bike.getText()).contains("Looks like: a red road bike");
        page.wait.until(d -> !resorting());

        // edit: a new name and new words
        bike.findElement(By.className("edit")).click();
        WebElement name = page.chrome.driver().switchTo().activeElement();
        assertThat(name.getAccessibleName()).isEqualTo("Name");
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "my red bike");
        WebElement words = item("object", null).findElement(By.cssSelector("input[id$='-words']"));
        words.sendKeys(Keys.chord(Keys.CONTROL, "a"), "a red bicycle", Keys.ENTER);
        page.wait.until(d -> names("object").contains("my red bike"));
        assertThat(category("object", "my red bike").get("words").asText()).isEqualTo("a red bicycle");
        page.wait.until(d -> item("object", "my red bike") != null
                && item("object", "my red bike").getText().contains("Looks like: a red bicycle"));
        assertThat(page.chrome.driver().switchTo().activeElement().getAttribute("aria-label")).isEqualTo("Edit my red bike");

        // Escape closes an edit without saving
        item("object", "my red bike").findElement(By.className("edit")).click();
        page.chrome.driver().switchTo().activeElement().sendKeys("x", Keys.ESCAPE);
        page.wait.until(d -> item("object", "my red bike") != null);
        assertThat(names("object")).contains("my red bike").doesNotContain("my red bikex");

        // remove, after a question; "Keep it" keeps it
        item("object", "my red bike").findElement(By.className("remove")).click();
        assertThat(item("object", "my red bike").getText()).contains("Its photos move to their next best category");
        page.chrome.driver().switchTo().activeElement().click(); // "Keep it" has the focus
        assertThat(names("object")).contains("my red bike");
        item("object", "my red bike").findElement(By.className("remove")).click();
        item("object", "my red bike").findElement(By.className("confirm-yes")).click();
        page.wait.until(d -> !names("object").contains("my red bike") && item("object", "my red bike") == null);

        // removing down to the last two is refused with the server's sentence
        page.wait.until(d -> !resorting());
        List<JsonNode> backgrounds = categories("background");
        for (JsonNode extra : backgrounds.subList(2, backgrounds.size())) {
            assertThat(send("DELETE", "/categories/" + extra.get("id").asText(), null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = send("DELETE", "/categories/" + backgrounds.get(0).get("id").asText(), null);
        assertThat(refused.statusCode()).isEqualTo(409);
        String sentence = JSON.readTree(refused.body()).get("detail").asText();
        page.chrome.driver().findElement(By.id("view-library")).click();
        page.chrome.driver().findElement(By.id("view-categories")).click();
        page.wait.until(d -> items("background").size() == 2);
        String last = backgrounds.get(0).get("name").asText();
        item("background", last).findElement(By.className("remove")).click();
        item("background", last).findElement(By.className("confirm-yes")).click();
        page.wait.until(d -> sentence.equals(page.chrome.driver().findElement(
                By.cssSelector(".category-kind[data-kind='background'] .form-error")).getText()));
        assertThat(names("background")).hasSize(2);

        // the tree follows the server once the photos are sorted again
        page.chrome.driver().findElement(By.id("view-library")).click();
        page.wait.until(d -> !resorting());
        page.wait.until(d -> treeBackgrounds().equals(serverBackgrounds()));
        assertThat(serverBackgrounds().keySet()).isSubsetOf(names("background"));
        page.assertCleanConsole(409);
    }

    private void refreshTree() {
        page.script("document.dispatchEvent(new Event('visibilitychange'))");
    }

    private WebElement node(String object, String background, String cluster) {
        return (WebElement) page.script(WebPageSession.FIND_NODE, "cluster", object, background, cluster);
    }

    private WebElement pencil(String object, String background, String cluster) {
        return node(object, background, cluster).findElement(By.xpath("following-sibling::button[contains(@class, 'rename')]"));
    }

    private List<WebElement> items(String kind) {
        return page.chrome.driver().findElements(By.cssSelector(".category-kind[data-kind='" + kind + "'] .category-item"));
    }

    /** The list item of the category with this name (null: the one being edited), or null. */
    private WebElement item(String kind, String name) {
        for (WebElement item : items(kind)) {
            List<WebElement> names = item.findElements(By.className("category-name"));
            if (name == null ? names.isEmpty() : !names.isEmpty() && names.get(0).getAttribute("textContent").equals(name)) {
                return item;
            }
        }
        return null;
    }

    private JsonNode image(long id) throws Exception {
        return JSON.readTree(page.server.get("/images/" + id));
    }

    private List<JsonNode> categories(String kind) {
        List<JsonNode> found = new ArrayList<>();
        json("/categories").get("categories").forEach(c -> {
            if (kind.equals(c.get("kind").asText())) {
                found.add(c);
            }
        });
        return found;
    }

    private List<String> names(String kind) {
        return categories(kind).stream().map(c -> c.get("name").asText()).toList();
    }

    private JsonNode category(String kind, String name) {
        return categories(kind).stream().filter(c -> c.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private JsonNode backgroundCategory(String name) {
        return category("background", name);
    }

    /** GET path as JSON (unchecked, for the waits' lambdas). */
    private JsonNode json(String path) {
        try {
            return JSON.readTree(page.server.get(path));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean resorting() {
        return json("/categories").get("resorting").asBoolean();
    }

    private JsonNode grouped(String key) throws Exception {
        for (JsonNode group : JSON.readTree(page.server.get("/clusters/grouped"))) {
            for (JsonNode sub : group.get("subgroups")) {
                for (JsonNode cluster : sub.get("clusters")) {
                    if (key.equals(cluster.path("cluster_key").asText())) {
                        return cluster;
                    }
                }
            }
        }
        throw new AssertionError("no cluster " + key);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(page.server.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Integer> treeObjects() {
        return treeCounts("object", "object");
    }

    /** Background → photos, summed over the objects, as the tree shows it (every object unfolded). */
    private Map<String, Integer> treeBackgrounds() {
        page.script("document.querySelectorAll(\"#tree .level-object > .tree-row .node[aria-expanded='false']\")"
                + ".forEach(n => n.previousElementSibling.click())");
        return treeCounts("background", "background");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Integer> treeCounts(String level, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Object row : (List<Object>) page.script("return Array.from(document.querySelectorAll("
                + "\"#tree .node[data-level='\" + arguments[0] + \"']\"), b => [b.dataset[arguments[1]],"
                + " Number(b.dataset.count)])", level, field)) {
            List<Object> pair = (List<Object>) row;
            counts.merge((String) pair.get(0), ((Long) pair.get(1)).intValue(), Integer::sum);
        }
        return counts;
    }

    private Map<String, Integer> serverObjects() {
        try {
            return page.serverObjects();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> serverBackgrounds() {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode group : json("/clusters/grouped")) {
            for (JsonNode sub : group.get("subgroups")) {
                counts.merge(sub.get("background_category").asText(), sub.get("image_ids").size(), Integer::sum);
            }
        }
        return counts;
    }
}
