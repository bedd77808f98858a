-- A service before utfall-audit: its own audit table, with rows (the shape challenge-service had).
CREATE TABLE thing (id UUID PRIMARY KEY);
CREATE TABLE audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    thing_id     UUID        NOT NULL REFERENCES thing (id),
    at           TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    actor_org_id UUID,
    action       TEXT        NOT NULL,
    public_entry BOOLEAN     NOT NULL,
    changes      TEXT        NOT NULL,
    note         TEXT,
    redacted_at  TIMESTAMPTZ
);
CREATE INDEX audit_entry_thing ON audit_entry (thing_id, id);
INSERT INTO thing VALUES ('00000000-0000-0000-0000-0000000000a1');
INSERT INTO audit_entry (thing_id, at, actor, action, public_entry, changes)
VALUES ('00000000-0000-0000-0000-0000000000a1', now(), 'u1', 'CREATED', false,
        '{"budget":{"from":null,"to":{"amount":560000.00,"currency":"SEK"}}}'),
       ('00000000-0000-0000-0000-0000000000a1', now(), 'u1', 'PUBLISHED', true, '{"status":{"to":"PUBLISHED"}}');
-- A gap, as a rolled-back insert leaves one: ids are kept as they are.
SELECT setval('audit_entry_id_seq', 10);
INSERT INTO audit_entry (thing_id, at, actor, action, public_entry, changes, note)
VALUES ('00000000-0000-0000-0000-0000000000a1', now(), 'u2', 'AMENDED', true, '{}', 'Förtydligande');
