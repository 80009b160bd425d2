-- Library schema, version 3: the library's own id, a random UUID.
-- The storage folder carries it in a marker file (.library-id), so a server never reconciles a
-- folder that belongs to another library. The value is claimed by the program on first use
-- (a conditional UPDATE, see LibraryInfo.libraryId): H2 and PostgreSQL have no common UUID function.
INSERT INTO library_info (info_key, info_value) VALUES ('library_id', NULL);
