-- The organisation's display name as the identity provider gives it (the token's org_name at the profile's last
-- change): one name for an organisation in every service. The profile's own name stays what it calls itself.
ALTER TABLE profile ADD COLUMN org_name TEXT;
