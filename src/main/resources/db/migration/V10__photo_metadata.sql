-- Library schema, version 10: when each photo was taken and with which camera (issue 19, ADR 0048), read at import
-- from the photo's EXIF, or for an older library by a background task from the files still present.
-- taken_local is the date and time as the camera's clock showed it (EXIF DateTimeOriginal); taken_offset_s that
-- clock's offset from UTC in seconds when known (EXIF OffsetTimeOriginal); taken_from says where the date comes from:
-- 'PHOTO' (the EXIF) or 'FILE_TIME' (the file's last-modified time, when the photo does not say).
-- metadata_read is FALSE for rows from before this version until their file has been read: a photo whose only copy is
-- remote, or whose file is gone, stays unread and without a date.
ALTER TABLE image ADD COLUMN taken_local TIMESTAMP;
ALTER TABLE image ADD COLUMN taken_offset_s INTEGER;
ALTER TABLE image ADD COLUMN taken_from VARCHAR(16);
ALTER TABLE image ADD COLUMN camera_make VARCHAR(128);
ALTER TABLE image ADD COLUMN camera_model VARCHAR(128);
ALTER TABLE image ADD COLUMN metadata_read BOOLEAN DEFAULT FALSE NOT NULL;

-- the grid, `list` and the taken_after/taken_before filters read photos by date taken
CREATE INDEX ix_image_taken_local ON image (taken_local);
