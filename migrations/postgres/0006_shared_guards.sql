-- Abuse protection shared by every instance of a service (issue 14, item 12): the staff
-- login's failure counts and the public tip form's memory of forms already sent. Times are
-- microseconds since the Unix epoch in both dialects, so the one body of SQL does its arithmetic
-- on plain integers.

-- One row per counted key ("user at address", "user", "address"): the instant at which its
-- allowance is full again (GCRA's theoretical arrival time). Rows in the past mean nothing and
-- are swept.
CREATE TABLE login_failures (
    key TEXT PRIMARY KEY,
    tat BIGINT NOT NULL
);
CREATE INDEX login_failures_tat ON login_failures (tat);

-- One row per tip form being sent or sent (the form token's nonce): no reference while being
-- sent, the tip's reference once filed. Nothing about the reporter.
CREATE TABLE tip_form_sends (
    nonce      TEXT PRIMARY KEY,
    reference  TEXT,
    claimed_at BIGINT NOT NULL
);
CREATE INDEX tip_form_sends_claimed_at ON tip_form_sends (claimed_at);
