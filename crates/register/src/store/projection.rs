//! Keeping the statistical projection: every write of the register adds, in its own
//! transaction, the difference its interpreters' histories make to the figures
//! ([`crate::statistics::projection`]), summed by year, month and day; a database without a
//! built projection gets one from its history at start. Reading a day's figures is in
//! `store::statistics`.

use std::collections::{BTreeMap, HashMap};

use time::Date;

use super::Result;
use super::rows::parse;
use super::sql::{On, chunk_rows, sql, upsert_rows};
use crate::statistics::projection::{self, CellKey, Deltas, EntryVersion, Listing, PersonDelta, ProfileVersion};
use crate::timestamp::Timestamp;

/// The three grains a delta is summed by, with the first day of its period.
fn grains(day: Date) -> [(&'static str, Date); 3] {
    let (month, year) = projection::periods(day);
    [("y", year), ("m", month), ("d", day)]
}

#[derive(sqlx::FromRow)]
struct EntryVersionRow {
    interpreter_number: i64,
    language: String,
    kind: String,
    category: Option<String>,
    status: String,
    excluded_until: Option<Date>,
    valid_from: Timestamp,
    valid_to: Option<Timestamp>,
}

impl EntryVersionRow {
    fn into_version(self) -> Result<(i64, EntryVersion)> {
        let listing = match (self.status.as_str(), self.excluded_until) {
            ("active", _) => Listing::Active,
            ("excluded", Some(until)) => Listing::ExcludedUntil(until),
            _ => Listing::NotListed,
        };
        let category = match self.category.as_deref() {
            Some(c) => Some(parse(c, "kategori")?),
            None => None,
        };
        Ok((
            self.interpreter_number,
            EntryVersion {
                language: parse(&self.language, "språkkode")?,
                kind: parse(&self.kind, "tolketype")?,
                category,
                listing,
                from: self.valid_from.counted_day(),
                to: self.valid_to.map(Timestamp::counted_day),
            },
        ))
    }
}

#[derive(sqlx::FromRow)]
struct ProfileVersionRow {
    interpreter_number: i64,
    county: String,
    valid_from: Timestamp,
    valid_to: Option<Timestamp>,
}

/// Which interpreters a statement reads: a range when the numbers lie close together (a bulk
/// load's batch), otherwise an IN list.
fn filter(numbers: &[i64]) -> (String, Vec<i64>) {
    let (Some(min), Some(max)) = (numbers.iter().min(), numbers.iter().max()) else {
        return ("1 = 0".into(), Vec::new());
    };
    if ((max - min + 1) as usize) <= numbers.len() * 4 {
        return ("interpreter_number BETWEEN $1 AND $2".into(), vec![*min, *max]);
    }
    let list: Vec<String> = (1..=numbers.len()).map(|i| format!("${i}")).collect();
    (format!("interpreter_number IN ({})", list.join(", ")), numbers.to_vec())
}

/// What the histories of `numbers` add to the figures: all of it, or, with `since`, only the
/// versions still in force at that instant (ending at it or later). Versions that ended earlier
/// cover no day from `since`'s counted day on, the first day a write at `since` can change, and
/// they weigh the same before and after it, so the difference of two such partial readings is
/// the difference of the whole histories: a write reads the current rows only, however long
/// the interpreter's history is.
pub(super) async fn history_deltas(db: &mut On<'_>, numbers: &[i64], since: Option<Timestamp>) -> Result<Deltas> {
    let mut out = Deltas::default();
    for chunk in numbers.chunks(2_000) {
        let wanted: std::collections::HashSet<i64> = chunk.iter().copied().collect();
        let (mut condition, binds) = filter(chunk);
        if since.is_some() {
            condition.push_str(&format!(" AND (valid_to IS NULL OR valid_to >= ${})", binds.len() + 1));
        }
        let mut entries = sql(format!(
            "SELECT interpreter_number, language, kind, category, status, excluded_until, valid_from, valid_to \
             FROM entry_versions WHERE {condition}"
        ));
        let mut profiles = sql(format!(
            "SELECT interpreter_number, county, valid_from, valid_to FROM interpreter_versions WHERE {condition}"
        ));
        for n in &binds {
            entries = entries.bind(*n);
            profiles = profiles.bind(*n);
        }
        if let Some(since) = since {
            entries = entries.bind(since);
            profiles = profiles.bind(since);
        }
        let entries: Vec<EntryVersionRow> = entries.fetch_all(&mut *db).await?;
        let profiles: Vec<ProfileVersionRow> = profiles.fetch_all(&mut *db).await?;
        let mut histories: HashMap<i64, (Vec<EntryVersion>, Vec<ProfileVersion>)> = HashMap::new();
        for row in entries {
            let (number, version) = row.into_version()?;
            if wanted.contains(&number) {
                histories.entry(number).or_default().0.push(version);
            }
        }
        for row in profiles {
            if wanted.contains(&row.interpreter_number) {
                let version = ProfileVersion {
                    county: parse(&row.county, "fylke")?,
                    from: row.valid_from.counted_day(),
                    to: row.valid_to.map(Timestamp::counted_day),
                };
                histories.entry(row.interpreter_number).or_default().1.push(version);
            }
        }
        for (entries, profiles) in histories.values() {
            out.add(&projection::deltas(entries, profiles), 1);
        }
    }
    Ok(out)
}

/// Adds `deltas` to the running sums at every grain.
pub(super) async fn apply(db: &mut On<'_>, deltas: &Deltas) -> Result<()> {
    let mut cells: BTreeMap<(&'static str, Date, CellKey), i64> = BTreeMap::new();
    for ((cell, day), n) in &deltas.entries {
        for (grain, period) in grains(*day) {
            *cells.entry((grain, period, *cell)).or_default() += n;
        }
    }
    let cells: Vec<_> = cells.into_iter().filter(|(_, n)| *n != 0).collect();
    for chunk in cells.chunks(chunk_rows(7)) {
        let mut statement = upsert_rows(
            "INSERT INTO stat_entry_deltas (grain, period, language, kind, category, county, delta)",
            chunk.len(),
            7,
            " ON CONFLICT (grain, period, language, kind, category, county) \
             DO UPDATE SET delta = stat_entry_deltas.delta + excluded.delta",
        );
        for ((grain, period, cell), n) in chunk {
            statement = statement
                .bind(*grain)
                .bind(*period)
                .bind(cell.language.as_str().to_string())
                .bind(cell.kind.as_str())
                .bind(cell.category.as_str())
                .bind(cell.county.to_string())
                .bind(*n);
        }
        statement.execute(&mut *db).await?;
    }
    let mut persons: BTreeMap<(&'static str, Date, String), PersonDelta> = BTreeMap::new();
    for ((county, day), d) in &deltas.persons {
        for (grain, period) in grains(*day) {
            let slot = persons.entry((grain, period, county.to_string())).or_default();
            slot.listed += d.listed;
            slot.multi += d.multi;
        }
    }
    let persons: Vec<_> = persons
        .into_iter()
        .filter(|(_, d)| d.listed != 0 || d.multi != 0)
        .collect();
    for chunk in persons.chunks(chunk_rows(5)) {
        let mut statement = upsert_rows(
            "INSERT INTO stat_person_deltas (grain, period, county, listed, multi)",
            chunk.len(),
            5,
            " ON CONFLICT (grain, period, county) DO UPDATE SET \
             listed = stat_person_deltas.listed + excluded.listed, multi = stat_person_deltas.multi + excluded.multi",
        );
        for ((grain, period, county), d) in chunk {
            statement = statement
                .bind(*grain)
                .bind(*period)
                .bind(county.clone())
                .bind(d.listed)
                .bind(d.multi);
        }
        statement.execute(&mut *db).await?;
    }
    Ok(())
}

/// Whether the projection has been built (and so is kept by every write).
pub(super) async fn is_built(db: &mut On<'_>) -> Result<bool> {
    let built: i64 = sql("SELECT COUNT(*) FROM stat_projection_state")
        .scalar(&mut *db)
        .await?;
    Ok(built > 0)
}

/// Builds the projection from the whole history if it has not been built, inside the caller's
/// write transaction. Takes the feed counter's row lock first, as every writer does, so no
/// write can interleave with the rebuild.
pub(super) async fn ensure_built(db: &mut On<'_>) -> Result<bool> {
    sql("UPDATE feed_position SET last_seq = last_seq WHERE id = 1")
        .execute(&mut *db)
        .await?;
    if is_built(db).await? {
        return Ok(false);
    }
    rebuild(db).await?;
    Ok(true)
}

/// Throws the projection away and sums it again from the history of every interpreter.
pub(super) async fn rebuild(db: &mut On<'_>) -> Result<()> {
    sql("DELETE FROM stat_entry_deltas").execute(&mut *db).await?;
    sql("DELETE FROM stat_person_deltas").execute(&mut *db).await?;
    sql("DELETE FROM stat_projection_state").execute(&mut *db).await?;
    let numbers: Vec<i64> = sql("SELECT interpreter_number FROM interpreters ORDER BY interpreter_number")
        .scalars(&mut *db)
        .await?;
    for chunk in numbers.chunks(5_000) {
        let deltas = history_deltas(db, chunk, None).await?;
        apply(db, &deltas).await?;
    }
    sql("INSERT INTO stat_projection_state (id, built_at) VALUES (1, $1)")
        .bind(Timestamp::now().to_string())
        .execute(&mut *db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::filter;

    #[test]
    fn close_numbers_are_read_as_a_range_and_scattered_ones_as_a_list() {
        assert_eq!(filter(&[5, 7, 6]).0, "interpreter_number BETWEEN $1 AND $2");
        assert_eq!(
            filter(&[1, 1_000]),
            ("interpreter_number IN ($1, $2)".into(), vec![1, 1_000])
        );
        assert_eq!(filter(&[]).0, "1 = 0");
    }
}
