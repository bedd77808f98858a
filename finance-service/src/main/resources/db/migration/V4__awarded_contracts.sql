-- Contracts awarded after a procurement's last phase (rfi-service's internal contract-signed events, kind AWARD):
-- an investment case for the awarded supplier's response is linked to its contract. Immutable once learnt.
CREATE TABLE awarded_contract (
    id              UUID PRIMARY KEY,
    procurement_id  UUID           NOT NULL,
    rfi_id          UUID           NOT NULL,
    response_id     UUID           NOT NULL,
    organisation_id UUID           NOT NULL,
    ocid            TEXT,
    value           NUMERIC(15, 2) NOT NULL,
    currency        TEXT           NOT NULL,
    starts_on       DATE           NOT NULL,
    ends_on         DATE           NOT NULL,
    signed_at       TIMESTAMPTZ    NOT NULL,
    last_event_id   TEXT           NOT NULL
);
CREATE INDEX awarded_contract_response ON awarded_contract (response_id, signed_at);
