-- Evaluation after the close: each evaluator of the buying organisation scores each submitted response per
-- criterion (0-5, with a comment); the buyer decides per response with written feedback, and completing the
-- evaluation makes the decisions final and readable by the respondents (all at once: equal treatment).
CREATE TABLE evaluation_score (
    id           UUID PRIMARY KEY,
    rfi_id       UUID        NOT NULL REFERENCES rfi (id),
    response_id  UUID        NOT NULL REFERENCES rfi_response (id),
    evaluator    TEXT        NOT NULL,
    criterion_id UUID        NOT NULL,
    score        SMALLINT    NOT NULL,
    comment      TEXT,
    scored_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT evaluation_score_scale CHECK (score BETWEEN 0 AND 5),
    CONSTRAINT evaluation_score_once UNIQUE (response_id, evaluator, criterion_id)
);
CREATE INDEX evaluation_score_rfi ON evaluation_score (rfi_id);

ALTER TABLE rfi_response
    ADD COLUMN decision   TEXT,
    ADD COLUMN feedback   TEXT,
    ADD COLUMN decided_at TIMESTAMPTZ,
    ADD COLUMN decided_by TEXT,
    ADD COLUMN decision_released_at TIMESTAMPTZ,
    ADD CONSTRAINT rfi_response_decision CHECK (decision IS NULL OR decision IN ('SHORTLISTED', 'NOT_SHORTLISTED'));

ALTER TABLE rfi ADD COLUMN evaluated_at TIMESTAMPTZ;
