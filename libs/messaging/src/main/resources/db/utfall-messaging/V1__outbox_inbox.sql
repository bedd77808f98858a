-- Shared by every service through utfall-messaging. The library keeps its own Flyway history table
-- (utfall_messaging_schema_history), so its versions never interleave with a service's own V1, V2, ...

CREATE TABLE outbox_event (
    id               BIGSERIAL PRIMARY KEY,
    event_id         UUID        NOT NULL UNIQUE,
    topic            TEXT        NOT NULL,
    aggregate_id     TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    source           TEXT        NOT NULL,
    subject          TEXT,
    occurred_at      TIMESTAMPTZ NOT NULL,
    payload          TEXT        NOT NULL,
    sent_at          TIMESTAMPTZ,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    last_error       TEXT,
    -- Set on a row that can never be sent as it is (too large, unknown topic, ...) and on every later row of its
    -- aggregate, which must wait: one aggregate's order is the contract. See docs/operations.md.
    parked_at        TIMESTAMPTZ,
    -- Per-aggregate back-off after a transient failure of that aggregate only.
    next_attempt_at  TIMESTAMPTZ
);

-- The relay takes the oldest ready rows; sent, parked and backing-off rows are not in this index, so its cost
-- does not grow with the history, nor with the backlog of an aggregate that waits.
CREATE INDEX outbox_event_ready ON outbox_event (id)
    WHERE sent_at IS NULL AND parked_at IS NULL AND next_attempt_at IS NULL;
-- Back-offs that expire are released (next_attempt_at cleared) through this one.
CREATE INDEX outbox_event_backoff ON outbox_event (next_attempt_at)
    WHERE sent_at IS NULL AND next_attempt_at IS NOT NULL;
-- An aggregate's unsent rows in order: the head check and the hold inheritance below.
CREATE INDEX outbox_event_unsent ON outbox_event (aggregate_id, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

-- Wakes the relay as soon as a transaction that wrote events commits (NOTIFY is delivered on commit only).
CREATE FUNCTION utfall_outbox_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('utfall_outbox', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION utfall_outbox_notify();

-- A new event of an aggregate that is parked or backing off waits with it, instead of being picked up and
-- discarded by every relay round.
CREATE FUNCTION utfall_outbox_inherit_hold() RETURNS trigger AS $$
DECLARE
    held RECORD;
BEGIN
    -- The aggregate's head (oldest unsent row) carries its state: one index probe, whatever its backlog.
    SELECT parked_at, next_attempt_at INTO held FROM outbox_event
     WHERE aggregate_id = NEW.aggregate_id AND sent_at IS NULL
     ORDER BY id LIMIT 1;
    IF FOUND AND (held.parked_at IS NOT NULL OR held.next_attempt_at IS NOT NULL) THEN
        NEW.parked_at := held.parked_at;
        NEW.next_attempt_at := held.next_attempt_at;
        IF held.parked_at IS NOT NULL THEN
            NEW.last_error := 'waiting behind a parked event of this aggregate';
        END IF;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_event_inherit_hold BEFORE INSERT ON outbox_event
    FOR EACH ROW EXECUTE FUNCTION utfall_outbox_inherit_hold();

-- Operator commands for parked events (docs/operations.md). Both return the number of rows they touched.
-- Retry: after the cause is fixed (topic created, broker limit raised), release the aggregate as it is.
CREATE FUNCTION utfall_outbox_retry(aggregate TEXT) RETURNS INTEGER AS $$
DECLARE
    n INTEGER;
BEGIN
    UPDATE outbox_event SET parked_at = NULL, next_attempt_at = NULL, attempts = 0
     WHERE aggregate_id = aggregate AND sent_at IS NULL AND parked_at IS NOT NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$ LANGUAGE plpgsql;

-- Skip: give up on one parked event (it is kept, marked as skipped, never sent) and release the rest of its
-- aggregate. Only the event that caused the parking (its aggregate's oldest unsent one) can be skipped.
CREATE FUNCTION utfall_outbox_skip(event UUID) RETURNS INTEGER AS $$
DECLARE
    aggregate TEXT;
    n INTEGER;
BEGIN
    UPDATE outbox_event o SET sent_at = now(), last_error = 'skipped by an operator: ' || coalesce(o.last_error, '')
     WHERE o.event_id = event AND o.sent_at IS NULL AND o.parked_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM outbox_event p
                        WHERE p.aggregate_id = o.aggregate_id AND p.sent_at IS NULL AND p.id < o.id)
    RETURNING o.aggregate_id INTO aggregate;
    IF aggregate IS NULL THEN
        RAISE EXCEPTION 'event % is not the parked head of its aggregate (see docs/operations.md)', event;
    END IF;
    UPDATE outbox_event SET parked_at = NULL, next_attempt_at = NULL, last_error = NULL
     WHERE aggregate_id = aggregate AND sent_at IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n + 1;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE inbox_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX inbox_event_received_at ON inbox_event (received_at);
