package org.imageorganizer.ui.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imageorganizer.common.AtomicFiles;
import org.imageorganizer.model.FileFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Problems panel's list across restarts: a JSON array of {@code {"path": …, "reason": …}}, written
 * atomically (a crash leaves the old list or the new one, never half of one). At most {@link #MOST} entries, the
 * newest. A missing, broken or oversized file is an empty list and a line in the log: it is a convenience.
 */
public final class ProblemsStore {
    /** The most problems kept. */
    public static final int MOST = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ProblemsStore.class);
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    public ProblemsStore(Path file) {
        this.file = file;
    }

    /** The problems saved, oldest first; entries without a usable path or reason are left out. */
    public List<FileFailure> load() {
        try {
            if (Files.size(file) > MAX_BYTES) {
                LOG.info("Ignoring {}: too large for a list of problems", file);
                return List.of();
            }
            List<Map<String, Object>> entries = mapper.readValue(file.toFile(), new TypeReference<>() { });
            List<FileFailure> problems = new ArrayList<>();
            for (Map<String, Object> entry : entries == null ? List.<Map<String, Object>>of() : entries) {
                if (entry != null && entry.get("path") instanceof String path && !path.isBlank()
                        && entry.get("reason") instanceof String reason) {
                    problems.add(new FileFailure(Path.of(path), reason));
                }
            }
            return List.copyOf(problems.subList(Math.max(0, problems.size() - MOST), problems.size()));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | InvalidPathException | ClassCastException e) {
            LOG.info("Ignoring the list of problems in {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    /** Saves the newest {@link #MOST} problems atomically; a failure is logged and otherwise ignored. */
    public void save(List<FileFailure> problems) {
        List<FileFailure> kept = problems.subList(Math.max(0, problems.size() - MOST), problems.size());
        List<Map<String, String>> entries = kept.stream()
                .map(f -> Map.of("path", f.path().toString(), "reason", f.reason() == null ? "" : f.reason())).toList();
        try {
            AtomicFiles.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(entries), true);
        } catch (IOException | RuntimeException e) {
            LOG.info("Could not save the list of problems to {}: {}", file, e.getMessage());
        }
    }
}
