-- Library schema, version 4: the modification time of an indexed file, so that an import skips a
-- file whose path, size and modification time are those the library recorded without reading it
-- again (see docs/decisions/0026-skip-unchanged-files-lazy-model.md).
-- Nanoseconds since 1970-01-01 UTC as the file system gave them; NULL when unknown: uploads, rows
-- from before this version (their files are read once more and get it), and files read within
-- seconds of their last change (too recent to trust on a file system with coarse times).
ALTER TABLE image ADD COLUMN file_modified_ns BIGINT;

-- The import looks up the walked files by size (then compares path and time): an index on the
-- 4,096-character location would exceed PostgreSQL's limit for a B-tree entry on very long paths.
CREATE INDEX ix_image_byte_size ON image (byte_size);
