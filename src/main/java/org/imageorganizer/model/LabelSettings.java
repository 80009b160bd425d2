package org.imageorganizer.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The label lists and prompt templates of zero-shot classification, and the confidence below
 * which an image is labelled "other".
 */
public record LabelSettings(
        @JsonProperty("objects") List<String> objects,
        @JsonProperty("backgrounds") List<String> backgrounds,
        @JsonProperty("object_templates") List<String> objectTemplates,
        @JsonProperty("background_templates") List<String> backgroundTemplates,
        @JsonProperty("confidence_threshold") Double confidenceThreshold) {

    private static final List<String> DEFAULT_OBJECTS = List.of("cat", "dog", "bird", "horse", "person", "car",
            "bicycle", "motorcycle", "airplane", "boat", "train", "food", "flower", "tree", "building", "landscape",
            "furniture", "electronics", "book", "toy", "artwork", "document");
    private static final List<String> DEFAULT_BACKGROUNDS = List.of("indoor", "outdoor", "urban", "nature", "beach",
            "mountain", "forest", "water", "snow", "desert", "sky", "night", "studio");
    private static final List<String> DEFAULT_OBJECT_TEMPLATES = List.of("a photo of a {}.", "a close-up photo of a {}.",
            "a photo of the {}.", "a good photo of a {}.", "a cropped photo of a {}.");
    private static final List<String> DEFAULT_BACKGROUND_TEMPLATES = List.of("a photo taken {}.",
            "a photo of a {} scene.", "a photo with a {} background.", "a picture of a {} setting.");
    private static final double DEFAULT_THRESHOLD = 0.2;

    /** Missing (null) fields take their defaults; present ones are checked. */
    public LabelSettings {
        objects = clean(objects == null ? DEFAULT_OBJECTS : objects, "objects");
        backgrounds = clean(backgrounds == null ? DEFAULT_BACKGROUNDS : backgrounds, "backgrounds");
        objectTemplates = templates(objectTemplates == null ? DEFAULT_OBJECT_TEMPLATES : objectTemplates, "object_templates");
        backgroundTemplates = templates(backgroundTemplates == null ? DEFAULT_BACKGROUND_TEMPLATES : backgroundTemplates,
                "background_templates");
        confidenceThreshold = confidenceThreshold == null ? DEFAULT_THRESHOLD : confidenceThreshold;
        if (!(confidenceThreshold >= 0 && confidenceThreshold < 1)) {
            throw new IllegalArgumentException("confidence_threshold must be at least 0 and below 1, got " + confidenceThreshold);
        }
    }

    public static LabelSettings defaults() {
        return new LabelSettings(null, null, null, null, null);
    }

    private static List<String> templates(List<String> templates, String name) {
        if (templates == null || templates.isEmpty() || templates.stream().anyMatch(t -> t == null || !t.contains("{}"))) {
            throw new IllegalArgumentException(name + " must be a non-empty list of texts with a {} placeholder");
        }
        return List.copyOf(templates);
    }

    private static List<String> clean(List<String> labels, String name) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException(name + " must list at least one label");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String label : labels) {
            if (label == null || label.isBlank() || label.length() > 100) {
                throw new IllegalArgumentException(name + " contains an empty or over-long label");
            }
            unique.add(label.strip());
        }
        if (unique.size() < 2) {
            throw new IllegalArgumentException(name + " needs at least two different labels");
        }
        return List.copyOf(unique);
    }
}
