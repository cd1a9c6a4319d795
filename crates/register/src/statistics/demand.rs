//! Reading a Tolkemonitor demand file (assignments per language and year, optionally per county
//! and sector) into validated rows, all or nothing. Pure: it never touches storage.
//!
//! The file is UTF-8 CSV with a header row naming the columns `language`, `year` and
//! `assignments` (required) and `county` and `sector` (optional), in any order and case. The
//! separator is `;` or `,`, whichever the header uses, since Norwegian spreadsheets export both;
//! lines starting with `#` are comments. A language is given by its code or any name, endonym or
//! alias the catalogue knows; a county by its code. One bad row and nothing is imported: the
//! error lists every problem with its line number.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use serde::Serialize;

use crate::county::CountyCode;
use crate::language::LanguageCode;
use crate::reference::Catalogue;

/// One validated row of demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemandRow {
    pub year: i32,
    pub language: LanguageCode,
    /// `None`: the whole country.
    pub county: Option<CountyCode>,
    /// `None`: every sector. Kept as written (trimmed); compared without regard to case.
    pub sector: Option<String>,
    pub assignments: u64,
}

/// The columns of a demand file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Column {
    Language,
    Year,
    Assignments,
    County,
    Sector,
}

impl Column {
    /// The column's name in the header.
    pub fn name(self) -> &'static str {
        match self {
            Column::Language => "language",
            Column::Year => "year",
            Column::Assignments => "assignments",
            Column::County => "county",
            Column::Sector => "sector",
        }
    }

    const REQUIRED: [Column; 3] = [Column::Language, Column::Year, Column::Assignments];
    const ALL: [Column; 5] = [
        Column::Language,
        Column::Year,
        Column::Assignments,
        Column::County,
        Column::Sector,
    ];
}

/// One thing wrong with a demand file. `line` is the line number in the file (1 is the first).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum DemandProblem {
    #[error("filen er tom eller har ingen overskriftsrad")]
    NoHeader,
    #[error("filen har ingen rader med etterspørsel")]
    NoRows,
    #[error("kolonnen «{}» mangler i overskriftsraden", .column.name())]
    MissingColumn { column: Column },
    #[error("linje {line}: kolonnen «{name}» står to ganger i overskriftsraden")]
    RepeatedColumn { line: usize, name: String },
    #[error("linje {line}: filen er ikke gyldig CSV eller ikke UTF-8")]
    Unreadable { line: usize },
    #[error("linje {line}: «{}» mangler en verdi", .column.name())]
    MissingValue { line: usize, column: Column },
    #[error("linje {line}: ukjent språk «{value}»")]
    UnknownLanguage { line: usize, value: String },
    #[error("linje {line}: ukjent fylkesnummer «{value}»")]
    UnknownCounty { line: usize, value: String },
    #[error("linje {line}: året «{value}» er ikke et år mellom {first} og {last}")]
    YearOutOfRange {
        line: usize,
        value: String,
        first: i32,
        last: i32,
    },
    #[error("linje {line}: antall oppdrag «{value}» er ikke et helt tall")]
    NotACount { line: usize, value: String },
    #[error("linje {line}: antall oppdrag kan ikke være negativt ({value})")]
    NegativeCount { line: usize, value: String },
    #[error("linje {line}: samme språk, år, fylke og sektor står allerede på linje {first_line}")]
    Duplicate { line: usize, first_line: usize },
}

impl DemandProblem {
    /// The line the problem is on, `None` for problems of the whole file.
    pub fn line(&self) -> Option<usize> {
        match self {
            DemandProblem::NoHeader | DemandProblem::NoRows | DemandProblem::MissingColumn { .. } => None,
            DemandProblem::RepeatedColumn { line, .. }
            | DemandProblem::Unreadable { line }
            | DemandProblem::MissingValue { line, .. }
            | DemandProblem::UnknownLanguage { line, .. }
            | DemandProblem::UnknownCounty { line, .. }
            | DemandProblem::YearOutOfRange { line, .. }
            | DemandProblem::NotACount { line, .. }
            | DemandProblem::NegativeCount { line, .. }
            | DemandProblem::Duplicate { line, .. } => Some(*line),
        }
    }
}

/// A demand file that was refused, with every problem found, in line order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("etterspørselsfilen ble ikke importert ({} feil): {}", .problems.len(), list(.problems))]
pub struct DemandFileError {
    pub problems: Vec<DemandProblem>,
}

