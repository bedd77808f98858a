-- What innovators did with the RFIs: that an organisation responded (alone or as a consortium member), withdrew,
-- and whether the buyer shortlisted the response. Learnt from the internal response events; never what anyone
-- wrote. An innovator is not recommended an RFI it has answered, and a buyer's decision is a judgement the
-- feedback export carries (shortlisted as grade 3, not shortlisted as grade 1).
CREATE TABLE response_signal (
    rfi_id        UUID        NOT NULL,
    org_id        UUID        NOT NULL,
    response_id   UUID        NOT NULL,
    -- RESPONDENT, or MEMBER of the respondent's consortium
    role          TEXT        NOT NULL,
    -- SUBMITTED, WITHDRAWN, SHORTLISTED or NOT_SHORTLISTED
    state         TEXT        NOT NULL,
    -- How far the response got: 1 submitted, 2 withdrawn or decided. A later event of lower stage changes nothing.
    stage         INT         NOT NULL,
    happened_at   TIMESTAMPTZ NOT NULL,
    last_event_id TEXT        NOT NULL,
    -- An organisation may answer alone and be in another response's consortium: one row for each.
    PRIMARY KEY (rfi_id, org_id, response_id)
);
CREATE INDEX response_signal_org ON response_signal (org_id);
