-- Outcome contracts (the rate card in force, signed by the payer), outcome claims and the payments they caused.
CREATE TABLE outcome_contract (
    id               UUID PRIMARY KEY,
    case_id          UUID        NOT NULL UNIQUE REFERENCES investment_case (id),
    terms            TEXT        NOT NULL,           -- JSON: metrics with prices and caps, overall cap, payers
    verifier_org_id  UUID        NOT NULL,
    signed_by        TEXT        NOT NULL,
    signed_at        TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL
);

CREATE TABLE outcome_claim (
    id                UUID PRIMARY KEY,
    case_id           UUID        NOT NULL REFERENCES investment_case (id),
    period            TEXT        NOT NULL,
    units             TEXT        NOT NULL,           -- JSON: goal id -> verified units claimed
    evidence          TEXT,
    status            TEXT        NOT NULL,
    reason            TEXT,
    submitted_by_org  UUID        NOT NULL,
    submitted_at      TIMESTAMPTZ NOT NULL,
    decided_at        TIMESTAMPTZ,
    version           BIGINT      NOT NULL
);
-- One live claim per period: a disputed one may be claimed again.
CREATE UNIQUE INDEX outcome_claim_one_per_period ON outcome_claim (case_id, period) WHERE status <> 'DISPUTED';

CREATE TABLE payment (
    id            UUID PRIMARY KEY,
    case_id       UUID        NOT NULL REFERENCES investment_case (id),
    claim_id      UUID        NOT NULL UNIQUE REFERENCES outcome_claim (id),
    total         NUMERIC(15, 2) NOT NULL CHECK (total >= 0),
    currency      CHAR(3)     NOT NULL,
    per_metric    TEXT        NOT NULL,
    per_payer     TEXT        NOT NULL,
    distribution  TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX payment_case ON payment (case_id, created_at);
