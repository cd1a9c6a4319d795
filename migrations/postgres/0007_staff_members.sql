-- The staff members this service has seen sign in through the organisation's OpenID Connect
-- provider (issue 14, item 3). The provider is the directory of record; it tells this service
-- who someone is only when they sign in, so without this table a senior caseworker could not
-- give a tip case to a colleague. One row per staff login, updated at each sign-in with the
-- roles the provider gave then. Times are Unix seconds in both dialects.
CREATE TABLE staff_members (
    login        TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    -- Role names, comma-separated, as at the last sign-in.
    roles        TEXT NOT NULL,
    first_seen   BIGINT NOT NULL,
    last_seen    BIGINT NOT NULL
);
CREATE INDEX staff_members_last_seen ON staff_members (last_seen);
