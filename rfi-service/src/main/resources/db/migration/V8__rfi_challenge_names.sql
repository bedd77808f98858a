-- What a frontend shows beside an RFI without a second call: its challenge's title and its municipality's name,
-- kept from the challenge's events (ChallengeFeed) as they change.
ALTER TABLE rfi ADD COLUMN challenge_title TEXT;
ALTER TABLE rfi ADD COLUMN municipality_name TEXT;
UPDATE rfi SET challenge_title = k.title, municipality_name = k.municipality_name
FROM known_challenge k WHERE k.id = rfi.challenge_id;
