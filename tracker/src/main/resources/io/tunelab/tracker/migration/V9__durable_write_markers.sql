-- Markers of durable writes made through another process's share of an embedded database (WriteMarkers): a joined
-- process writes one in the transaction of each durable write and deletes it once the write is on disk, so that
-- after the holder was killed between the commit and its CHECKPOINT the process can tell, on the file's next
-- holder, whether its write reached the file (marker there: it did) or was lost with the holder (then it writes it
-- again). Holds a few rows at most: one per write in flight, and those left by processes killed meanwhile.
CREATE TABLE durable_write_markers (
    marker      VARCHAR(36) NOT NULL PRIMARY KEY,
    written_ns  BIGINT      NOT NULL
);
