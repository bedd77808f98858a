-- Shared by every service through utfall-messaging. Library migrations use 0.x versions so they run before a
-- service's own V1.

CREATE TABLE outbox_event (
    id            BIGSERIAL PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    aggregate_id  TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    source        TEXT        NOT NULL,
    subject       TEXT,
    occurred_at   TIMESTAMPTZ NOT NULL,
    payload       TEXT        NOT NULL,
    sent_at       TIMESTAMPTZ,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    last_error    TEXT
);

-- The relay only ever looks for unsent rows, head of each aggregate first.
CREATE INDEX outbox_event_unsent ON outbox_event (aggregate_id, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_unsent_order ON outbox_event (id) WHERE sent_at IS NULL;

-- Wakes the relay as soon as a transaction that wrote events commits (NOTIFY is delivered on commit only).
CREATE FUNCTION utfall_outbox_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('utfall_outbox', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION utfall_outbox_notify();

CREATE TABLE inbox_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
