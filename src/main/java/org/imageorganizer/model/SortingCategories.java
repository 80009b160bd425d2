package org.imageorganizer.model;

import java.util.List;

/**
 * What a library sorts its photos by: its categories of each kind, in the user's order, and the confidence below
 * which a photo's label is {@link Label#OTHER}.
 */
public record SortingCategories(List<Category> objects, List<Category> backgrounds, double threshold) {
    public SortingCategories {
        objects = List.copyOf(objects);
        backgrounds = List.copyOf(backgrounds);
        if (objects.size() < 2 || backgrounds.size() < 2) {
            throw new IllegalArgumentException("a library sorts by at least two categories of each kind");
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("the threshold is at least 0 and below 1, got " + threshold);
        }
    }

    /** Its categories of one kind. */
    public List<Category> of(CategoryKind kind) {
        return kind == CategoryKind.OBJECT ? objects : backgrounds;
    }

    /** The label lists and threshold of the settings as categories (described by their names). */
    public static SortingCategories of(LabelSettings labels) {
        return new SortingCategories(categories(CategoryKind.OBJECT, labels.objects()),
                categories(CategoryKind.BACKGROUND, labels.backgrounds()), labels.confidenceThreshold());
    }

    private static List<Category> categories(CategoryKind kind, List<String> names) {
        return java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> new Category(i, kind, names.get(i), null, i)).toList();
    }

    /** The categories of a kind-ordered list (as {@code CategoryRepository.all} gives it), with this threshold. */
    public static SortingCategories of(List<Category> all, double threshold) {
        return new SortingCategories(all.stream().filter(c -> c.kind() == CategoryKind.OBJECT).toList(),
                all.stream().filter(c -> c.kind() == CategoryKind.BACKGROUND).toList(), threshold);
    }
}
