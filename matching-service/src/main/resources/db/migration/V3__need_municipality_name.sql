-- The municipality's name as the challenge's event gives it, so a locality reason names the municipality
-- ("Ljusdal"), never the village of the need ("Färila") as if it were one. Filled by the next event or a rebuild.
ALTER TABLE need ADD COLUMN municipality_name TEXT;
