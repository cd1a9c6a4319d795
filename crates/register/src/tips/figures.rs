//! Annual figures for the annual report: tips per ground, outcomes, committee meetings and cases
//! advised, per year, and their CSV form. A pure function of cases and meetings; no storage.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::case::TipCase;
use super::committee::Meeting;
use super::grounds::Ground;
use super::outcome::{ClosureReason, DecisionOutcome};

/// The figures of one year. Tips and their outcomes count by the year the tip was received.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct YearFigures {
    pub year: i32,
    pub tips: usize,
    /// Tips naming each ground (a tip with two grounds counts under both).
    pub per_ground: BTreeMap<Ground, usize>,
    /// Tips naming only this ground.
    pub only_ground: BTreeMap<Ground, usize>,
    /// Tips naming more than one ground.
    pub several_grounds: usize,
    /// By closure reason or decision outcome name; `open` for tips not yet closed or decided.
    pub outcomes: BTreeMap<&'static str, usize>,
    pub meetings: usize,
    /// Distinct cases the committee advised on at meetings held that year.
    pub cases_advised: usize,
}

/// The outcome name of a case for the figures.
fn outcome(case: &TipCase) -> &'static str {
    match (&case.closure, &case.decision) {
        (Some((reason, _)), _) => reason.as_str(),
        (None, Some(d)) => d.outcome.as_str(),
        (None, None) => OPEN,
    }
}

/// Figures for every year that has a tip or a meeting, oldest first.
pub fn annual_figures(cases: &[TipCase], meetings: &[Meeting]) -> Vec<YearFigures> {
    let mut years: BTreeMap<i32, YearFigures> = BTreeMap::new();
    fn year(years: &mut BTreeMap<i32, YearFigures>, y: i32) -> &mut YearFigures {
        years.entry(y).or_insert_with(|| YearFigures {
            year: y,
            ..YearFigures::default()
        })
    }
    for case in cases {
        let f = year(&mut years, case.intake.received_on.year());
        f.tips += 1;
        for g in case.intake.grounds.iter() {
            *f.per_ground.entry(g).or_default() += 1;
        }
        match case.intake.grounds.iter().collect::<Vec<_>>().as_slice() {
            [only] => *f.only_ground.entry(*only).or_default() += 1,
            _ => f.several_grounds += 1,
        }
        *f.outcomes.entry(outcome(case)).or_default() += 1;
    }
    let held: BTreeMap<i64, i32> = meetings.iter().map(|m| (m.id, m.held_on.year())).collect();
    for m in meetings {
        year(&mut years, m.held_on.year()).meetings += 1;
    }
    let mut advised: BTreeMap<i32, BTreeSet<i64>> = BTreeMap::new();
    for case in cases {
        for a in &case.advice {
            if let Some(y) = held.get(&a.meeting_id) {
                advised.entry(*y).or_default().insert(case.id);
            }
        }
    }
    for (y, ids) in advised {
        year(&mut years, y).cases_advised = ids.len();
    }
    years.into_values().collect()
}

/// An outcome column of the figures: a closure reason, a decision outcome, or still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeColumn {
    Closed(ClosureReason),
    Decided(DecisionOutcome),
    Open,
}

impl OutcomeColumn {
    /// Its key in [`YearFigures::outcomes`].
    pub fn key(self) -> &'static str {
        match self {
            Self::Closed(reason) => reason.as_str(),
            Self::Decided(outcome) => outcome.as_str(),
            Self::Open => OPEN,
        }
    }
}

/// The outcome columns of the figures in order (closure reasons, decision outcomes, still open).
pub fn outcome_columns() -> Vec<OutcomeColumn> {
    // Only the kind of decision matters here; the dates and licence number are placeholders.
    let decided = [
        DecisionOutcome::NoBreach,
        DecisionOutcome::Warning,
        DecisionOutcome::Exclusion { until: time::Date::MIN },
        DecisionOutcome::PermanentExclusion,
        DecisionOutcome::Revocation {
            licence_no: 0,
            until: None,
        },
    ];
    ClosureReason::ALL
        .into_iter()
        .map(OutcomeColumn::Closed)
        .chain(decided.into_iter().map(OutcomeColumn::Decided))
        .chain([OutcomeColumn::Open])
        .collect()
}

/// The outcome key of tips neither closed nor decided.
pub const OPEN: &str = "open";

/// A column of the figures as a table (the CSV file), in order; the service names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Year,
    Tips,
    /// Tips naming the ground.
    Ground(Ground),
    /// Tips naming only the ground.
    OnlyGround(Ground),
    SeveralGrounds,
    Outcome(OutcomeColumn),
    Meetings,
    CasesAdvised,
}

/// The columns of the figures table in order.
pub fn columns() -> Vec<Column> {
    let mut columns = vec![Column::Year, Column::Tips];
    columns.extend(Ground::ALL.map(Column::Ground));
    columns.extend(Ground::ALL.map(Column::OnlyGround));
    columns.push(Column::SeveralGrounds);
    columns.extend(outcome_columns().into_iter().map(Column::Outcome));
    columns.extend([Column::Meetings, Column::CasesAdvised]);
    columns
}

impl YearFigures {
    /// The value of `column` in this year's row.
    pub fn value(&self, column: Column) -> usize {
        let count = |n: Option<&usize>| n.copied().unwrap_or(0);
        match column {
            Column::Year => usize::try_from(self.year).unwrap_or(0),
            Column::Tips => self.tips,
            Column::Ground(g) => count(self.per_ground.get(&g)),
            Column::OnlyGround(g) => count(self.only_ground.get(&g)),
            Column::SeveralGrounds => self.several_grounds,
            Column::Outcome(o) => count(self.outcomes.get(o.key())),
            Column::Meetings => self.meetings,
            Column::CasesAdvised => self.cases_advised,
        }
    }
}

