-- Admin casework: foreign-qualification cases with their document checklist, formal decisions,
-- changes waiting for four-eyes approval, and staff sessions ended before their expiry.

CREATE TABLE foreign_cases (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version            BIGINT NOT NULL,
    interpreter_number BIGINT NOT NULL REFERENCES interpreters (interpreter_number),
    language           TEXT NOT NULL REFERENCES languages (code),
    country            TEXT NOT NULL,
    institution        TEXT NOT NULL,
    title              TEXT NOT NULL,
    completed_on       DATE NOT NULL,
    received_on        DATE NOT NULL,
    assigned_to        TEXT NOT NULL,
    opened_by          TEXT NOT NULL,
    opened_at          TIMESTAMPTZ NOT NULL,
    acknowledged_on    DATE,
    complete_on        DATE,
    equivalent         TEXT CHECK (equivalent IN ('bachelor', 'authorisation', 'foundation_course')),
    assessment         TEXT,
    outcome            TEXT CHECK (outcome IN ('approved', 'refused')),
    decision_id        BIGINT
);
CREATE INDEX foreign_cases_interpreter ON foreign_cases (interpreter_number);
CREATE INDEX foreign_cases_open ON foreign_cases (id) WHERE outcome IS NULL;

CREATE TABLE foreign_case_documents (
    case_id     BIGINT NOT NULL REFERENCES foreign_cases (id),
    item        TEXT NOT NULL,
    received_on DATE NOT NULL,
    PRIMARY KEY (case_id, item)
);

CREATE TABLE decisions (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    interpreter_number BIGINT NOT NULL REFERENCES interpreters (interpreter_number),
    kind               TEXT NOT NULL,
    language           TEXT REFERENCES languages (code),
    case_ref           TEXT,
    reasons            TEXT NOT NULL,
    legal_basis        TEXT NOT NULL,
    decided_on         DATE NOT NULL,
    appeal_deadline    DATE NOT NULL,
    letter_language    TEXT NOT NULL CHECK (letter_language IN ('nb', 'nn')),
    decided_by         TEXT NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX decisions_interpreter ON decisions (interpreter_number, id);

CREATE TABLE pending_approvals (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    interpreter_number BIGINT NOT NULL REFERENCES interpreters (interpreter_number),
    command            TEXT NOT NULL,  -- JSON of the register command
    reason             TEXT NOT NULL,
    requested_by       TEXT NOT NULL,
    requested_at       TIMESTAMPTZ NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by         TEXT,
    decided_at         TIMESTAMPTZ,
    note               TEXT
);
CREATE INDEX pending_approvals_status ON pending_approvals (status, id);
CREATE INDEX pending_approvals_interpreter ON pending_approvals (interpreter_number, id);

CREATE TABLE revoked_sessions (
    session_id TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
