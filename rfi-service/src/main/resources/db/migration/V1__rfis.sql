-- What rfi-service knows of challenges: built from the public challenge events through the inbox, never by
-- calling challenge-service. A later version of an event always wins; an older or repeated one changes nothing,
-- so replaying the topic from the start gives the same rows.
CREATE TABLE known_challenge (
    id                UUID PRIMARY KEY,
    version           BIGINT      NOT NULL,
    status            TEXT        NOT NULL,
    owner_org_id      UUID        NOT NULL,
    owner_org_name    TEXT,
    co_buyer_org_ids  UUID[]      NOT NULL DEFAULT '{}',
    title             TEXT        NOT NULL,
    municipality_code TEXT,
    municipality_name TEXT,
    -- The challenge's public state as the last event gave it (cost baseline, public insights, goals: for the
    -- comparison of estimated costs and for the OCDS planning section).
    public_data       JSONB       NOT NULL,
    last_event_id     TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE rfi (
    id                  UUID PRIMARY KEY,
    challenge_id        UUID        NOT NULL REFERENCES known_challenge (id),
    owner_org_id        UUID        NOT NULL,
    owner_org_name      TEXT,
    municipality_code   TEXT,
    title               TEXT        NOT NULL,
    description         TEXT,
    questions           TEXT        NOT NULL,
    criteria            TEXT        NOT NULL,
    opens_at            TIMESTAMPTZ NOT NULL,
    closes_at           TIMESTAMPTZ NOT NULL,
    status              TEXT        NOT NULL,
    cancellation_reason TEXT,
    amendments          INTEGER     NOT NULL DEFAULT 0,
    version             BIGINT      NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          TEXT        NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    published_at        TIMESTAMPTZ,
    opened_at           TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    cancelled_at        TIMESTAMPTZ,
    search              TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('swedish', coalesce(description, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'B') ||
        setweight(to_tsvector('simple', coalesce(description, '')), 'B')
    ) STORED,
    CONSTRAINT rfi_status CHECK (status IN ('DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED', 'EVALUATED', 'CANCELLED')),
    CONSTRAINT rfi_window CHECK (opens_at < closes_at)
);

CREATE INDEX rfi_owner ON rfi (owner_org_id, updated_at DESC);
CREATE INDEX rfi_challenge ON rfi (challenge_id);
CREATE INDEX rfi_municipality ON rfi (municipality_code, status);
CREATE INDEX rfi_public ON rfi (status, published_at DESC) WHERE published_at IS NOT NULL;
CREATE INDEX rfi_search ON rfi USING GIN (search);
-- What the scheduler looks for every second: windows due to open or close.
CREATE INDEX rfi_due_to_open ON rfi (opens_at) WHERE status = 'SCHEDULED';
CREATE INDEX rfi_due_to_close ON rfi (closes_at) WHERE status = 'OPEN';

-- The public history of a published RFI's amendments (equal treatment: every respondent sees what changed).
CREATE TABLE rfi_amendment (
    rfi_id  UUID        NOT NULL REFERENCES rfi (id),
    number  INTEGER     NOT NULL,
    at      TIMESTAMPTZ NOT NULL,
    fields  TEXT[]      NOT NULL,
    note    TEXT,
    changes JSONB       NOT NULL,
    PRIMARY KEY (rfi_id, number)
);

CREATE TABLE audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    rfi_id       UUID        NOT NULL REFERENCES rfi (id),
    at           TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    actor_org_id UUID,
    action       TEXT        NOT NULL,
    changes      TEXT        NOT NULL,
    note         TEXT
);
CREATE INDEX audit_entry_rfi ON audit_entry (rfi_id, id);
