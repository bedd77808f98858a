-- Responses: one per organisation and RFI. Answers and consortium are JSON (their shape follows the RFI's
-- questions); the receipt is a SHA-256 over the canonical form of what was submitted.
CREATE TABLE rfi_response (
    id                    UUID PRIMARY KEY,
    rfi_id                UUID          NOT NULL REFERENCES rfi (id),
    organisation_id       UUID          NOT NULL,
    organisation_name     TEXT,
    status                TEXT          NOT NULL,
    summary               TEXT,
    answers               TEXT          NOT NULL,
    consortium            TEXT          NOT NULL,
    estimated_annual_cost NUMERIC(18, 2),
    currency              CHAR(3),
    version               BIGINT        NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL,
    created_by            TEXT          NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL,
    submitted_at          TIMESTAMPTZ,
    withdrawn_at          TIMESTAMPTZ,
    receipt_sha256        TEXT,
    CONSTRAINT rfi_response_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'WITHDRAWN')),
    CONSTRAINT rfi_response_one_per_organisation UNIQUE (rfi_id, organisation_id)
);
CREATE INDEX rfi_response_organisation ON rfi_response (organisation_id, updated_at DESC);

ALTER TABLE audit_entry ADD COLUMN response_id UUID;
CREATE INDEX audit_entry_response ON audit_entry (response_id, id) WHERE response_id IS NOT NULL;
