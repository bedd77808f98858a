-- A procurement that follows an evaluated RFI (pre-commercial procurement / innovationspartnerskap): phases that
-- down-select, each with its budget, maximum number of suppliers, window, own criteria and deliverables; the
-- shortlisted respondents are invited to phase 1; a gate after each phase keeps at most the next phase's maximum;
-- phase contracts within the phase budget; an award (with its contract) after the last phase.
CREATE TABLE procurement (
    id              UUID PRIMARY KEY,
    rfi_id          UUID        NOT NULL REFERENCES rfi (id),
    owner_org_id    UUID        NOT NULL,
    owner_org_name  TEXT,
    -- The challenge's co-buyers when the procurement was created: they evaluate at the gates.
    co_buyer_org_ids UUID[]     NOT NULL,
    title           TEXT        NOT NULL,
    description     TEXT,
    status          TEXT        NOT NULL,
    current_phase   INTEGER     NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    awarded_at      TIMESTAMPTZ,
    award_reasons   TEXT,
    CONSTRAINT procurement_once_per_rfi UNIQUE (rfi_id),
    CONSTRAINT procurement_status CHECK (status IN ('RUNNING', 'AWARDED'))
);

CREATE TABLE procurement_phase (
    id              UUID PRIMARY KEY,
    procurement_id  UUID          NOT NULL REFERENCES procurement (id),
    number          INTEGER       NOT NULL,
    name            TEXT          NOT NULL,
    description     TEXT,
    budget          NUMERIC(15, 2) NOT NULL,
    currency        TEXT          NOT NULL,
    max_suppliers   INTEGER       NOT NULL,
    opens_at        TIMESTAMPTZ   NOT NULL,
    closes_at       TIMESTAMPTZ   NOT NULL,
    criteria        TEXT          NOT NULL,
    deliverables    TEXT          NOT NULL,
    decided_at      TIMESTAMPTZ,
    decided_by      TEXT,
    decision_reasons TEXT,
    CONSTRAINT procurement_phase_number UNIQUE (procurement_id, number),
    CONSTRAINT procurement_phase_money CHECK (budget > 0 AND currency ~ '^[A-Z]{3}$'),
    CONSTRAINT procurement_phase_max CHECK (max_suppliers >= 1),
    CONSTRAINT procurement_phase_window CHECK (opens_at < closes_at)
);

-- A supplier in a phase: a shortlisted response (its lead organisation, with its accepted consortium members),
-- invited, then accepting or declining; its deliverable; the gate's decision with feedback.
CREATE TABLE phase_participation (
    id               UUID PRIMARY KEY,
    procurement_id   UUID        NOT NULL REFERENCES procurement (id),
    phase_id         UUID        NOT NULL REFERENCES procurement_phase (id),
    phase_number     INTEGER     NOT NULL,
    response_id      UUID        NOT NULL REFERENCES rfi_response (id),
    organisation_id  UUID        NOT NULL,
    organisation_name TEXT,
    member_org_ids   UUID[]      NOT NULL,
    consortium       TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    invited_at       TIMESTAMPTZ NOT NULL,
    answered_at      TIMESTAMPTZ,
    answered_by      TEXT,
    deliverable      TEXT,
    delivered_at     TIMESTAMPTZ,
    delivered_by     TEXT,
    outcome          TEXT,
    feedback         TEXT,
    version          BIGINT      NOT NULL,
    CONSTRAINT phase_participation_once UNIQUE (phase_id, response_id),
    CONSTRAINT phase_participation_status CHECK (status IN ('INVITED', 'ACCEPTED', 'DECLINED')),
    CONSTRAINT phase_participation_outcome CHECK (outcome IS NULL OR outcome IN ('CONTINUED', 'NOT_CONTINUED',
        'AWARDED', 'NOT_AWARDED'))
);
CREATE INDEX phase_participation_procurement ON phase_participation (procurement_id, phase_number);
CREATE INDEX phase_participation_members ON phase_participation USING GIN (member_org_ids);

CREATE TABLE phase_score (
    id               UUID PRIMARY KEY,
    phase_id         UUID        NOT NULL REFERENCES procurement_phase (id),
    participation_id UUID        NOT NULL REFERENCES phase_participation (id),
    evaluator        TEXT        NOT NULL,
    evaluator_name   TEXT,
    evaluator_org_id UUID        NOT NULL,
    criterion_id     UUID        NOT NULL,
    score            SMALLINT    NOT NULL,
    comment          TEXT,
    scored_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT phase_score_scale CHECK (score BETWEEN 0 AND 5),
    CONSTRAINT phase_score_once UNIQUE (participation_id, evaluator, criterion_id)
);
CREATE INDEX phase_score_phase ON phase_score (phase_id);

-- Contracts: one per supplier in a phase (PHASE), and the award's contract after the last phase (AWARD).
CREATE TABLE procurement_contract (
    id               UUID PRIMARY KEY,
    procurement_id   UUID          NOT NULL REFERENCES procurement (id),
    phase_id         UUID          REFERENCES procurement_phase (id),
    kind             TEXT          NOT NULL,
    participation_id UUID          NOT NULL REFERENCES phase_participation (id),
    response_id      UUID          NOT NULL,
    organisation_id  UUID          NOT NULL,
    organisation_name TEXT,
    value            NUMERIC(15, 2) NOT NULL,
    currency         TEXT          NOT NULL,
    starts_on        DATE          NOT NULL,
    ends_on          DATE          NOT NULL,
    signed_at        TIMESTAMPTZ   NOT NULL,
    signed_by        TEXT          NOT NULL,
    CONSTRAINT procurement_contract_kind CHECK (kind IN ('PHASE', 'AWARD')),
    CONSTRAINT procurement_contract_once UNIQUE (participation_id, kind),
    CONSTRAINT procurement_contract_money CHECK (value > 0 AND currency ~ '^[A-Z]{3}$'),
    CONSTRAINT procurement_contract_period CHECK (starts_on <= ends_on)
);
CREATE INDEX procurement_contract_procurement ON procurement_contract (procurement_id);

-- Every OCDS release as it was published: the package carries them all, in order.
CREATE TABLE ocds_release (
    id         UUID PRIMARY KEY,
    ocid       TEXT        NOT NULL,
    number     INTEGER     NOT NULL,
    rfi_id     UUID        NOT NULL REFERENCES rfi (id),
    release    TEXT        NOT NULL,
    released_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT ocds_release_number UNIQUE (ocid, number)
);
CREATE INDEX ocds_release_rfi ON ocds_release (rfi_id, released_at, number);
