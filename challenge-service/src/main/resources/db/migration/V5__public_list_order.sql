-- The public list's order (newest published first, id as tie-breaker) straight from an index, so a page costs
-- twenty index entries, not a sort of every published challenge.
CREATE INDEX challenge_published_order ON challenge (published_at DESC NULLS LAST, id) WHERE published_at IS NOT NULL;
