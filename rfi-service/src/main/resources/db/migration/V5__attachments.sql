-- Attachments of responses: what they are (sniffed type, size, SHA-256) lives with the response, as JSON text,
-- so its views and receipt need no second read; the bytes live apart and are read only to be downloaded.
ALTER TABLE rfi_response ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';

CREATE TABLE attachment_content (
    id          UUID PRIMARY KEY,
    response_id UUID  NOT NULL REFERENCES rfi_response (id),
    content     BYTEA NOT NULL
);
CREATE INDEX attachment_content_response ON attachment_content (response_id);