fn list(problems: &[DemandProblem]) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// The years a demand file may hold: from 2000 (before the register) to `last`, normally next
/// year, so a forecast can be imported but not a typo like 20222.
pub fn years_up_to(last: i32) -> RangeInclusive<i32> {
    2000..=last
}

/// The separator of a file whose first non-comment line is `header`: `;` if it has one, else `,`.
fn separator(text: &str) -> u8 {
    let header = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .unwrap_or("");
    if header.contains(';') { b';' } else { b',' }
}

/// Parses and validates a demand file; every row, or every problem.
pub fn parse(text: &str, catalogue: &Catalogue, years: RangeInclusive<i32>) -> Result<Vec<DemandRow>, DemandFileError> {
    let refuse = |problems: Vec<DemandProblem>| Err(DemandFileError { problems });
    // A spreadsheet may start the file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .comment(Some(b'#'))
        .flexible(true)
        .trim(csv::Trim::All)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();

    let header = loop {
        match records.next() {
            None => return refuse(vec![DemandProblem::NoHeader]),
            Some(Err(e)) => return refuse(vec![unreadable(&e)]),
            Some(Ok(r)) if r.iter().all(str::is_empty) => continue,
            Some(Ok(r)) => break r,
        }
    };
    let header_line = header.position().map_or(1, |p| p.line() as usize);
    let mut problems = Vec::new();
    let mut at: HashMap<Column, usize> = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let Some(column) = Column::ALL.into_iter().find(|c| c.name().eq_ignore_ascii_case(name)) else {
            // Other columns (a comment, a source) are allowed and ignored.
            continue;
        };
        if at.insert(column, i).is_some() {
            problems.push(DemandProblem::RepeatedColumn {
                line: header_line,
                name: name.to_string(),
            });
        }
    }
    for column in Column::REQUIRED {
        if !at.contains_key(&column) {
            problems.push(DemandProblem::MissingColumn { column });
        }
    }
    if !problems.is_empty() {
        return refuse(problems);
    }

    let mut rows = Vec::new();
    let mut seen: HashMap<(i32, LanguageCode, Option<CountyCode>, Option<String>), usize> = HashMap::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(unreadable(&e));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        let field = |c: Column| at.get(&c).and_then(|i| record.get(*i)).filter(|v| !v.is_empty());
        let before = problems.len();
        let mut required = |c: Column| {
            let v = field(c);
            if v.is_none() {
                problems.push(DemandProblem::MissingValue { line, column: c });
            }
            v
        };
        let (language, year, assignments) = (
            required(Column::Language),
            required(Column::Year),
            required(Column::Assignments),
        );

        let language = language.and_then(|v| match catalogue.find_language(v) {
            Ok(l) => Some(l.code),
            Err(_) => {
                problems.push(DemandProblem::UnknownLanguage {
                    line,
                    value: v.to_string(),
                });
                None
            }
        });
        let year = year.and_then(|v| match v.parse::<i32>() {
            Ok(y) if years.contains(&y) => Some(y),
            _ => {
                problems.push(DemandProblem::YearOutOfRange {
                    line,
                    value: v.to_string(),
                    first: *years.start(),
                    last: *years.end(),
                });
                None
            }
        });
        let assignments = assignments.and_then(|v| match parse_count(v) {
            Ok(n) => Some(n),
            Err(p) => {
                problems.push(p(line, v.to_string()));
                None
            }
        });
        let county = match field(Column::County) {
            None => None,
            Some(v) => match v.parse::<CountyCode>().ok().filter(|c| catalogue.county(*c).is_some()) {
                Some(c) => Some(c),
                None => {
                    problems.push(DemandProblem::UnknownCounty {
                        line,
                        value: v.to_string(),
                    });
                    None
                }
            },
        };
        let sector = field(Column::Sector).map(str::to_string);
        if problems.len() > before {
            continue;
        }
        let (Some(language), Some(year), Some(assignments)) = (language, year, assignments) else {
            continue;
        };
        let key = (year, language, county, sector.as_ref().map(|s| s.to_lowercase()));
        if let Some(first_line) = seen.get(&key) {
            problems.push(DemandProblem::Duplicate {
                line,
                first_line: *first_line,
            });
            continue;
        }
        seen.insert(key, line);
        rows.push(DemandRow {
            year,
            language,
            county,
            sector,
            assignments,
        });
    }
    if !problems.is_empty() {
        return refuse(problems);
    }
    if rows.is_empty() {
        return refuse(vec![DemandProblem::NoRows]);
    }
    Ok(rows)
}

