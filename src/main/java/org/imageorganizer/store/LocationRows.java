package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@code image_location} (schema version 5), on a connection inside the caller's
 * transaction: the writable library runs it through Hibernate's connection, so that an image and its
 * first location are stored together. A path holds one content at a time: recording a location for an
 * image takes it away from any other image.
 */
final class LocationRows {
    private LocationRows() {
    }

    /** Records that the image's content is at {@code location}; a row already there keeps its id and gets the new time. */
    static void record(Connection c, long imageId, String location, String fileName, Long modifiedNanos, Instant seenAt)
            throws SQLException {
        long key = LocationKey.of(location);
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM image_location WHERE location_key = ? AND location = ? AND image_id <> ?")) {
            s.setLong(1, key);
            s.setString(2, location);
            s.setLong(3, imageId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE image_location SET file_name = ?, file_modified_ns = ?,"
                + " seen_at = ? WHERE location_key = ? AND location = ? AND image_id = ?")) {
            s.setString(1, fileName);
            s.setObject(2, modifiedNanos, Types.BIGINT);
            s.setObject(3, OffsetDateTime.ofInstant(seenAt, ZoneOffset.UTC));
            s.setLong(4, key);
            s.setString(5, location);
            s.setLong(6, imageId);
            if (s.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO image_location"
                + " (image_id, location_key, location, file_name, file_modified_ns, seen_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, imageId);
            s.setLong(2, key);
            s.setString(3, location);
            s.setString(4, fileName);
            s.setObject(5, modifiedNanos, Types.BIGINT);
            s.setObject(6, OffsetDateTime.ofInstant(seenAt, ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    /** Forgets that the image's content is at {@code location}; returns whether it was recorded. */
    static boolean forget(Connection c, long imageId, String location) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM image_location WHERE location_key = ? AND location = ? AND image_id = ?")) {
            s.setLong(1, LocationKey.of(location));
            s.setString(2, location);
            s.setLong(3, imageId);
            return s.executeUpdate() > 0;
        }
    }

    /** The places the image's content was seen, by location. */
    static List<String> of(Connection c, long imageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT location FROM image_location WHERE image_id = ? ORDER BY location")) {
            s.setLong(1, imageId);
            List<String> locations = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    locations.add(rs.getString(1));
                }
            }
            return locations;
        }
    }
}
