package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's files are all served, answer 405 for other methods, and obey the page's CSP. */
class WebPageAssetsTest {
    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z]+\\.js)'");

    @Test
    void everyAssetIsInTheJarAndInTheMethodTable() throws IOException {
        for (var asset : WebPage.ASSETS.entrySet()) {
            assertThat(AllowedMethods.of(asset.getKey())).as(asset.getKey()).containsExactly("GET");
            assertThat(resource(asset.getValue())).as(asset.getValue()).isNotBlank();
        }
    }

    @Test
    void everyImportedModuleIsServed() throws IOException {
        for (String name : WebPage.ASSETS.values()) {
            if (!name.endsWith(".js")) {
                continue;
            }
            Matcher imports = IMPORT.matcher(resource(name));
            while (imports.find()) {
                assertThat(WebPage.ASSETS).as("imported by " + name).containsEntry("/static/" + imports.group(1),
                        imports.group(1));
            }
        }
    }

    @Test
    void thePageHasNoInlineScriptsOrStyles() throws IOException {
        String html = resource("index.html");
        assertThat(html).doesNotContainPattern("(?i)\\sstyle\\s*=").doesNotContainPattern("(?i)<style")
                .doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContainPattern("(?i)<script(?![^>]*\\ssrc=)");
        for (String name : WebPage.ASSETS.values()) {
            if (name.endsWith(".js")) {
                // server and user strings go in as text; the CSP forbids style attributes
                assertThat(resource(name)).as(name).doesNotContain("innerHTML").doesNotContain("outerHTML")
                        .doesNotContain("insertAdjacentHTML").doesNotContain("setAttribute('style'")
                        .doesNotContain("eval(");
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WebPage.class.getResourceAsStream("/web/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
