package org.imageorganizer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code library_info}: one named setting of the library. */
@Entity(name = "LibraryInfoEntry")
@Table(name = "library_info")
class LibraryInfoEntry {

    static final String LIBRARY_VERSION = "library_version";
    static final String MODEL_ID = "model_id";
    static final String LIBRARY_ID = "library_id";
    /** Counts the transactions that add, hash or remove photos; its row lock serialises them (ADR 0036). */
    static final String NEAR_DUPLICATE_SERIAL = "near_duplicate_serial";
    /** The link rule the near-duplicate links are complete for, or null (ADR 0036). */
    static final String NEAR_DUPLICATE_LINKS = "near_duplicate_links";

    @Id
    @Column(name = "info_key", length = 64)
    String key;

    @Column(name = "info_value", length = 1024)
    String value;

    protected LibraryInfoEntry() {
    }
}
