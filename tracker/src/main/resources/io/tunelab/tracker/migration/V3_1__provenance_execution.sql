-- Where and how each trial ran: its slot and device (GPU name and memory, engine build) and, when the
-- GPU ran out of memory, the retry with half the batch. JSON, written with the rest of the provenance.
ALTER TABLE trial_provenance ADD COLUMN execution_json VARCHAR;
