-- No two interpreters hold the same national identity number at once. Registering or changing a
-- profile checks this first inside the writing transaction (under the writer lock), so staff
-- get a readable refusal naming the other interpreter; this index is the database's own
-- guarantee behind that check, and makes the lookup cheap. Only current rows count: a number
-- an interpreter gave up (a corrected typo) may be used by someone else.
CREATE UNIQUE INDEX interpreter_versions_current_national_id ON interpreter_versions (national_id) WHERE valid_to IS NULL;
