-- Register core: reference data, change feed, audit log, and versioned register records.
-- Every versioned row is valid over [valid_from, valid_to); valid_to IS NULL means current.
-- Timestamps are fixed-width UTC RFC 3339 text so that text order is time order.

CREATE TABLE languages (
    code      TEXT PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('spoken', 'sign', 'speech_to_text', 'deafblind')),
    name_nb   TEXT NOT NULL,
    name_nn   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    endonym   TEXT NOT NULL,
    aliases   TEXT NOT NULL,  -- JSON array of strings
    members   TEXT NOT NULL   -- JSON array of {names, endonym}
);

CREATE TABLE counties (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    sami_name TEXT
);

-- One row: the last sequence number handed out. Writers bump it first, which takes the write
-- lock at the start of the transaction and makes commit order equal sequence order.
CREATE TABLE feed_position (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT NOT NULL
);
INSERT INTO feed_position (id, last_seq) VALUES (1, 0);

-- What followers (search indexes, replicas) tail. Holds no personal data.
CREATE TABLE change_feed (
    seq                BIGINT PRIMARY KEY,
    interpreter_number BIGINT NOT NULL,
    effective_at       TEXT NOT NULL,
    recorded_at        TEXT NOT NULL
);

CREATE TABLE audit_log (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    change_seq         BIGINT,
    recorded_at        TEXT NOT NULL,
    effective_at       TEXT NOT NULL,
    actor              TEXT NOT NULL,
    action             TEXT NOT NULL,
    interpreter_number BIGINT,
    reason             TEXT NOT NULL,
    detail             TEXT NOT NULL  -- JSON summary, no identity numbers or contact data
);
CREATE INDEX audit_log_interpreter ON audit_log (interpreter_number, id);

CREATE TABLE interpreters (
    interpreter_number BIGINT PRIMARY KEY,
    registered_at      TEXT NOT NULL
);

CREATE TABLE interpreter_versions (
    interpreter_number BIGINT NOT NULL REFERENCES interpreters (interpreter_number),
    change_seq         BIGINT NOT NULL,
    valid_from         TEXT NOT NULL,
    valid_to           TEXT,
    national_id        TEXT NOT NULL,
    given_name         TEXT NOT NULL,
    family_name        TEXT NOT NULL,
    preferred_name     TEXT,
    gender             TEXT NOT NULL,
    county             TEXT NOT NULL REFERENCES counties (code),
    phone              TEXT NOT NULL,
    email              TEXT NOT NULL,
    street             TEXT,
    postal_code        TEXT,
    city               TEXT,
    address_public     BOOLEAN NOT NULL,
    availability       TEXT NOT NULL,
    on_site            BOOLEAN NOT NULL,
    telephone          BOOLEAN NOT NULL,
    video              BOOLEAN NOT NULL,
    PRIMARY KEY (interpreter_number, change_seq)
);
CREATE UNIQUE INDEX interpreter_versions_current ON interpreter_versions (interpreter_number) WHERE valid_to IS NULL;
CREATE INDEX interpreter_versions_valid_from ON interpreter_versions (valid_from);

CREATE TABLE qualifications (
    interpreter_number BIGINT NOT NULL REFERENCES interpreters (interpreter_number),
    qualification_no   INTEGER NOT NULL,
    change_seq         BIGINT NOT NULL,
    valid_from         TEXT NOT NULL,
    valid_to           TEXT,
    kind               TEXT NOT NULL,
    language           TEXT REFERENCES languages (code),
    completed_on       DATE NOT NULL,
    institution        TEXT NOT NULL,
    foreign_approval   TEXT,
    evidence_ref       TEXT NOT NULL,
    PRIMARY KEY (interpreter_number, qualification_no)
);
CREATE INDEX qualifications_valid_from ON qualifications (valid_from);

CREATE TABLE licence_versions (
    interpreter_number BIGINT NOT NULL REFERENCES interpreters (interpreter_number),
    licence_no         INTEGER NOT NULL,
    change_seq         BIGINT NOT NULL,
    valid_from         TEXT NOT NULL,
    valid_to           TEXT,
    language           TEXT NOT NULL REFERENCES languages (code),
    granted_on         DATE NOT NULL,
    decision_ref       TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('active', 'temporarily_revoked', 'revoked')),
    PRIMARY KEY (interpreter_number, licence_no, change_seq)
);
CREATE UNIQUE INDEX licence_versions_current ON licence_versions (interpreter_number, licence_no) WHERE valid_to IS NULL;
CREATE INDEX licence_versions_valid_from ON licence_versions (valid_from);

CREATE TABLE authorisation_tests (
    interpreter_number BIGINT NOT NULL REFERENCES interpreters (interpreter_number),
    test_no            INTEGER NOT NULL,
    change_seq         BIGINT NOT NULL,
    valid_from         TEXT NOT NULL,
    language           TEXT NOT NULL REFERENCES languages (code),
    part               TEXT NOT NULL CHECK (part IN ('written', 'oral')),
    taken_on           DATE NOT NULL,
    passed             BOOLEAN NOT NULL,
    PRIMARY KEY (interpreter_number, test_no)
);

CREATE TABLE entry_versions (
    interpreter_number BIGINT NOT NULL REFERENCES interpreters (interpreter_number),
    language           TEXT NOT NULL REFERENCES languages (code),
    change_seq         BIGINT NOT NULL,
    valid_from         TEXT NOT NULL,
    valid_to           TEXT,
    kind               TEXT NOT NULL,
    category           TEXT CHECK (category IN ('A', 'B', 'C', 'D', 'E')),
    status             TEXT NOT NULL,
    excluded_until     DATE,
    PRIMARY KEY (interpreter_number, language, change_seq)
);
CREATE UNIQUE INDEX entry_versions_current ON entry_versions (interpreter_number, language) WHERE valid_to IS NULL;
CREATE INDEX entry_versions_valid_from ON entry_versions (valid_from);
CREATE INDEX entry_versions_current_language ON entry_versions (language, status) WHERE valid_to IS NULL;
