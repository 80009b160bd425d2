-- Library schema, version 6: near-duplicate links kept at import (docs/decisions/0036).
-- near_duplicate_link: one row per pair of photos whose perceptual hashes are within the link distance
-- (the veto of the model is applied when stacks are read, so the rows do not depend on the model);
-- first_id < second_id; rows go with either photo (ON DELETE CASCADE).
-- image.hash_serial: the near_duplicate_serial of the transaction that gave the photo its hash, so that
-- a process's in-memory hash index catches up with what other processes added (an indexed range read).
-- library_info near_duplicate_serial: a counter every transaction that adds, hashes or removes photos
-- increments first; its row lock serialises them. near_duplicate_links: the link rule the rows are
-- complete for; NULL until links are built for the photos that existed before this version.
-- Written in the common subset of H2 2.x and PostgreSQL.

CREATE TABLE near_duplicate_link (
    first_id      BIGINT  NOT NULL,
    second_id     BIGINT  NOT NULL,
    distance      INTEGER NOT NULL,
    quarter_turns INTEGER NOT NULL,
    CONSTRAINT pk_near_duplicate_link PRIMARY KEY (first_id, second_id),
    CONSTRAINT fk_near_duplicate_link_first FOREIGN KEY (first_id) REFERENCES image (id) ON DELETE CASCADE,
    CONSTRAINT fk_near_duplicate_link_second FOREIGN KEY (second_id) REFERENCES image (id) ON DELETE CASCADE,
    CONSTRAINT ck_near_duplicate_link_order CHECK (first_id < second_id)
);

CREATE INDEX ix_near_duplicate_link_second ON near_duplicate_link (second_id);

ALTER TABLE image ADD COLUMN hash_serial BIGINT;

UPDATE image SET hash_serial = 0 WHERE perceptual_hash IS NOT NULL;

CREATE INDEX ix_image_hash_serial ON image (hash_serial);

INSERT INTO library_info (info_key, info_value) VALUES ('near_duplicate_serial', '0'), ('near_duplicate_links', NULL);
