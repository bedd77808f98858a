-- A library release after services reached their V3.
ALTER TABLE outbox_event ADD COLUMN trace_parent TEXT;
