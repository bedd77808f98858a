-- The audit trail moves to utfall-audit: its table audit_entry is migrated by the library after this, with its own
-- Flyway history (utfall_audit_schema_history). An RFI's entries become subject 'rfi'; a response's entries become
-- subject 'response' with the RFI as parent. Ids are kept (sequence numbers do not change). The rows go through
-- audit_entry_import, which the library's V1 copies and drops. There is no production data.
CREATE TABLE audit_entry_import AS
SELECT id,
       CASE WHEN response_id IS NULL THEN 'rfi' ELSE 'response' END AS subject_type,
       coalesce(response_id, rfi_id)                                 AS subject_id,
       CASE WHEN response_id IS NULL THEN NULL ELSE rfi_id END       AS parent_id,
       at, actor, actor_org_id, action,
       false            AS public_entry,
       changes, note,
       NULL::timestamptz AS redacted_at
  FROM audit_entry;
-- Drops its sequence, primary key and indexes audit_entry_rfi, audit_entry_response with it.
DROP TABLE audit_entry;
