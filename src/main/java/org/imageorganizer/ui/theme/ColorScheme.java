package org.imageorganizer.ui.theme;

/** The two looks of the window: dark text on light surfaces, or light text on dark ones. */
public enum ColorScheme {
    LIGHT,
    DARK
}
