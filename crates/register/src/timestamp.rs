//! Instants in UTC with microsecond precision, stored as `timestamptz` in PostgreSQL and as
//! fixed-width RFC 3339 text in SQLite so that text order is time order. No other logic.

use std::fmt;

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

    /// The first instant of `day` (UTC).
    pub fn start_of(day: Date) -> Timestamp {
        Timestamp::from(day.with_time(Time::MIDNIGHT).assume_utc())
    }

    /// The instant a day's register is read at: the end of `day`, i.e. the start of the next.
    pub fn end_of(day: Date) -> Timestamp {
        match day.next_day() {
            Some(next) => Timestamp::start_of(next),
            None => Timestamp::start_of(day),
        }
    }

    pub fn at(day: Date, hour: u8, minute: u8) -> Timestamp {
        let time = Time::from_hms(hour.min(23), minute.min(59), 0).unwrap_or(Time::MIDNIGHT);
        Timestamp::from(day.with_time(time).assume_utc())
    }

    /// An instant `second` seconds into `day` (capped at the day's last second).
    pub fn at_second(day: Date, second: u32) -> Timestamp {
        let s = second.min(86_399);
        let time = Time::from_hms((s / 3600) as u8, ((s / 60) % 60) as u8, (s % 60) as u8).unwrap_or(Time::MIDNIGHT);
        Timestamp::from(day.with_time(time).assume_utc())
    }

    pub fn date(self) -> Date {
        self.0.date()
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
    fn end_of_day_is_the_next_midnight() {
        assert_eq!(
            Timestamp::end_of(date!(2023 - 12 - 31)),
            Timestamp::from(datetime!(2024-01-01 0:00 UTC))
        );
        let nanos = Timestamp::from(datetime!(2023-01-01 0:00:00.123456789 UTC));
        assert_eq!(nanos.get().nanosecond(), 123_456_000);
    }
}
