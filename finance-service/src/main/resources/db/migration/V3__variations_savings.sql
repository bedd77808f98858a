-- Contract variations and early termination, payment points with a base payment, the savings ledger, and what
-- finance learns of a challenge's outcome goals (indicator, unit, baseline, target) for the case summary.
ALTER TABLE known_challenge ADD COLUMN outcome_goals TEXT;     -- JSON: [{id, indicator, unit, baselineValue, targetValue}]

ALTER TABLE outcome_contract ADD COLUMN status TEXT NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE outcome_contract ADD COLUMN disclosure TEXT;      -- JSON: field -> PUBLIC | PRIVATE | DISPUTED
ALTER TABLE outcome_contract ADD COLUMN termination TEXT;     -- JSON: trigger, reason, effective date, compensation
ALTER TABLE outcome_contract ADD COLUMN terms_number INT NOT NULL DEFAULT 1;

-- Every version of a contract's terms: the first is the signed one; each variation says what, why, who and when.
CREATE TABLE contract_version (
    id               UUID PRIMARY KEY,
    contract_id      UUID        NOT NULL REFERENCES outcome_contract (id),
    number           INT         NOT NULL CHECK (number >= 1),
    terms            TEXT        NOT NULL,
    effective_from   DATE        NOT NULL,
    reason           TEXT,
    approved_by_org  UUID        NOT NULL,
    approved_by      TEXT        NOT NULL,
    approved_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (contract_id, number)
);
INSERT INTO contract_version (id, contract_id, number, terms, effective_from, reason, approved_by_org, approved_by,
        approved_at)
    SELECT k.id, k.id, 1, k.terms, (k.signed_at AT TIME ZONE 'Europe/Stockholm')::date, NULL, c.buyer_org_id, k.signed_by,
        k.signed_at
    FROM outcome_contract k JOIN investment_case c ON c.id = k.case_id;

ALTER TABLE outcome_claim ADD COLUMN delivered_as_planned BOOLEAN NOT NULL DEFAULT FALSE;

-- A payment is for a validated claim (OUTCOME) or the compensation of an early termination (TERMINATION).
ALTER TABLE payment ALTER COLUMN claim_id DROP NOT NULL;
ALTER TABLE payment ADD COLUMN kind TEXT NOT NULL DEFAULT 'OUTCOME';
ALTER TABLE payment ADD COLUMN period TEXT;
UPDATE payment p SET period = c.period FROM outcome_claim c WHERE c.id = p.claim_id;
ALTER TABLE payment ADD COLUMN terms_number INT NOT NULL DEFAULT 1;
ALTER TABLE payment ADD CONSTRAINT payment_kind CHECK ((kind = 'OUTCOME') = (claim_id IS NOT NULL));
CREATE UNIQUE INDEX payment_one_termination ON payment (case_id) WHERE kind = 'TERMINATION';

-- The savings ledger: per outcome goal and period, the cost without and with the new solution, how the
-- counterfactual was set and where the savings land.
CREATE TABLE savings_entry (
    id                   UUID PRIMARY KEY,
    case_id              UUID           NOT NULL REFERENCES investment_case (id),
    goal_id              UUID           NOT NULL,
    period               TEXT           NOT NULL,
    baseline_cost        NUMERIC(15, 2) NOT NULL CHECK (baseline_cost >= 0),
    actual_cost          NUMERIC(15, 2) NOT NULL CHECK (actual_cost >= 0),
    currency             CHAR(3)        NOT NULL,
    method               TEXT           NOT NULL,
    source               TEXT           NOT NULL,
    deadweight_percent   NUMERIC(5, 2)  NOT NULL CHECK (deadweight_percent BETWEEN 0 AND 100),
    attribution_percent  NUMERIC(5, 2)  NOT NULL CHECK (attribution_percent BETWEEN 0 AND 100),
    cashable_percent     NUMERIC(5, 2)  NOT NULL CHECK (cashable_percent BETWEEN 0 AND 100),
    budget_holder        TEXT           NOT NULL,
    recorded_by_org      UUID           NOT NULL,
    recorded_at          TIMESTAMPTZ    NOT NULL,
    UNIQUE (case_id, goal_id, period)
);
