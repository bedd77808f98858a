-- The need index: what matching-service knows of public needs, built from the public challenge and RFI events
-- through the inbox, never by calling another service. A later version of an event always wins; an older or
-- repeated one changes nothing, so replaying the topics from the start gives the same rows. It lives in the
-- service's PostgreSQL, so every replica reads the same complete index whichever partitions it consumes.
CREATE TABLE need (
    id                UUID PRIMARY KEY,
    kind              TEXT        NOT NULL CHECK (kind IN ('CHALLENGE', 'RFI')),
    challenge_id      UUID        NOT NULL,
    version           BIGINT      NOT NULL,
    status            TEXT        NOT NULL,
    open              BOOLEAN     NOT NULL,
    owner_org_id      UUID        NOT NULL,
    owner_org_name    TEXT,
    title             TEXT        NOT NULL,
    problem_statement TEXT,
    target_group      TEXT,
    -- JSON arrays of strings.
    sectors           TEXT        NOT NULL,
    municipality_code TEXT,
    locality          TEXT,
    language          TEXT        NOT NULL,
    closes_at         TIMESTAMPTZ,
    last_event_id     TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX need_challenge ON need (challenge_id);
CREATE INDEX need_open ON need (open) WHERE open;

-- Who may see a challenge's recommendations besides its owner: co-buying organisations, from the challenge's
-- events; an RFI inherits its challenge's.
CREATE TABLE need_buyer (
    challenge_id UUID NOT NULL,
    org_id       UUID NOT NULL,
    PRIMARY KEY (challenge_id, org_id)
);

-- Innovator profiles, one per organisation. Lists are JSON arrays of strings. The contact person is personal
-- data: shown to signed-in buyers and coordinators, never on a topic or in a log.
CREATE SEQUENCE profile_generation;
CREATE TABLE profile (
    id                UUID PRIMARY KEY,
    org_id            UUID        NOT NULL UNIQUE,
    name              TEXT        NOT NULL,
    type              TEXT        NOT NULL,
    description       TEXT        NOT NULL,
    capabilities      TEXT        NOT NULL,
    sectors           TEXT        NOT NULL,
    regions_served    TEXT        NOT NULL,
    languages         TEXT        NOT NULL,
    contact_name      TEXT,
    contact_email     TEXT,
    -- Every write takes the next value: a replica whose in-memory ranking index is older rebuilds it.
    generation        BIGINT      NOT NULL,
    version           BIGINT      NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    created_by        TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- A buyer's judgement of one recommendation: useful or not, per organisation.
CREATE TABLE feedback (
    id          UUID PRIMARY KEY,
    -- No foreign key to need: the index may be wiped and rebuilt from the topics, feedback stays.
    need_id     UUID        NOT NULL,
    profile_id  UUID        NOT NULL REFERENCES profile (id),
    org_id      UUID        NOT NULL,
    useful      BOOLEAN     NOT NULL,
    comment     TEXT,
    score       DOUBLE PRECISION,
    rank        INTEGER,
    created_by  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL,
    UNIQUE (need_id, profile_id, org_id)
);

-- match.recommended is announced at most once per (need, profile): the insert that wins decides.
CREATE TABLE match_notice (
    need_id     UUID        NOT NULL,
    profile_id  UUID        NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (need_id, profile_id)
);

-- The generation moves on with every write to a profile, whoever writes it.
CREATE FUNCTION profile_next_generation() RETURNS trigger AS $$
BEGIN
    NEW.generation := nextval('profile_generation');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER profile_generation BEFORE INSERT OR UPDATE ON profile
    FOR EACH ROW EXECUTE FUNCTION profile_next_generation();
