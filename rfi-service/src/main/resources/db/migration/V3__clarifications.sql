-- Clarification questions: asked privately by a (potential) respondent, answered by the buyer and then published
-- to everyone without saying who asked (equal treatment).
CREATE TABLE clarification (
    id              UUID PRIMARY KEY,
    rfi_id          UUID        NOT NULL REFERENCES rfi (id),
    number          INTEGER,
    asked_by_org_id UUID        NOT NULL,
    asked_by        TEXT        NOT NULL,
    question        TEXT        NOT NULL,
    asked_at        TIMESTAMPTZ NOT NULL,
    published_question TEXT,
    answer          TEXT,
    answered_at     TIMESTAMPTZ,
    answered_by     TEXT,
    version         BIGINT      NOT NULL,
    CONSTRAINT clarification_number UNIQUE (rfi_id, number)
);
CREATE INDEX clarification_rfi ON clarification (rfi_id, asked_at);
