-- Consortia form by consent: the lead (the responding organisation) invites an organisation to its response's
-- consortium; only an organisation that accepted counts as a member anywhere (views, events, matching).
CREATE TABLE consortium_membership (
    id              UUID PRIMARY KEY,
    response_id     UUID        NOT NULL REFERENCES rfi_response (id),
    rfi_id          UUID        NOT NULL REFERENCES rfi (id),
    lead_org_id     UUID        NOT NULL,
    organisation_id UUID        NOT NULL,
    name            TEXT        NOT NULL,
    role            TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    invited_at      TIMESTAMPTZ NOT NULL,
    invited_by      TEXT        NOT NULL,
    answered_at     TIMESTAMPTZ,
    answered_by     TEXT,
    ended_at        TIMESTAMPTZ,
    version         BIGINT      NOT NULL,
    CONSTRAINT consortium_membership_once UNIQUE (response_id, organisation_id)
);
CREATE INDEX consortium_membership_organisation ON consortium_membership (organisation_id, invited_at);
