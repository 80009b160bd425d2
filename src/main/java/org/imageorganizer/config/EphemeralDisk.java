package org.imageorganizer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the server runs where its disk does not outlive a deployment (App Runner, ECS Fargate): then
 * an H2 library file and uploads in the storage folder are lost with the container, and the server says
 * so at start. Detected from the environment: {@code IMAGE_ORGANIZER_EPHEMERAL_DISK=true} (the
 * project's App Runner and ECS templates set it; {@code false} turns the detection off, e.g. for a task
 * whose data folder is an EFS volume), else ECS's container metadata variables, which every ECS task has.
 */
public final class EphemeralDisk {
    public static final String VARIABLE = "IMAGE_ORGANIZER_EPHEMERAL_DISK";
    private static final List<String> ECS_VARIABLES = List.of("ECS_CONTAINER_METADATA_URI_V4", "ECS_CONTAINER_METADATA_URI");

    private EphemeralDisk() {
    }

    /** The platform whose disk is lost at a deployment, as a person would name it; empty when there is none. */
    public static Optional<String> platform(Map<String, String> environment) {
        String explicit = environment.get(VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            String value = explicit.strip().toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("1") || value.equals("yes")) {
                return Optional.of("a platform whose disk does not survive a deployment (" + VARIABLE + ")");
            }
            return Optional.empty();
        }
        for (String variable : ECS_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of("Amazon ECS, whose task disk does not survive a deployment");
            }
        }
        return Optional.empty();
    }

    /**
     * What a server started on {@code platform} would lose, one sentence each.
     *
     * @param h2Library      the H2 library file, or null when the library is on a database server
     * @param uploadsFolder  the storage folder uploads go to, or null when they go to Cloudinary
     */
    public static List<String> warnings(Optional<String> platform, String h2Library, String uploadsFolder) {
        List<String> warnings = new ArrayList<>();
        platform.ifPresent(where -> {
            if (h2Library != null) {
                warnings.add("Running on " + where + ", with the library in the H2 file " + h2Library
                        + ": it will be lost. Set IMAGE_ORGANIZER_DB_URL to a PostgreSQL database.");
            }
            if (uploadsFolder != null) {
                warnings.add("Running on " + where + ", with uploads in the storage folder " + uploadsFolder
                        + ": they will be lost. Set CLOUDINARY_URL to keep them in Cloudinary.");
            }
        });
        return warnings;
    }
}
