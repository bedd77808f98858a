-- Need insights from interviews and home visits are about people: internal unless the buyer says otherwise.
ALTER TABLE need_insight ADD COLUMN visibility TEXT;
UPDATE need_insight SET visibility = CASE WHEN source IN ('INTERVIEW', 'HOME_VISIT') THEN 'INTERNAL' ELSE 'PUBLIC' END;
ALTER TABLE need_insight ALTER COLUMN visibility SET NOT NULL;
ALTER TABLE need_insight ADD CONSTRAINT need_insight_visibility CHECK (visibility IN ('PUBLIC', 'INTERNAL'));

-- Contributions are the participant's own: the organisation comes from the token.
UPDATE workshop_contribution SET organisation_id = '00000000-0000-0000-0000-000000000000' WHERE organisation_id IS NULL;
ALTER TABLE workshop_contribution ALTER COLUMN organisation_id SET NOT NULL;

-- Redaction of personal text from the stored history (GDPR art. 17): the entry says that it was redacted.
ALTER TABLE audit_entry ADD COLUMN redacted_at TIMESTAMPTZ;

CREATE INDEX challenge_published ON challenge (published_at DESC) WHERE published_at IS NOT NULL;
