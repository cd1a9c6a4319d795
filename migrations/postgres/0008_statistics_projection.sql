-- The maintained statistical projection: day-stamped changes to the official figures, summed
-- by year, by month and by day (grain 'y', 'm', 'd'; period = the first day of the period), so
-- a day's figures read whole years, then the months of its year, then the days of its month.
-- Written in the same transaction as every register change (register::store::projection);
-- rebuilt from the version history when `stat_projection_state` has no row.
CREATE TABLE stat_entry_deltas (
    grain    TEXT NOT NULL CHECK (grain IN ('y', 'm', 'd')),
    period   DATE NOT NULL,
    language TEXT NOT NULL,
    kind     TEXT NOT NULL,
    category TEXT NOT NULL,
    county   TEXT NOT NULL,
    delta    BIGINT NOT NULL,
    PRIMARY KEY (grain, period, language, kind, category, county)
);

CREATE TABLE stat_person_deltas (
    grain  TEXT NOT NULL CHECK (grain IN ('y', 'm', 'd')),
    period DATE NOT NULL,
    county TEXT NOT NULL,
    listed BIGINT NOT NULL,
    multi  BIGINT NOT NULL,
    PRIMARY KEY (grain, period, county)
);

-- One row once the projection has been built from the history (absent: rebuild at start).
CREATE TABLE stat_projection_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    built_at TEXT NOT NULL
);
