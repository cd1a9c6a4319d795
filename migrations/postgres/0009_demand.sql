-- Demand for interpreters per language and year, imported from IMDi's Tolkemonitor survey of
-- public bodies (issue 12, item 3). Imports are never overwritten: each import keeps its rows,
-- and the figures for a year are those of the latest import (highest id) that has rows for that
-- year; older imports stay for the record. Who imported, when and why is also in audit_log.
CREATE TABLE demand_imports (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    imported_at  TIMESTAMPTZ NOT NULL,
    imported_by  TEXT NOT NULL,
    -- The uploaded file's name as the statistician gave it.
    file_name    TEXT NOT NULL,
    note         TEXT NOT NULL
);

CREATE TABLE demand_rows (
    import_id    BIGINT NOT NULL REFERENCES demand_imports (id),
    year         BIGINT NOT NULL,
    language     TEXT NOT NULL,
    -- NULL: the whole country.
    county       TEXT,
    -- NULL: every sector.
    sector       TEXT,
    assignments  BIGINT NOT NULL CHECK (assignments >= 0)
);
-- One row per language, year, county and sector in an import (the parser refuses duplicates first).
CREATE UNIQUE INDEX demand_rows_unique
    ON demand_rows (import_id, year, language, COALESCE(county, ''), COALESCE(sector, ''));
CREATE INDEX demand_rows_year ON demand_rows (year, import_id);
