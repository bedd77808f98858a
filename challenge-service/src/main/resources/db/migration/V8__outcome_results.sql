-- Outcomes an independent verifier validated under an outcome contract (finance-service's public
-- se.utfall.outcome.verified.v1): per outcome goal and period of a case, the units verified. Written once per
-- case, goal and period (the inbox keeps an event from being applied twice; the key keeps a replay harmless).
CREATE TABLE goal_result (
    case_id          UUID           NOT NULL,
    goal_id          UUID           NOT NULL,
    challenge_id     UUID           NOT NULL,
    period           TEXT           NOT NULL,
    units            NUMERIC(20, 4) NOT NULL,
    verified_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (case_id, goal_id, period)
);
CREATE INDEX goal_result_challenge ON goal_result (challenge_id, goal_id);
