//! Instants in UTC with microsecond precision, stored as `timestamptz` in PostgreSQL and as
//! fixed-width RFC 3339 text in SQLite so that text order is time order.
//!
//! Days are Norwegian civil days: a register as of a date, a tip's received date and every
//! deadline turn at midnight in Oslo (CET/CEST), not at midnight UTC, which would date anything
//! done between midnight and 01:00 (02:00 in summer) to the day before.

use std::fmt;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, PgValueRef};
use sqlx::sqlite::{SqliteArgumentsBuffer, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Postgres, Sqlite, Type};
use time::macros::format_description;
use time::{Date, OffsetDateTime, Time, UtcOffset};

/// A UTC instant truncated to microseconds (PostgreSQL's precision), so both backends agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(#[serde(with = "time::serde::rfc3339")] OffsetDateTime);

const TEXT_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

impl Timestamp {
    pub fn now() -> Timestamp {
        Timestamp::from(OffsetDateTime::now_utc())
    }

    /// The first instant of `day` in Norway.
    pub fn start_of(day: Date) -> Timestamp {
        Timestamp::local(day, Time::MIDNIGHT)
    }

    /// The instant a day's register is read at: the end of `day`, i.e. the start of the next.
    pub fn end_of(day: Date) -> Timestamp {
        match day.next_day() {
            Some(next) => Timestamp::start_of(next),
            None => Timestamp::start_of(day),
        }
    }

    /// `hour:minute` on `day`, Norwegian time.
    pub fn at(day: Date, hour: u8, minute: u8) -> Timestamp {
        let time = Time::from_hms(hour.min(23), minute.min(59), 0).unwrap_or(Time::MIDNIGHT);
        Timestamp::local(day, time)
    }

    /// An instant `second` seconds into `day` by the Norwegian clock (capped at its last second).
    pub fn at_second(day: Date, second: u32) -> Timestamp {
        let s = second.min(86_399);
        let time = Time::from_hms((s / 3600) as u8, ((s / 60) % 60) as u8, (s % 60) as u8).unwrap_or(Time::MIDNIGHT);
        Timestamp::local(day, time)
    }

    /// The first day whose end-of-day reading ([`Timestamp::end_of`]) sees this instant: a
    /// version that starts at it is in force at the end of that day and every later one, and a
    /// version that ends at it is in force up to the end of the day before. Usually the
    /// Norwegian calendar day; an instant at midnight exactly belongs to the day it ends.
    pub fn counted_day(self) -> Date {
        Timestamp(self.0 - time::Duration::microseconds(1)).date()
    }

    /// The Norwegian calendar day this instant falls on.
    pub fn date(self) -> Date {
        self.local_time().date()
    }

    /// This instant on the Norwegian clock (for display and for dating).
    pub fn local_time(self) -> OffsetDateTime {
        self.0.to_offset(oslo_offset(self.0))
    }

    /// The instant the Norwegian clock shows `time` on `day`. In the spring gap (02:00–03:00 on
    /// the last Sunday of March) it is the instant an hour later by the clock; in the autumn
    /// overlap, the first of the two.
    fn local(day: Date, time: Time) -> Timestamp {
        let civil = jiff::civil::DateTime::new(
            day.year() as i16,
            u8::from(day.month()) as i8,
            day.day() as i8,
            time.hour() as i8,
            time.minute() as i8,
            time.second() as i8,
            0,
        );
        let seconds = civil
            .ok()
            .and_then(|c| OSLO.to_ambiguous_timestamp(c).compatible().ok())
            .map(|t| t.as_second());
        match seconds.and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok()) {
            Some(instant) => Timestamp::from(instant),
            // Outside jiff's range (years beyond ±9999): the UTC reading is the best there is.
            None => Timestamp::from(day.with_time(time).assume_utc()),
        }
    }

    pub fn get(self) -> OffsetDateTime {
        self.0
    }

    fn to_text(self) -> String {
        self.0.format(TEXT_FORMAT).unwrap_or_default()
    }

    fn from_text(s: &str) -> Result<Timestamp, BoxDynError> {
        let parsed = time::PrimitiveDateTime::parse(s, TEXT_FORMAT)?;
        Ok(Timestamp(parsed.assume_utc()))
    }
}

/// Norway's time zone, from the tz database bundled into the binary (no dependency on the host's
/// `/usr/share/zoneinfo`).
static OSLO: LazyLock<jiff::tz::TimeZone> =
    LazyLock::new(|| jiff::tz::TimeZone::get("Europe/Oslo").unwrap_or(jiff::tz::TimeZone::UTC));

/// Oslo's offset from UTC at `instant` (+01:00 in winter, +02:00 in summer).
fn oslo_offset(instant: OffsetDateTime) -> UtcOffset {
    jiff::Timestamp::from_second(instant.unix_timestamp())
        .ok()
        .map(|t| OSLO.to_offset(t).seconds())
        .and_then(|s| UtcOffset::from_whole_seconds(s).ok())
        .unwrap_or(UtcOffset::UTC)
}