/// The figures as CSV (semicolon-separated, as Norwegian spreadsheets expect), one row per year
/// under a head of the columns as `name` names them; a value holding the separator, a quote or a
/// line break is quoted (RFC 4180, by `csv`).
pub fn to_csv(figures: &[YearFigures], name: impl Fn(Column) -> String) -> String {
    let columns = columns();
    let mut rows = vec![columns.iter().map(|c| name(*c)).collect::<Vec<_>>()];
    for f in figures {
        rows.push(columns.iter().map(|c| f.value(*c).to_string()).collect());
    }
    write_csv(&rows)
}

/// `rows` as semicolon-separated CSV with `\n` line ends.
fn write_csv(rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        writer.write_record(row).expect("CSV to memory");
    }
    let bytes = writer.into_inner().expect("CSV to memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timestamp::Timestamp;
    use crate::tips::event::{CaseEvent, records};
    use crate::tips::grounds::Grounds;
    use crate::tips::intake::{Channel, Intake, Subject};
    use Ground::*;
    use time::macros::date;

    fn case(id: i64, on: time::Date, grounds: &[Ground], events: Vec<CaseEvent>) -> TipCase {
        let intake = Intake {
            received_on: on,
            received_at: Timestamp::start_of(on),
            received_by: "public:web".into(),
            channel: Channel::WebForm,
            subject: Subject::Interpreter {
                number: "10001".parse().unwrap(),
            },
            assignment_on: None,
            assignment_place: String::new(),
            grounds: Grounds::new(grounds.iter().copied()).unwrap(),
            account: "a".into(),
            reporter_role: None,
            anonymous: true,
        };
        TipCase::replay(id, intake, records(&events, Timestamp::start_of(on)))
    }

    fn meeting(id: i64, on: time::Date) -> Meeting {
        Meeting {
            id,
            term_id: 1,
            held_on: on,
            participants: vec![],
            agenda: vec![],
        }
    }

    #[test]
    fn figures_count_grounds_outcomes_meetings_and_advised_cases_per_year() {
        let close = |reason| {
            vec![CaseEvent::Close {
                reason,
                guidance: Some("veiledning".into()),
            }]
        };
        let advised = |meeting_id| {
            vec![
                CaseEvent::StartAssessment,
                CaseEvent::OpenInvestigation,
                CaseEvent::ReferToCommittee {
                    meeting_id,
                    summary: "s".into(),
                },
                CaseEvent::RecordAdvice {
                    meeting_id,
                    advice: "a".into(),
                },
                CaseEvent::Decide {
                    outcome: DecisionOutcome::NoBreach,
                    reasons: "r".into(),
                    decided_on: date!(2023 - 11 - 01),
                    appeal_by: date!(2023 - 11 - 22),
                    substantial_breach: false,
                },
            ]
        };
        let cases = vec![
            case(
                1,
                date!(2023 - 02 - 01),
                &[GoodPractice],
                close(ClosureReason::NotFollowedUp),
            ),
            case(
                2,
                date!(2023 - 03 - 01),
                &[GoodPractice, Confidentiality],
                close(ClosureReason::TooLittleInformation),
            ),
            case(3, date!(2023 - 04 - 01), &[Confidentiality], advised(10)),
            case(4, date!(2023 - 05 - 01), &[GoodPractice], advised(11)),
            case(5, date!(2024 - 01 - 10), &[Impartiality], vec![]),
        ];
        let meetings = [
            meeting(10, date!(2023 - 06 - 01)),
            meeting(11, date!(2023 - 10 - 01)),
            meeting(12, date!(2024 - 03 - 01)),
        ];
        let figures = annual_figures(&cases, &meetings);
        assert_eq!(figures.len(), 2);
        let y2023 = &figures[0];
        assert_eq!((y2023.year, y2023.tips, y2023.several_grounds), (2023, 4, 1));
        assert_eq!(y2023.per_ground.get(&GoodPractice), Some(&3));
        assert_eq!(y2023.only_ground.get(&GoodPractice), Some(&2));
        assert_eq!(y2023.only_ground.get(&Confidentiality), Some(&1));
        assert_eq!(y2023.outcomes.get("not_followed_up"), Some(&1));
        assert_eq!(y2023.outcomes.get("too_little_information"), Some(&1));
        assert_eq!(y2023.outcomes.get("no_breach"), Some(&2));
        assert_eq!((y2023.meetings, y2023.cases_advised), (2, 2));
        let y2024 = &figures[1];
        assert_eq!((y2024.tips, y2024.meetings, y2024.cases_advised), (1, 1, 0));
        assert_eq!(y2024.outcomes.get("open"), Some(&1));

        // The service names the columns (admin's `labels::figures_column`, tested there).
        let csv = to_csv(&figures, |c| format!("{c:?}"));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("Year;Tips;Ground(GoodPractice)"));
        assert!(lines[1].starts_with("2023;4;3;2;0;2;1;0;1;"), "{}", lines[1]);
        assert!(lines[1].ends_with(";2;2"));
        // Every column has a value in each row.
        let columns = lines[0].split(';').count();
        assert!(lines.iter().all(|l| l.split(';').count() == columns));
    }

    #[test]
    fn csv_values_with_separators_quotes_or_line_breaks_are_quoted() {
        let rows = vec![
            vec!["navn".to_string(), "merknad".into()],
            vec!["a;b".into(), "sa \"hei\"\nog gikk".into()],
        ];
        assert_eq!(write_csv(&rows), "navn;merknad\n\"a;b\";\"sa \"\"hei\"\"\nog gikk\"\n");
    }
}
