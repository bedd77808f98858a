CREATE TABLE challenge (
    id                   UUID PRIMARY KEY,
    owner_org_id         UUID          NOT NULL,
    co_buyer_org_ids     TEXT[]        NOT NULL DEFAULT '{}',
    observer_org_ids     TEXT[]        NOT NULL DEFAULT '{}',
    title                TEXT          NOT NULL,
    summary              TEXT,
    problem_statement    TEXT,
    target_group         TEXT,
    locality             TEXT,
    municipality_code    CHAR(4)       NOT NULL,
    sectors              TEXT[]        NOT NULL DEFAULT '{}',
    cpv_codes            TEXT[]        NOT NULL DEFAULT '{}',
    sdg_targets          TEXT[]        NOT NULL DEFAULT '{}',
    budget_amount        NUMERIC(18, 2),
    budget_currency      CHAR(3),
    baseline_description TEXT,
    baseline_unit_cost   NUMERIC(18, 2),
    baseline_currency    CHAR(3),
    baseline_unit        TEXT,
    baseline_period      TEXT,
    baseline_volume      NUMERIC(18, 2),
    status               TEXT          NOT NULL,
    version              BIGINT        NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL,
    created_by           TEXT          NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    published_at         TIMESTAMPTZ,
    closed_at            TIMESTAMPTZ,
    archived_at          TIMESTAMPTZ,
    -- Swedish and English stemming plus exact words, so "måltider", "meals" and "Ramsjö" all find Ramsjö.
    search               TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('swedish', coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('simple', coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('swedish', coalesce(problem_statement, '')), 'C') ||
        setweight(to_tsvector('english', coalesce(problem_statement, '')), 'C') ||
        setweight(to_tsvector('simple', coalesce(problem_statement, '')), 'C')
    ) STORED,
    CONSTRAINT challenge_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED', 'ARCHIVED'))
);

CREATE INDEX challenge_owner ON challenge (owner_org_id, updated_at DESC);
CREATE INDEX challenge_status_published ON challenge (status, published_at DESC);
CREATE INDEX challenge_municipality ON challenge (municipality_code, status);
CREATE INDEX challenge_sectors ON challenge USING GIN (sectors);
CREATE INDEX challenge_co_buyers ON challenge USING GIN (co_buyer_org_ids);
CREATE INDEX challenge_search ON challenge USING GIN (search);
CREATE INDEX challenge_title ON challenge (status, lower(title));

CREATE TABLE outcome_goal (
    id                 UUID PRIMARY KEY,
    challenge_id       UUID          NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    position           INTEGER       NOT NULL,
    indicator          TEXT          NOT NULL,
    definition         TEXT,
    unit               TEXT          NOT NULL,
    baseline_value     NUMERIC(18, 4),
    baseline_date      DATE,
    baseline_source    TEXT,
    target_value       NUMERIC(18, 4),
    target_date        DATE,
    measurement_method TEXT,
    data_source        TEXT,
    frequency          TEXT,
    verifier           TEXT
);
CREATE INDEX outcome_goal_challenge ON outcome_goal (challenge_id, position);

CREATE TABLE need_insight (
    id           UUID PRIMARY KEY,
    challenge_id UUID    NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    source       TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    observed_on  DATE
);
CREATE INDEX need_insight_challenge ON need_insight (challenge_id, position);

CREATE TABLE process_phase (
    challenge_id  UUID NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    phase         TEXT NOT NULL,
    position      INTEGER NOT NULL,
    planned_start DATE,
    planned_end   DATE,
    actual_start  DATE,
    actual_end    DATE,
    PRIMARY KEY (challenge_id, phase)
);

CREATE TABLE workshop (
    id               UUID PRIMARY KEY,
    challenge_id     UUID        NOT NULL REFERENCES challenge (id),
    title            TEXT        NOT NULL,
    description      TEXT,
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL,
    location         TEXT,
    online_url       TEXT,
    capacity         INTEGER     NOT NULL CHECK (capacity > 0),
    registered_count INTEGER     NOT NULL DEFAULT 0,
    version          BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT workshop_not_overbooked CHECK (registered_count <= capacity)
);
CREATE INDEX workshop_challenge ON workshop (challenge_id, starts_at);

CREATE TABLE workshop_registration (
    id              UUID PRIMARY KEY,
    workshop_id     UUID        NOT NULL REFERENCES workshop (id),
    organisation_id UUID        NOT NULL,
    organisation_name TEXT,
    participants    INTEGER     NOT NULL DEFAULT 1,
    registered_by   TEXT        NOT NULL,
    registered_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT one_registration_per_organisation UNIQUE (workshop_id, organisation_id)
);

CREATE TABLE workshop_contribution (
    id              UUID PRIMARY KEY,
    workshop_id     UUID        NOT NULL REFERENCES workshop (id),
    organisation_id UUID,
    author          TEXT        NOT NULL,
    text            TEXT        NOT NULL,
    recorded_by     TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX workshop_contribution_workshop ON workshop_contribution (workshop_id, recorded_at);

CREATE TABLE audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    challenge_id UUID        NOT NULL REFERENCES challenge (id),
    at           TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    actor_org_id UUID,
    action       TEXT        NOT NULL,
    public_entry BOOLEAN     NOT NULL,
    changes      TEXT        NOT NULL,
    note         TEXT
);
CREATE INDEX audit_entry_challenge ON audit_entry (challenge_id, id);
