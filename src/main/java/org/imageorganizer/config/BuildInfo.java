package org.imageorganizer.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The running build's version and where its source is published (the AGPL asks a network service
 * to offer its users the source of the version they use).
 *
 * @param version   the project version, or "development" when run from an unpackaged build
 * @param sourceUrl the source repository
 */
public record BuildInfo(String version, String sourceUrl) {
    private static final String FALLBACK_SOURCE = "https://github.com/ai-image-organizer/image-organizer";

    /** Reads the build-info.properties Maven filled in; falls back to neutral values. */
    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/build-info.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // neutral values below
        }
        String version = properties.getProperty("version", "");
        String source = properties.getProperty("source.url", "");
        return new BuildInfo(version.isBlank() || version.startsWith("${") ? "development" : version,
                source.isBlank() || source.startsWith("${") ? FALLBACK_SOURCE : source);
    }
}
