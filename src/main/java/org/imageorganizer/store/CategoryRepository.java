package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;

/**
 * The library's categories (ADR 0042), in plain SQL. Adding one or changing its words changes nothing else: the
 * photos move once the library is re-sorted. Renaming one renames it wherever the library shows it (the photos'
 * labels, their stored clusterings) in the same transaction, so nothing moves and no group is clustered again; a
 * category without words keeps its old name as its words, so the model keeps recognising it as before. Removing one
 * takes its corrections with it (ON DELETE CASCADE); its photos keep the label until the re-sort the caller runs
 * next. Every change steps the library version.
 */
public final class CategoryRepository {
    /** Fewer than this many categories of a kind and a photo could not be sorted. */
    public static final int MIN_PER_KIND = 2;
    private static final String COLUMNS = "SELECT id, kind, name, words, position FROM category";

    private final SqlTransactions sql;

    CategoryRepository(SqlTransactions sql) {
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /** Every category, objects first, each kind in the user's order. */
    public List<Category> all() {
        return sql.inTransaction(CategoryRepository::all);
    }

    static List<Category> all(Connection c) throws SQLException {
        List<Category> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(COLUMNS + " ORDER BY kind DESC, position, id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(category(rs));
            }
        }
        return out;
    }

    /** The category with this id, if any. */
    public Optional<Category> byId(long id) {
        return sql.inTransaction(c -> byId(c, id));
    }

    /** The category of this kind with this name (compared as stored), if any. */
    public Optional<Category> byName(CategoryKind kind, String name) {
        return sql.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(COLUMNS + " WHERE kind = ? AND name = ?")) {
                s.setString(1, kind.name());
                s.setString(2, name);
                return first(s);
            }
        });
    }

    /**
     * Adds a category at the end of its kind's list.
     *
     * @throws IllegalArgumentException when the name is not allowed or taken, with a sentence
     */
    public Category add(CategoryKind kind, String name, String words) {
        String checked = Category.checkedName(name);
        String described = Category.checkedWords(words);
        return sql.inTransaction(c -> {
            requireFree(c, kind, checked, -1);
            Category added = insert(c, kind, checked, described);
            LibraryInfo.bumpVersion(c);
            return added;
        });
    }

    /** Adds a category at the end of its kind's list, on the caller's transaction; the name is checked and free. */
    static Category insert(Connection c, CategoryKind kind, String checked, String described) throws SQLException {
        int position;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(position) + 1, 0) FROM category WHERE kind = ?")) {
            s.setString(1, kind.name());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                position = rs.getInt(1);
            }
        }
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO category (kind, name, words, position) VALUES (?, ?, ?, ?)",
                new String[] {"id"})) {
            s.setString(1, kind.name());
            s.setString(2, checked);
            s.setString(3, described);
            s.setInt(4, position);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        return new Category(id, kind, checked, described, position);
    }

    /**
     * Renames a category, and the labels that carry its name, in one transaction.
     *
     * @throws IllegalArgumentException when there is no such category, or the name is not allowed or taken
     */
    public Category rename(long id, String newName) {
        String checked = Category.checkedName(newName);
        return sql.inTransaction(c -> {
            Category old = byId(c, id).orElseThrow(() -> noSuch(id));
            if (old.name().equals(checked)) {
                return old;
            }
            requireFree(c, old.kind(), checked, id);
            String words = old.words() != null ? old.words() : old.name(); // the model keeps seeing it as before
            update(c, "UPDATE category SET name = ?, words = ? WHERE id = ?", checked, words, id);
            String column = old.kind() == CategoryKind.OBJECT ? "object" : "background";
            update(c, "UPDATE image SET " + column + "_label = ? WHERE " + column + "_label = ?", checked, old.name());
            update(c, "UPDATE image SET predicted_" + column + " = ? WHERE predicted_" + column + " = ?", checked, old.name());
            for (String table : List.of("group_clustering", "cluster_member", "cluster_identity")) {
                update(c, "UPDATE " + table + " SET " + column + "_label = ? WHERE " + column + "_label = ?", checked, old.name());
            }
            LibraryInfo.labelsChanged(c);
            return new Category(id, old.kind(), checked, words, old.position());
        });
    }

    /**
     * Sets or clears (null or blank) the words that describe a category to the model.
     *
     * @throws IllegalArgumentException when there is no such category or the words are not allowed
     */
    public Category describe(long id, String words) {
        String described = Category.checkedWords(words);
        return sql.inTransaction(c -> {
            Category old = byId(c, id).orElseThrow(() -> noSuch(id));
            update(c, "UPDATE category SET words = ? WHERE id = ?", described, id);
            LibraryInfo.bumpVersion(c);
            return new Category(id, old.kind(), old.name(), described, old.position());
        });
    }

    /**
     * Removes a category and the corrections that chose it; its photos are sorted again by the caller.
     *
     * @return the removed category
     * @throws IllegalArgumentException when there is no such category, or it is one of the last two of its kind
     */
    public Category remove(long id) {
        return sql.inTransaction(c -> {
            Category old = byId(c, id).orElseThrow(() -> noSuch(id));
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM category WHERE kind = ?")) {
                s.setString(1, old.kind().name());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) <= MIN_PER_KIND) {
                        throw new IllegalArgumentException("The library needs at least " + MIN_PER_KIND + " " + old.kind().word()
                                + " categories to sort photos; add another before removing \"" + old.name() + "\".");
                    }
                }
            }
            update(c, "DELETE FROM category WHERE id = ?", id);
            LibraryInfo.bumpVersion(c);
            return old;
        });
    }

    private static void requireFree(Connection c, CategoryKind kind, String name, long except) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM category WHERE kind = ? AND LOWER(name) = LOWER(?) AND id <> ?")) {
            s.setString(1, kind.name());
            s.setString(2, name);
            s.setLong(3, except);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new IllegalArgumentException("There is already " + article(kind) + " category \"" + name + "\".");
                }
            }
        }
    }

    private static String article(CategoryKind kind) {
        return kind == CategoryKind.OBJECT ? "an object" : "a background";
    }

    static Optional<Category> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
            s.setLong(1, id);
            return first(s);
        }
    }

    private static Optional<Category> first(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(category(rs)) : Optional.empty();
        }
    }

    private static Category category(ResultSet rs) throws SQLException {
        return new Category(rs.getLong(1), CategoryKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getInt(5));
    }

    private static void update(Connection c, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static IllegalArgumentException noSuch(long id) {
        return new IllegalArgumentException("There is no category with id " + id + ".");
    }
}
