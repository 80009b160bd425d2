package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Checks, when a library opens, that the tables and columns this program's SQL uses are there: Flyway
 * brings the schema up to date, but a library edited by hand, or left by a newer program that dropped a
 * column, would otherwise fail in the middle of an import. Hibernate validates its own entities when it
 * starts, which an import no longer waits for (ADR 0039); this check costs a few milliseconds.
 */
final class SchemaCheck {
    /** Every column the plain SQL reads or writes, by table. */
    private static final Map<String, List<String>> COLUMNS = columns();

    private SchemaCheck() {
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("image", List.of("id", "sha256", "location", "file_name", "byte_size", "width", "height", "format",
                "imported_at", "storage", "object_label", "object_confidence", "background_label",
                "background_confidence", "embedding", "embedding_dim", "model_id", "file_modified_ns",
                "perceptual_hash", "hash_serial", "predicted_object", "predicted_background", "object_by_user",
                "background_by_user", "taken_local", "taken_offset_s", "taken_from", "camera_make", "camera_model",
                "metadata_read"));
        columns.put("image_location", List.of("image_id", "location_key", "location", "file_name", "file_modified_ns",
                "seen_at"));
        columns.put("library_info", List.of("info_key", "info_value"));
        columns.put("group_clustering", List.of("object_label", "background_label", "signature", "algorithm",
                "library_version", "computed_at", "next_cluster_id"));
        columns.put("cluster_member", List.of("image_id", "object_label", "background_label", "cluster_id"));
        columns.put("category", List.of("id", "kind", "name", "words", "position"));
        columns.put("label_correction", List.of("sha256", "kind", "category_id", "set_by", "set_at"));
        columns.put("cluster_identity", List.of("object_label", "background_label", "cluster_id", "cluster_key", "name",
                "cover_image_id", "suggested_name"));
        columns.put("near_duplicate_link", List.of("first_id", "second_id", "distance", "quarter_turns"));
        return columns;
    }

    /**
     * @param shown the library as the user knows it, for the message
     * @throws LibraryException naming the first table or column that is missing
     */
    static void check(DataSource dataSource, String shown) {
        try (Connection c = dataSource.getConnection()) {
            check(c, shown);
        } catch (SQLException e) {
            throw LibraryException.cannotOpen(shown, e);
        }
    }

    /** As {@link #check(DataSource, String)}, on a connection in auto-commit mode (a failed select ends nothing). */
    static void check(Connection c, String shown) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, List<String>> table : COLUMNS.entrySet()) {
                if (!selects(s, table.getKey(), String.join(", ", table.getValue()))) {
                    throw new LibraryException("Cannot open the library " + shown
                            + ": its schema does not match this program (" + missing(s, table.getKey(), table.getValue())
                            + ").");
                }
            }
        }
    }

    /** What is missing of a table whose select failed: the table, or its first missing column. */
    private static String missing(Statement s, String table, List<String> columns) {
        if (!selects(s, table, "*")) {
            return "it has no table " + table;
        }
        for (String column : columns) {
            if (!selects(s, table, column)) {
                return "the table " + table + " has no column " + column;
            }
        }
        return "the table " + table + " cannot be read";
    }

    private static boolean selects(Statement s, String table, String columns) {
        try {
            s.executeQuery("SELECT " + columns + " FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