impl From<OffsetDateTime> for Timestamp {
    fn from(t: OffsetDateTime) -> Timestamp {
        let utc = t.to_offset(UtcOffset::UTC);
        let micros = utc.microsecond();
        Timestamp(utc.replace_nanosecond(micros * 1000).unwrap_or(utc))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

impl Type<Sqlite> for Timestamp {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }
    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <String as Type<Sqlite>>::compatible(ty)
    }
}

impl Encode<'_, Sqlite> for Timestamp {
    fn encode_by_ref(&self, buf: &mut SqliteArgumentsBuffer) -> Result<IsNull, BoxDynError> {
        Encode::<Sqlite>::encode(self.to_text(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for Timestamp {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let s = <String as Decode<Sqlite>>::decode(value)?;
        Timestamp::from_text(&s)
    }
}

impl Type<Postgres> for Timestamp {
    fn type_info() -> PgTypeInfo {
        <OffsetDateTime as Type<Postgres>>::type_info()
    }
    fn compatible(ty: &PgTypeInfo) -> bool {
        <OffsetDateTime as Type<Postgres>>::compatible(ty)
    }
}

impl Encode<'_, Postgres> for Timestamp {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        Encode::<Postgres>::encode_by_ref(&self.0, buf)
    }
}

impl<'r> Decode<'r, Postgres> for Timestamp {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(Timestamp::from(<OffsetDateTime as Decode<Postgres>>::decode(value)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn text_form_is_fixed_width_so_it_sorts_in_time_order() {
        let a = Timestamp::from(datetime!(2023-12-31 10:00:00 UTC));
        let b = Timestamp::from(datetime!(2023-12-31 10:00:00.5 UTC));
        let c = Timestamp::from(datetime!(2023-12-31 10:00:00.25 +01:00));
        assert_eq!(a.to_text(), "2023-12-31T10:00:00.000000Z");
        assert_eq!(c.to_text(), "2023-12-31T09:00:00.250000Z");
        assert!(c.to_text() < a.to_text() && a.to_text() < b.to_text());
        assert_eq!(Timestamp::from_text(&b.to_text()).unwrap(), b);
    }

    #[test]
    fn end_of_day_is_the_next_midnight_in_norway() {
        assert_eq!(
            Timestamp::end_of(date!(2023 - 12 - 31)),
            Timestamp::from(datetime!(2024-01-01 0:00 +01:00))
        );
        assert_eq!(
            Timestamp::start_of(date!(2024 - 07 - 01)),
            Timestamp::from(datetime!(2024-06-30 22:00 UTC)),
            "summer time is two hours ahead"
        );
        let nanos = Timestamp::from(datetime!(2023-01-01 0:00:00.123456789 UTC));
        assert_eq!(nanos.get().nanosecond(), 123_456_000);
    }

    #[test]
    fn the_date_is_the_norwegian_day() {
        // 23:30 UTC on New Year's Eve is already half past midnight in Oslo.
        let new_year = Timestamp::from(datetime!(2023-12-31 23:30 UTC));
        assert_eq!(new_year.date(), date!(2024 - 01 - 01));
        let summer_evening = Timestamp::from(datetime!(2024-06-30 21:59 UTC));
        assert_eq!(summer_evening.date(), date!(2024 - 06 - 30));
        assert_eq!(
            Timestamp::from(datetime!(2024-06-30 22:00 UTC)).date(),
            date!(2024 - 07 - 01)
        );
        assert_eq!(new_year.local_time().hour(), 0);
    }

    #[test]
    fn clock_times_are_norwegian_also_across_summer_time_changes() {
        assert_eq!(
            Timestamp::at(date!(2024 - 03 - 05), 14, 7),
            Timestamp::from(datetime!(2024-03-05 13:07 UTC))
        );
        // 31 March 2024 02:30 does not exist in Oslo; it is read as 03:30 summer time.
        assert_eq!(
            Timestamp::at(date!(2024 - 03 - 31), 2, 30),
            Timestamp::from(datetime!(2024-03-31 01:30 UTC))
        );
        // 27 October 2024 02:30 happens twice; the first (summer time) is meant.
        assert_eq!(
            Timestamp::at(date!(2024 - 10 - 27), 2, 30),
            Timestamp::from(datetime!(2024-10-27 00:30 UTC))
        );
        for day in [date!(2024 - 03 - 31), date!(2024 - 10 - 27), date!(2024 - 12 - 31)] {
            assert_eq!(Timestamp::at_second(day, 86_399).date(), day);
            assert_eq!(Timestamp::start_of(day).date(), day);
        }
    }
}
