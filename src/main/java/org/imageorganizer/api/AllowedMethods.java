package org.imageorganizer.api;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The server's paths and their methods, to tell 405 (known path, other method) from 404. */
final class AllowedMethods {
    private record Entry(Pattern path, Set<String> methods) {
    }

    private static final List<Entry> ROUTES = List.of(
            new Entry(Pattern.compile("/images/?"), Set.of("GET", "POST")),
            new Entry(Pattern.compile("/images/corrections/?"), Set.of("POST")),
            new Entry(Pattern.compile("/images/[^/]+/?"), Set.of("GET", "DELETE", "PATCH")),
            new Entry(Pattern.compile("/images/[^/]+/(file|thumbnail|similar)/?"), Set.of("GET")),
            new Entry(Pattern.compile("/search/?"), Set.of("GET")),
            new Entry(Pattern.compile("/duplicates/?"), Set.of("GET")),
            new Entry(Pattern.compile("/duplicates/resolve/?"), Set.of("POST")),
            new Entry(Pattern.compile("/clusters(/grouped)?/?"), Set.of("GET")),
            new Entry(Pattern.compile("/categories/?"), Set.of("GET", "POST")),
            new Entry(Pattern.compile("/categories/threshold/?"), Set.of("PUT")),
            new Entry(Pattern.compile("/categories/[^/]+/?"), Set.of("PATCH", "DELETE")),
            new Entry(Pattern.compile("/clusters/[^/]+/name/?"), Set.of("PUT")),
            new Entry(Pattern.compile("/health/?"), Set.of("GET")),
            new Entry(Pattern.compile("/storage/.+"), Set.of("GET")),
            new Entry(Pattern.compile("/|/static/app\\.css|/static/[a-z][a-z-]{0,30}\\.js|/favicon\\.ico"), Set.of("GET")));

    private AllowedMethods() {
    }

    /** The methods the path accepts, empty when the path is unknown. */
    static Set<String> of(String path) {
        return ROUTES.stream().filter(e -> e.path().matcher(path).matches()).findFirst()
                .map(Entry::methods).orElse(Set.of());
    }
}
