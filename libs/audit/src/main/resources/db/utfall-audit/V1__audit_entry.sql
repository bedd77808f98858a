-- Shared by every service through utfall-audit. The library keeps its own Flyway history table
-- (utfall_audit_schema_history), so its versions never interleave with a service's own V1, V2, ...

-- Who did what to which subject, when. A subject is what a history is of ('challenge', 'rfi', 'response'); its
-- parent, when it has one, is the subject it belongs to (a response's RFI). No foreign keys: the library knows no
-- service's tables, and an entry outlives nothing it refers to (subjects are never deleted).
CREATE TABLE audit_entry (
    id            BIGSERIAL   PRIMARY KEY,
    subject_type  TEXT        NOT NULL,
    subject_id    UUID        NOT NULL,
    parent_id     UUID,
    at            TIMESTAMPTZ NOT NULL,
    -- The person's subject (sub), or a system actor ('scheduler', 'utfall').
    actor         TEXT        NOT NULL,
    actor_org_id  UUID,
    action        TEXT        NOT NULL,
    -- Shown to everyone who may read the subject (which fields changed and when, never their texts).
    public_entry  BOOLEAN     NOT NULL DEFAULT false,
    -- A JSON object as exact text (field -> {from, to}, or what the action concerns). TEXT, not JSONB: a JSONB
    -- value comes back through the reactive client as doubles (560000.00 would read 560000.0) and reordered.
    changes       TEXT        NOT NULL DEFAULT '{}',
    note          TEXT,
    -- Set when a text was erased from this entry on request (GDPR art. 17).
    redacted_at   TIMESTAMPTZ,
    CONSTRAINT audit_entry_subject_type CHECK (subject_type ~ '^[a-z][a-z0-9-]*$')
);

-- A history, oldest first, a page at a time; the count of an action since an instant (uploads per response).
CREATE INDEX audit_entry_history ON audit_entry (subject_type, subject_id, id);
-- Entries of a subject's children (a response's entries under its RFI), for erasure across both.
CREATE INDEX audit_entry_parent ON audit_entry (parent_id) WHERE parent_id IS NOT NULL;

-- Hand-over of a service's earlier audit trail (once, when the service adopts this library): the service's own
-- migration, which runs before this one, leaves its rows in audit_entry_import with the columns above.
DO $$
BEGIN
    IF to_regclass('audit_entry_import') IS NOT NULL THEN
        EXECUTE 'INSERT INTO audit_entry (id, subject_type, subject_id, parent_id, at, actor, actor_org_id, action,'
             || ' public_entry, changes, note, redacted_at)'
             || ' SELECT id, subject_type, subject_id, parent_id, at, actor, actor_org_id, action,'
             || ' coalesce(public_entry, false), coalesce(changes, ''{}''), note, redacted_at'
             || ' FROM audit_entry_import ORDER BY id';
        EXECUTE 'DROP TABLE audit_entry_import';
    END IF;
    -- New entries continue after the imported ones (sequence numbers never repeat).
    PERFORM setval(pg_get_serial_sequence('audit_entry', 'id'),
                   coalesce((SELECT max(id) FROM audit_entry), 0) + 1, false);
END
$$;
