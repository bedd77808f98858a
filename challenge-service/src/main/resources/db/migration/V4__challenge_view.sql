-- A read of one challenge is one primary-key lookup of JSON computed when the challenge changed: the view its
-- buying organisations see and the view everyone else sees, with who may read which. Written in the transaction
-- of every change; a challenge without a row here (written before this migration) is read the long way.
CREATE TABLE challenge_view (
    id          UUID PRIMARY KEY REFERENCES challenge (id),
    version     BIGINT  NOT NULL,
    is_public   BOOLEAN NOT NULL,
    readers     UUID[]  NOT NULL,
    buyers      UUID[]  NOT NULL,
    public_json TEXT    NOT NULL,
    full_json   TEXT    NOT NULL
);
