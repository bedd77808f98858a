-- The owning organisation's display name, from the token (org_name) of the write that created the challenge.
ALTER TABLE challenge ADD COLUMN owner_org_name TEXT;

-- A workshop can be cancelled (announced, registrations stop); it stays readable with the reason.
ALTER TABLE workshop ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE workshop ADD COLUMN cancellation_reason TEXT;
CREATE INDEX workshop_registration_organisation ON workshop_registration (organisation_id, workshop_id);

-- Search a person would expect: accents optional ("ramsjo" finds Ramsjö, "maltider" finds måltider). The stemmed
-- Swedish and English vectors stay as they were (their stop words need the accents); two accent-free ones join
-- them: Swedish stemming and exact words, both after unaccent. unaccent is a trusted extension (PostgreSQL 13+),
-- so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION utfall_swedish (COPY = swedish);
ALTER TEXT SEARCH CONFIGURATION utfall_swedish
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, swedish_stem;
CREATE TEXT SEARCH CONFIGURATION utfall_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION utfall_simple
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;

ALTER TABLE challenge DROP COLUMN search;
ALTER TABLE challenge ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('utfall_swedish', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('utfall_simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('swedish', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('utfall_swedish', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('utfall_simple', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('swedish', coalesce(problem_statement, '')), 'C') ||
    setweight(to_tsvector('english', coalesce(problem_statement, '')), 'C') ||
    setweight(to_tsvector('utfall_swedish', coalesce(problem_statement, '')), 'C') ||
    setweight(to_tsvector('utfall_simple', coalesce(problem_statement, '')), 'C')
) STORED;
CREATE INDEX challenge_search ON challenge USING GIN (search);
