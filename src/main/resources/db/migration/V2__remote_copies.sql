-- Library schema, version 2: copies of images in a cloud store (Cloudinary).
-- Same common subset of H2 2.x and PostgreSQL as V1.

-- An image may now live in Cloudinary only (a server upload when CLOUDINARY_URL is set).
ALTER TABLE image DROP CONSTRAINT ck_image_storage;
ALTER TABLE image ADD CONSTRAINT ck_image_storage CHECK (storage IN ('INDEXED', 'MANAGED', 'CLOUDINARY'));

-- One row per image that has, or is getting, a remote copy. `sync` selects the images without an
-- UPLOADED row; UPLOADING marks a request that was sent and not yet confirmed (after a crash the
-- next sync asks the cloud whether it arrived before sending it again); FAILED keeps the reason.
CREATE TABLE remote_copy (
    image_id      BIGINT        NOT NULL PRIMARY KEY,
    public_id     VARCHAR(255)  NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    delivery_type VARCHAR(16)   NOT NULL,
    version       BIGINT,
    format        VARCHAR(16),
    attempts      INTEGER       NOT NULL,
    last_error    VARCHAR(1024),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    synced_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_remote_copy_image FOREIGN KEY (image_id) REFERENCES image (id) ON DELETE CASCADE,
    CONSTRAINT ck_remote_copy_status CHECK (status IN ('UPLOADING', 'UPLOADED', 'FAILED'))
);

CREATE INDEX ix_remote_copy_status ON remote_copy (status);