type CountProblem = fn(usize, String) -> DemandProblem;

/// A count of assignments: a whole number, with spaces or non-breaking spaces allowed as
/// thousands separators ("1 200"), as Norwegian spreadsheets write them.
fn parse_count(v: &str) -> Result<u64, CountProblem> {
    let digits: String = v
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if let Some(rest) = digits.strip_prefix('-').or_else(|| digits.strip_prefix('−'))
        && !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit())
        && rest.chars().any(|c| c != '0')
    {
        return Err(|line, value| DemandProblem::NegativeCount { line, value });
    }
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(|line, value| DemandProblem::NotACount { line, value });
    }
    digits
        .parse()
        .map_err(|_| (|line, value| DemandProblem::NotACount { line, value }) as CountProblem)
}

fn unreadable(e: &csv::Error) -> DemandProblem {
    DemandProblem::Unreadable {
        line: e.position().map_or(0, |p| p.line() as usize),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        Catalogue::bundled()
    }

    fn ok(text: &str) -> Vec<DemandRow> {
        parse(text, &catalogue(), years_up_to(2027)).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    fn problems(text: &str) -> Vec<DemandProblem> {
        parse(text, &catalogue(), years_up_to(2027))
            .expect_err("refused")
            .problems
    }

    fn code(c: &str) -> LanguageCode {
        c.parse().unwrap()
    }

    #[test]
    fn languages_by_code_or_any_name_with_either_separator() {
        let cases: [(&str, &str); 6] = [
            ("language;year;assignments\nARB;2022;1200\n", "ARB"),
            ("language,year,assignments\narabisk,2022,1200\n", "ARB"),
            ("Language;Year;Assignments\nFarsi;2022;1200\n", "PES"),
            ("language;year;assignments\nUKRAINIAN;2022;1200\n", "UKR"),
            ("language;year;assignments\nukr;2022;1200\n", "UKR"),
            ("# invented\nyear;assignments;language\n2022;1 200;Dari\n", "PRS"),
        ];
        for (text, expected) in cases {
            let rows = ok(text);
            assert_eq!(rows.len(), 1, "{text:?}");
            assert_eq!(rows[0].language, code(expected), "{text:?}");
            assert_eq!(rows[0].year, 2022);
            assert_eq!(rows[0].assignments, 1200, "{text:?}");
        }
    }

    #[test]
    fn county_and_sector_are_optional_and_kept() {
        let rows = ok("language;year;assignments;county;sector\n\
                       ARB;2022;10;03;helse\n\
                       ARB;2022;5;;\n\
                       ARB;2022;7;46;\n\
                       ARB;2022;3;03;NAV\n");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].county, Some("03".parse().unwrap()));
        assert_eq!(rows[0].sector.as_deref(), Some("helse"));
        assert_eq!(rows[1].county, None);
        assert_eq!(rows[1].sector, None);
    }

    #[test]
    fn comments_blank_lines_a_byte_order_mark_and_quoted_fields_are_read() {
        let rows = ok("\u{feff}# Tolkemonitor 2022\n\nlanguage,year,assignments,sector\n\
                       # a comment between rows\n\"Arabisk\",2022,\"1 200\",\"helse, omsorg\"\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].assignments, 1200);
        assert_eq!(rows[0].sector.as_deref(), Some("helse, omsorg"));
    }

    #[test]
    fn every_bad_row_is_reported_by_line() {
        let text = "language;year;assignments;county\n\
                    ARB;2022;100;03\n\
                    klingon;2022;5;\n\
                    ARB;2022;7;03\n\
                    PES;2022;-4;\n\
                    PES;2022;many;\n\
                    PES;1899;3;\n\
                    PES;2023;3;99\n\
                    ;2023;3;\n";
        assert_eq!(
            problems(text),
            vec![
                DemandProblem::UnknownLanguage {
                    line: 3,
                    value: "klingon".into()
                },
                DemandProblem::Duplicate { line: 4, first_line: 2 },
                DemandProblem::NegativeCount {
                    line: 5,
                    value: "-4".into()
                },
                DemandProblem::NotACount {
                    line: 6,
                    value: "many".into()
                },
                DemandProblem::YearOutOfRange {
                    line: 7,
                    value: "1899".into(),
                    first: 2000,
                    last: 2027
                },
                DemandProblem::UnknownCounty {
                    line: 8,
                    value: "99".into()
                },
                DemandProblem::MissingValue {
                    line: 9,
                    column: Column::Language
                },
            ]
        );
    }

    #[test]
    fn duplicates_are_the_same_language_year_county_and_sector_however_written() {
        let dup = |text: &str| {
            problems(text)
                .iter()
                .any(|p| matches!(p, DemandProblem::Duplicate { .. }))
        };
        assert!(dup("language;year;assignments\nARB;2022;1\narabisk;2022;2\n"));
        assert!(dup(
            "language;year;assignments;sector\nARB;2022;1;Helse\nARB;2022;2;helse\n"
        ));
        let distinct = [
            "language;year;assignments\nARB;2022;1\nARB;2023;2\n",
            "language;year;assignments;county\nARB;2022;1;03\nARB;2022;2;46\n",
            "language;year;assignments;county\nARB;2022;1;03\nARB;2022;2;\n",
            "language;year;assignments;sector\nARB;2022;1;helse\nARB;2022;2;NAV\n",
        ];
        for text in distinct {
            assert_eq!(ok(text).len(), 2, "{text:?}");
        }
    }

    #[test]
    fn counts_must_be_whole_and_not_negative() {
        let cases: [(&str, Option<u64>); 9] = [
            ("0", Some(0)),
            ("12", Some(12)),
            ("1 200", Some(1200)),
            ("1\u{a0}200", Some(1200)),
            ("-0", None),
            ("-3", None),
            ("1.5", None),
            ("12,5", None),
            ("3x", None),
        ];
        for (value, expected) in cases {
            // Quoted: "12,5" must reach the parser whole.
            let text = format!("language,year,assignments\nARB,2022,\"{value}\"\n");
            match expected {
                Some(n) => assert_eq!(ok(&text)[0].assignments, n, "{value}"),
                None => {
                    let p = problems(&text);
                    assert_eq!(p.len(), 1, "{value}: {p:?}");
                    assert!(
                        matches!(
                            p[0],
                            DemandProblem::NegativeCount { line: 2, .. } | DemandProblem::NotACount { line: 2, .. }
                        ),
                        "{value}: {p:?}"
                    );
                }
            }
        }
        assert!(matches!(
            problems("language,year,assignments\nARB,2022,-3\n")[0],
            DemandProblem::NegativeCount { .. }
        ));
    }

    #[test]
    fn a_file_without_the_required_columns_or_rows_is_refused_whole() {
        assert_eq!(
            problems("language;assignments;county\nARB;3;03\n"),
            vec![DemandProblem::MissingColumn { column: Column::Year }]
        );
        assert_eq!(
            problems("språk;år;oppdrag\nARB;2022;3\n"),
            vec![
                DemandProblem::MissingColumn {
                    column: Column::Language
                },
                DemandProblem::MissingColumn { column: Column::Year },
                DemandProblem::MissingColumn {
                    column: Column::Assignments
                },
            ]
        );
        assert_eq!(problems(""), vec![DemandProblem::NoHeader]);
        assert_eq!(problems("# only a comment\n"), vec![DemandProblem::NoHeader]);
        assert_eq!(problems("language;year;assignments\n"), vec![DemandProblem::NoRows]);
        assert!(matches!(
            problems("language;year;assignments;Year\nARB;2022;1;2022\n")[0],
            DemandProblem::RepeatedColumn { line: 1, .. }
        ));
    }

    #[test]
    fn the_refusal_names_every_line_for_the_reader() {
        let e = parse(
            "language;year;assignments\nklingon;2022;1\nARB;2022;-1\n",
            &catalogue(),
            years_up_to(2027),
        )
        .unwrap_err();
        let text = e.to_string();
        assert!(text.contains("2 feil"), "{text}");
        assert!(text.contains("linje 2: ukjent språk «klingon»"), "{text}");
        assert!(
            text.contains("linje 3: antall oppdrag kan ikke være negativt"),
            "{text}"
        );
        assert_eq!(e.problems[0].line(), Some(2));
    }
}
