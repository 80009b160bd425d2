package org.imageorganizer.ui.settings;

import java.util.Locale;

/**
 * The model variant the settings ask for, as the settings dialog offers it (the settings keep it as
 * text: auto, fp32, bf16 or int8; the model loader reads the same words).
 */
public enum ModelPrecision {
    AUTO, FP32, BF16, INT8;

    /** The precision named by {@code value} (any case); AUTO for null, blank or a word it does not know. */
    public static ModelPrecision parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return AUTO;
        }
    }

    /** The word the settings file holds. */
    public String settingsValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
