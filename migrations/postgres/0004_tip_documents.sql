-- Documents in a tip case (letters, answers from public bodies, screenshots): the content with
-- its checked kind, size and SHA-256, who uploaded it and when. Append-only like the case
-- history, where an `add_document` event names each one; every download is in tip_access_log.
-- Notes are `add_note` events in tip_events and need no table.

CREATE TABLE tip_documents (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tip_id      BIGINT NOT NULL REFERENCES tips (id),
    uploaded_at TIMESTAMPTZ NOT NULL,
    uploaded_by TEXT NOT NULL,
    filename    TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        BIGINT NOT NULL CHECK (size > 0),
    sha256      TEXT NOT NULL,
    content     BYTEA NOT NULL
);
CREATE INDEX tip_documents_tip ON tip_documents (tip_id, id);
