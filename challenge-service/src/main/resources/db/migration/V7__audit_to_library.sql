-- The audit trail moves to utfall-audit: its table audit_entry (subject_type 'challenge') is migrated by the
-- library after this, with its own Flyway history (utfall_audit_schema_history). This migration hands the rows
-- over in the library's columns (ids kept, so sequence numbers do not change) through audit_entry_import, which the
-- library's V1 copies and drops. There is no production data; dev and demo databases keep their history.
CREATE TABLE audit_entry_import AS
SELECT id,
       'challenge'::text AS subject_type,
       challenge_id      AS subject_id,
       NULL::uuid        AS parent_id,
       at, actor, actor_org_id, action, public_entry, changes, note, redacted_at
  FROM audit_entry;
-- Drops its sequence, primary key and index audit_entry_challenge with it, so the library's names are free.
DROP TABLE audit_entry;
