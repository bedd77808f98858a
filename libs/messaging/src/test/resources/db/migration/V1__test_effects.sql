CREATE TABLE test_effect (
    id          BIGSERIAL PRIMARY KEY,
    event_id    TEXT NOT NULL,
    workshop_id TEXT NOT NULL
);
