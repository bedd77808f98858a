-- The hand-over, as a service writes it: its rows in the library's columns; the library's V1 takes them.
CREATE TABLE audit_entry_import AS
SELECT id, 'thing'::text AS subject_type, thing_id AS subject_id, NULL::uuid AS parent_id, at, actor, actor_org_id,
       action, public_entry, changes, note, redacted_at
  FROM audit_entry;
DROP TABLE audit_entry;
