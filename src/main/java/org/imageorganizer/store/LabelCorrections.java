package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.Correction;
import org.imageorganizer.model.CorrectionsTaken;

/**
 * The user's corrections of photos' labels (ADR 0042), kept by content (SHA-256) in {@code label_correction}, and
 * the effective labels on the photos' rows that follow them: a correction wins over the model's label, "predicted"
 * gives the model's back. Every change is one transaction that steps the label serial, so the groups are read again.
 */
public final class LabelCorrections {
    private final SqlTransactions sql;
    private final Clock clock;

    LabelCorrections(SqlTransactions sql, Clock clock) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sets the kind's category of these photos (null: back to the model's choice).
     *
     * @param setBy who set it, as the log and the API show it
     * @return each photo's state before, in the order given (unknown ids left out): giving them to {@link #apply}
     *         undoes this
     * @throws IllegalArgumentException when the category does not exist or is of the other kind
     */
    public List<Correction> set(Collection<Long> imageIds, CategoryKind kind, Long categoryId, String setBy) {
        List<Correction> wanted = new ArrayList<>();
        for (long id : new LinkedHashSet<>(imageIds)) {
            wanted.add(new Correction(id, kind, categoryId));
        }
        return apply(wanted, setBy);
    }

    /**
     * Puts these states in place, each a photo's category of one kind or the model's choice; a state whose
     * category was removed since gives the model's choice.
     *
     * @return each photo's state before (unknown ids left out), to undo this in turn
     * @throws IllegalArgumentException when a category is of the other kind
     */
    public List<Correction> apply(List<Correction> states, String setBy) {
        Objects.requireNonNull(setBy, "setBy");
        if (states.isEmpty()) {
            return List.of();
        }
        return sql.inTransaction(c -> {
            List<Correction> before = new ArrayList<>(states.size());
            for (Correction state : states) {
                String sha = sha256(c, state.imageId());
                if (sha == null) {
                    continue;
                }
                before.add(new Correction(state.imageId(), state.kind(), current(c, sha, state.kind())));
                Category category = state.categoryId() == null ? null
                        : CategoryRepository.byId(c, state.categoryId()).orElse(null);
                if (category != null && category.kind() != state.kind()) {
                    throw new IllegalArgumentException("\"" + category.name() + "\" is " + (category.kind() == CategoryKind.OBJECT
                            ? "an object" : "a background") + " category, not " + (state.kind() == CategoryKind.OBJECT
                            ? "an object" : "a background") + " one.");
                }
                write(c, sha, state.imageId(), state.kind(), category, setBy);
            }
            if (!before.isEmpty()) {
                LibraryInfo.labelsChanged(c);
            }
            return Collections.unmodifiableList(before);
        });
    }

    private void write(Connection c, String sha, long imageId, CategoryKind kind, Category category, String setBy)
            throws SQLException {
        String column = column(kind);
        if (category == null) {
            execute(c, "DELETE FROM label_correction WHERE sha256 = ? AND kind = ?", sha, kind.name());
            execute(c, "UPDATE image SET " + column + "_label = COALESCE(predicted_" + column + ", " + column + "_label), "
                    + column + "_by_user = FALSE WHERE id = ?", imageId);
            return;
        }
        Object now = clock.instant().atOffset(ZoneOffset.UTC);
        if (execute(c, "UPDATE label_correction SET category_id = ?, set_by = ?, set_at = ? WHERE sha256 = ? AND kind = ?",
                category.id(), setBy, now, sha, kind.name()) == 0) {
            execute(c, "INSERT INTO label_correction (sha256, kind, category_id, set_by, set_at) VALUES (?, ?, ?, ?, ?)",
                    sha, kind.name(), category.id(), setBy, now);
        }
        execute(c, "UPDATE image SET " + column + "_label = ?, " + column + "_by_user = TRUE WHERE id = ?",
                category.name(), imageId);
    }

    /** A correction as it leaves one library for another: by content, with its category's name and words. */
    public record Carried(String sha256, CategoryKind kind, String category, String words) {
    }

    static List<Carried> carried(Connection c) throws SQLException {
        List<Carried> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT lc.sha256, lc.kind, k.name, k.words FROM label_correction lc"
                + " JOIN category k ON k.id = lc.category_id ORDER BY lc.sha256, lc.kind");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Carried(rs.getString(1), CategoryKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    /**
     * Takes another library's corrections, in one transaction: a category this library lacks is added (with its
     * words), a content this library already has a correction for keeps it, and the photos here with a carried
     * content show the user's choice at once. Content this library does not have yet is kept for its import.
     */
    public CorrectionsTaken carryIn(List<Carried> corrections, String setBy) {
        if (corrections.isEmpty()) {
            return new CorrectionsTaken(0, 0, 0);
        }
        return sql.inTransaction(c -> {
            java.util.Map<String, Category> byName = new java.util.HashMap<>();
            for (Category category : CategoryRepository.all(c)) {
                byName.put(category.kind() + "\u0000" + category.name(), category);
            }
            int added = 0;
            int taken = 0;
            Object now = clock.instant().atOffset(ZoneOffset.UTC);
            List<String> shas = new ArrayList<>();
            for (Carried carried : corrections) {
                String key = carried.kind() + "\u0000" + carried.category();
                Category category = byName.get(key);
                if (category == null) {
                    category = CategoryRepository.insert(c, carried.kind(), Category.checkedName(carried.category()),
                            Category.checkedWords(carried.words()));
                    byName.put(key, category);
                    added++;
                }
                if (current(c, carried.sha256(), carried.kind()) == null) {
                    execute(c, "INSERT INTO label_correction (sha256, kind, category_id, set_by, set_at) VALUES (?, ?, ?, ?, ?)",
                            carried.sha256(), carried.kind().name(), category.id(), setBy, now);
                    taken++;
                    shas.add(carried.sha256());
                }
            }
            List<Long> ids = idsOf(c, shas);
            applyTo(c, ids);
            if (taken > 0 || added > 0) {
                LibraryInfo.labelsChanged(c);
            }
            return new CorrectionsTaken(taken, added, ids.size());
        });
    }

    private static List<Long> idsOf(Connection c, List<String> shas) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < shas.size(); from += ImageRows.IN_CHUNK) {
            List<String> chunk = shas.subList(from, Math.min(shas.size(), from + ImageRows.IN_CHUNK));
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM image WHERE sha256 IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Gives the photos with these ids the labels their content's corrections choose, on the caller's transaction:
     * a photo imported again, or into a library that took another's corrections, shows the user's choice at once.
     */
    static void applyTo(Connection c, List<Long> imageIds) throws SQLException {
        if (imageIds.isEmpty()) {
            return;
        }
        for (CategoryKind kind : CategoryKind.values()) {
            String column = column(kind);
            for (int from = 0; from < imageIds.size(); from += ImageRows.IN_CHUNK) {
                List<Long> chunk = imageIds.subList(from, Math.min(imageIds.size(), from + ImageRows.IN_CHUNK));
                String in = String.join(",", Collections.nCopies(chunk.size(), "?"));
                List<Object> parameters = new ArrayList<>();
                parameters.add(kind.name());
                parameters.addAll(chunk);
                parameters.add(kind.name());
                execute(c, "UPDATE image SET " + column + "_label = (SELECT k.name FROM label_correction lc"
                        + " JOIN category k ON k.id = lc.category_id WHERE lc.sha256 = image.sha256 AND lc.kind = ?), "
                        + column + "_by_user = TRUE WHERE id IN (" + in + ") AND EXISTS (SELECT 1 FROM label_correction lc"
                        + " WHERE lc.sha256 = image.sha256 AND lc.kind = ?)", parameters.toArray());
            }
        }
    }

    private static Long current(Connection c, String sha, CategoryKind kind) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT category_id FROM label_correction WHERE sha256 = ? AND kind = ?")) {
            s.setString(1, sha);
            s.setString(2, kind.name());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static String sha256(Connection c, long imageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT sha256 FROM image WHERE id = ?")) {
            s.setLong(1, imageId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static String column(CategoryKind kind) {
        return kind == CategoryKind.OBJECT ? "object" : "background";
    }

    private static int execute(Connection c, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }
}
