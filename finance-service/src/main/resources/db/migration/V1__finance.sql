-- finance-service's own tables. The outbox and inbox come from utfall-messaging, the audit trail from utfall-audit.

-- Challenges as their last public event described them (version-guarded upsert by the challenge feed).
CREATE TABLE known_challenge (
    id                 UUID PRIMARY KEY,
    version            BIGINT      NOT NULL,
    status             TEXT        NOT NULL,
    owner_org_id       UUID        NOT NULL,
    buyer_org_ids      TEXT        NOT NULL,           -- JSON array: owner and co-buyers
    title              TEXT        NOT NULL,
    municipality_code  TEXT,
    sectors            TEXT        NOT NULL,           -- JSON array
    sdg_targets        TEXT        NOT NULL,           -- JSON array
    outcome_goal_ids   TEXT        NOT NULL,           -- JSON array of the goals' ids
    last_event_id      TEXT        NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);

-- Responses the buyer shortlisted (rfi-service's internal decision events): what a case may open for.
CREATE TABLE shortlisted_response (
    id                     UUID PRIMARY KEY,
    rfi_id                 UUID        NOT NULL,
    challenge_id           UUID        NOT NULL,
    organisation_id        UUID        NOT NULL,
    organisation_name      TEXT,
    estimated_annual_cost  NUMERIC(15, 2),
    currency               CHAR(3),
    shortlisted            BOOLEAN     NOT NULL,
    decided_at             TIMESTAMPTZ NOT NULL,
    last_event_id          TEXT        NOT NULL
);

-- An investor organisation and its mandate: what it finances, where, with which instruments and tickets.
CREATE TABLE investor (
    id                  UUID PRIMARY KEY,
    org_id              UUID        NOT NULL UNIQUE,
    org_name            TEXT,
    name                TEXT        NOT NULL,
    sectors             TEXT        NOT NULL,
    sdg_targets         TEXT        NOT NULL,
    municipality_codes  TEXT        NOT NULL,
    national            BOOLEAN     NOT NULL,
    ticket_min          NUMERIC(15, 2) NOT NULL CHECK (ticket_min > 0),
    ticket_max          NUMERIC(15, 2) NOT NULL CHECK (ticket_max >= ticket_min),
    currency            CHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    instruments         TEXT        NOT NULL,
    return_min_percent  NUMERIC(7, 4),
    return_max_percent  NUMERIC(7, 4),
    max_loss_percent    NUMERIC(7, 4),
    version             BIGINT      NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);

-- Capital sought up front for a shortlisted response; paid back by verified outcomes (contracts come next).
CREATE TABLE investment_case (
    id                 UUID PRIMARY KEY,
    response_id        UUID        NOT NULL,
    rfi_id             UUID        NOT NULL,
    challenge_id       UUID        NOT NULL,
    buyer_org_id       UUID        NOT NULL,
    provider_org_id    UUID        NOT NULL,
    opened_by_org_id   UUID        NOT NULL,
    title              TEXT        NOT NULL,
    municipality_code  TEXT,
    sectors            TEXT        NOT NULL,
    sdg_targets        TEXT        NOT NULL,
    outcome_goal_ids   TEXT        NOT NULL,
    capital_required   NUMERIC(15, 2) NOT NULL CHECK (capital_required > 0),
    committed          NUMERIC(15, 2) NOT NULL CHECK (committed >= 0),
    currency           CHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    duration_months    INTEGER     NOT NULL CHECK (duration_months BETWEEN 1 AND 240),
    status             TEXT        NOT NULL,
    version            BIGINT      NOT NULL,
    opened_at          TIMESTAMPTZ NOT NULL,
    funded_at          TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL,
    -- The last guard: whatever a bug in the service did, no case is ever over-committed.
    CONSTRAINT investment_case_not_over_committed CHECK (committed <= capital_required)
);
-- One case per shortlisted response while it is not cancelled.
CREATE UNIQUE INDEX investment_case_one_per_response ON investment_case (response_id)
    WHERE status NOT IN ('CANCELLED', 'TERMINATED');
CREATE INDEX investment_case_status ON investment_case (status, opened_at);

CREATE TABLE commitment (
    id               UUID PRIMARY KEY,
    case_id          UUID        NOT NULL REFERENCES investment_case (id),
    investor_org_id  UUID        NOT NULL,
    amount           NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    currency         CHAR(3)     NOT NULL,
    tranche          TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    version          BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    withdrawn_at     TIMESTAMPTZ
);
-- One active commitment per investor and case: changing it is withdraw and commit again.
CREATE UNIQUE INDEX commitment_one_active ON commitment (case_id, investor_org_id) WHERE status = 'ACTIVE';
CREATE INDEX commitment_case ON commitment (case_id, created_at);
