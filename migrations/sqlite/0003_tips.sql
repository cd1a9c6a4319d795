-- Tips (varsler) about breaches of the Interpreting Act: the intake, an append-only history of
-- case events, the advisory committee (terms, seats, meetings, agendas, conflicts) and a log of
-- every read of a case. The reporter's contact data is stored sealed (AEAD), never in plain text.

CREATE TABLE tips (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    received_on         DATE NOT NULL,
    received_at         TEXT NOT NULL,
    received_by         TEXT NOT NULL,
    channel             TEXT NOT NULL CHECK (channel IN ('web_form', 'email', 'post')),
    interpreter_number  BIGINT REFERENCES interpreters (interpreter_number),
    subject_description TEXT,
    assignment_on       DATE,
    assignment_place    TEXT NOT NULL,
    grounds             TEXT NOT NULL,
    account             TEXT NOT NULL,
    reporter_role       TEXT,
    anonymous           BOOLEAN NOT NULL,
    reporter_contact    BLOB,  -- nonce || ChaCha20-Poly1305 ciphertext of the contact JSON
    status              TEXT NOT NULL,  -- cache of the fold of tip_events, for lists
    version             BIGINT NOT NULL,
    CHECK ((interpreter_number IS NULL) <> (subject_description IS NULL)),
    CHECK (anonymous = (reporter_contact IS NULL))
);
CREATE INDEX tips_interpreter ON tips (interpreter_number, id);
CREATE INDEX tips_status ON tips (status, id);

CREATE TABLE tip_events (
    tip_id      BIGINT NOT NULL REFERENCES tips (id),
    seq         BIGINT NOT NULL,
    recorded_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    approved_by TEXT,
    reason      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL,  -- JSON of the event
    status      TEXT NOT NULL,  -- the case status after the event
    PRIMARY KEY (tip_id, seq)
);

CREATE TABLE committee_terms (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    starts_on DATE NOT NULL,
    ends_on   DATE NOT NULL,
    CHECK (starts_on <= ends_on)
);

CREATE TABLE committee_seats (
    term_id      BIGINT NOT NULL REFERENCES committee_terms (id),
    seat         TEXT NOT NULL CHECK (seat IN ('degree_interpreter', 'educator', 'user_representative', 'public_booker')),
    member_login TEXT NOT NULL,
    member_name  TEXT NOT NULL,
    deputy_login TEXT NOT NULL,
    deputy_name  TEXT NOT NULL,
    PRIMARY KEY (term_id, seat)
);

CREATE TABLE committee_meetings (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    term_id BIGINT NOT NULL REFERENCES committee_terms (id),
    held_on DATE NOT NULL
);

CREATE TABLE committee_participants (
    meeting_id BIGINT NOT NULL REFERENCES committee_meetings (id),
    login      TEXT NOT NULL,
    PRIMARY KEY (meeting_id, login)
);

CREATE TABLE committee_agenda (
    meeting_id BIGINT NOT NULL REFERENCES committee_meetings (id),
    tip_id     BIGINT NOT NULL REFERENCES tips (id),
    PRIMARY KEY (meeting_id, tip_id)
);
CREATE INDEX committee_agenda_tip ON committee_agenda (tip_id);

CREATE TABLE committee_conflicts (
    tip_id      BIGINT NOT NULL REFERENCES tips (id),
    login       TEXT NOT NULL,
    declared_at TEXT NOT NULL,
    note        TEXT NOT NULL,
    PRIMARY KEY (tip_id, login)
);

CREATE TABLE tip_access_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    tip_id      BIGINT NOT NULL REFERENCES tips (id),
    viewer      TEXT NOT NULL,
    viewer_kind TEXT NOT NULL,
    viewed_at   TEXT NOT NULL,
    shown       TEXT NOT NULL
);
CREATE INDEX tip_access_log_tip ON tip_access_log (tip_id, id);
