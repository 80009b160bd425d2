-- Library schema, version 8: stable cluster identity and cluster names (docs/decisions/0043).
-- cluster_identity: one row per stored sub-cluster (never the noise) of an object / background group:
-- its number in the group, an opaque random key (URL-safe, unique), the user's name (null until named)
-- and its cover photo (the one nearest its centre when it was computed; null once that photo is gone).
-- A row follows its cluster across recomputations (the new cluster that overlaps it most keeps its number)
-- and goes when the cluster vanishes.
-- group_clustering.next_cluster_id: the number the group's next new cluster takes (numbers are never given
-- again in a group); NULL for clusterings stored before this version (the largest stored number + 1 then).
-- Written in the common subset of H2 2.x and PostgreSQL.

CREATE TABLE cluster_identity (
    object_label     VARCHAR(128) NOT NULL,
    background_label VARCHAR(128) NOT NULL,
    cluster_id       INTEGER      NOT NULL,
    cluster_key      VARCHAR(32)  NOT NULL,
    name             VARCHAR(200),
    cover_image_id   BIGINT,
    CONSTRAINT pk_cluster_identity PRIMARY KEY (object_label, background_label, cluster_id),
    CONSTRAINT uk_cluster_identity_key UNIQUE (cluster_key),
    CONSTRAINT fk_cluster_identity_cover FOREIGN KEY (cover_image_id) REFERENCES image (id) ON DELETE SET NULL,
    CONSTRAINT ck_cluster_identity_id CHECK (cluster_id >= 0)
);

CREATE INDEX ix_cluster_identity_cover ON cluster_identity (cover_image_id);

ALTER TABLE group_clustering ADD COLUMN next_cluster_id INTEGER;
