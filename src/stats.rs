//! `tolkeregister stats`: the register's statistics from its history as tables — figures on a
//! day, the half-year series and the flows per year. Which figures go in which table; the
//! printing is in `sheet`, the counting in `register`.

use register::statistics::flows::{FlowFigure, FlowsYear, YearRange};
use register::statistics::{self, Figures, day};
use register::{Catalogue, Category, LanguageCode, LanguageKind, Timestamp};

use crate::cli::{DbArgs, FiguresTable, StatsArgs, StatsCommand};
use crate::sheet::{Cell, Column, Sheet, render};

fn kind_code(kind: LanguageKind) -> &'static str {
    kind.as_str()
}

fn category_columns(prefix: &str) -> Vec<Column> {
    Category::ALL
        .iter()
        .map(|c| Column::new(format!("{prefix}{}", c.as_str()), c.as_str()))
        .collect()
}

fn counts(ns: impl IntoIterator<Item = u64>) -> impl Iterator<Item = Cell> {
    ns.into_iter().map(Cell::Count)
}

/// Table 3-4-1 by kind, with the share A–D, and a row for every kind together.
pub fn kinds_sheet(figures: &Figures) -> Sheet {
    let mut columns = vec![Column::new("kind", "Tolketype")];
    columns.extend(category_columns(""));
    columns.push(Column::new("total", "Sum"));
    columns.push(Column::new("share_a_d", "Andel A–D"));
    let row = |code: &str, kind: Option<LanguageKind>| {
        let mut row = vec![Cell::Text(code.to_string())];
        row.extend(counts(figures.per_category(kind)));
        row.push(Cell::Count(figures.total(kind)));
        row.push(Cell::Share(figures.highly_qualified_share(kind)));
        row
    };
    let mut rows: Vec<Vec<Cell>> = LanguageKind::ALL.iter().map(|k| row(kind_code(*k), Some(*k))).collect();
    rows.push(row("all", None));
    Sheet {
        id: "kinds",
        title: format!("Oppføringer per kategori og tolketype per {}", figures.day),
        columns,
        rows,
    }
}

pub fn persons_sheet(figures: &Figures) -> Sheet {
    Sheet {
        id: "persons",
        title: format!("Personer per {}", figures.day),
        columns: vec![
            Column::new("unique_persons", "Unike personer"),
            Column::new("persons_two_or_more_languages", "To eller flere språk"),
            Column::new("share_a_d", "Andel A–D"),
        ],
        rows: vec![vec![
            Cell::Count(figures.unique_persons),
            Cell::Count(figures.persons_with_two_or_more_languages),
            Cell::Share(figures.highly_qualified_share(None)),
        ]],
    }
}

/// Entries per language and category, largest language first.
pub fn languages_sheet(figures: &Figures, catalogue: &Catalogue) -> Sheet {
    let mut codes: Vec<LanguageCode> = figures.cells.iter().map(|c| c.language).collect();
    codes.dedup();
    codes.sort_by_key(|c| (std::cmp::Reverse(figures.in_language(*c)), c.as_str().to_string()));
    let mut columns = vec![
        Column::new("language", "Kode"),
        Column::new("name", "Språk"),
        Column::new("kind", "Tolketype"),
    ];
    columns.extend(category_columns(""));
    columns.push(Column::new("total", "Sum"));
    let rows = codes
        .iter()
        .map(|code| {
            let language = catalogue.language(*code);
            let mut row = vec![
                Cell::Text(code.to_string()),
                Cell::Text(language.map_or_else(|| code.to_string(), |l| l.names.nb.clone())),
                Cell::Text(language.map_or("", |l| l.kind.as_str()).to_string()),
            ];
            row.extend(counts(Category::ALL.map(|category| {
                figures
                    .cells
                    .iter()
                    .filter(|c| c.language == *code && c.category == category)
                    .map(|c| c.entries)
                    .sum()
            })));
            row.push(Cell::Count(figures.in_language(*code)));
            row
        })
        .collect();
    Sheet {
        id: "languages",
        title: format!("Oppføringer per språk og kategori per {}", figures.day),
        columns,
        rows,
    }
}

/// The half-year series: spoken entries per category (IMDi's table), every kind, persons.
pub fn series_sheet(series: &[Figures]) -> Sheet {
    let spoken = Some(LanguageKind::Spoken);
    let others = [LanguageKind::Sign, LanguageKind::SpeechToText, LanguageKind::Deafblind];
    let mut columns = vec![Column::new("day", "Dag")];
    columns.extend(category_columns("spoken_"));
    columns.push(Column::new("spoken", "Talespråk"));
    columns.extend(others.iter().map(|k| Column::new(k.as_str(), k.as_str())));
    columns.extend([
        Column::new("entries", "Alle"),
        Column::new("unique_persons", "Personer"),
        Column::new("persons_two_or_more_languages", "2+ språk"),
        Column::new("share_a_d", "Andel A–D"),
    ]);
    let rows = series
        .iter()
        .map(|f| {
            let mut row = vec![Cell::Text(f.day.to_string())];
            row.extend(counts(f.per_category(spoken)));
            row.push(Cell::Count(f.total(spoken)));
            row.extend(counts(others.map(|k| f.total(Some(k)))));
            row.extend([
                Cell::Count(f.total(None)),
                Cell::Count(f.unique_persons),
                Cell::Count(f.persons_with_two_or_more_languages),
                Cell::Share(f.highly_qualified_share(None)),
            ]);
            row
        })
        .collect();
    Sheet {
        id: "series",
        title: "Oppføringer per 30. juni og 31. desember (kategoriene gjelder talespråk)".into(),
        columns,
        rows,
    }
}

/// One row a year, one column a figure (the admin's words as headings).
pub fn flows_sheet(flows: &[FlowsYear]) -> Sheet {
    let mut columns = vec![Column::new("year", "År")];
    columns.extend(
        FlowFigure::ALL
            .iter()
            .map(|f| Column::new(f.as_str(), admin::labels::flow_figure(*f))),
    );
    let rows = flows
        .iter()
        .map(|y| {
            let mut row = vec![Cell::Text(y.year.to_string())];
            row.extend(FlowFigure::ALL.iter().map(|f| Cell::Count(y.get(*f))));
            row
        })
        .collect();
    Sheet {
        id: "flows",
        title: "Flyt per år".into(),
        columns,
        rows,
    }
}

pub async fn run(db: &DbArgs, args: StatsArgs) -> anyhow::Result<()> {
    let today = Timestamp::now().date();
    let format = args.format;
    let sheets = match args.table {
        StatsCommand::Figures { day: asked, table } => {
            let chosen = day::check(asked.unwrap_or(today), today)?;
            let store = crate::commands::connect(db).await?;
            let figures = store.figures_on(chosen).await?;
            let all = [FiguresTable::Kinds, FiguresTable::Persons, FiguresTable::Languages];
            let chosen_tables: Vec<FiguresTable> = table.map_or(all.to_vec(), |t| vec![t]);
            chosen_tables
                .into_iter()
                .map(|t| match t {
                    FiguresTable::Kinds => kinds_sheet(&figures),
                    FiguresTable::Persons => persons_sheet(&figures),
                    FiguresTable::Languages => languages_sheet(&figures, store.catalogue()),
                })
                .collect()
        }
        StatsCommand::Series => {
            let store = crate::commands::connect(db).await?;
            let series = store
                .figures_series(&statistics::series_days(day::FIRST_YEAR, today))
                .await?;
            vec![series_sheet(&series)]
        }
        StatsCommand::Rebuild => {
            let store = crate::commands::connect(db).await?;
            let started = std::time::Instant::now();
            store.rebuild_statistics().await?;
            println!(
                "Statistikken er bygd på nytt fra registerets historikk ({:.1} s).",
                started.elapsed().as_secs_f64()
            );
            return Ok(());
        }
        StatsCommand::Flows { from, to } => {
            let years = YearRange::new(from.unwrap_or(day::FIRST_YEAR), to.unwrap_or(today.year()))?;
            let store = crate::commands::connect(db).await?;
            let sheet = flows_sheet(&store.flows(years).await?);
            // Sixteen figures side by side are too wide for a terminal: years across instead.
            vec![if format == crate::sheet::Format::Text {
                sheet.transposed()
            } else {
                sheet
            }]
        }
    };
    let text = render(&sheets, format).map_err(anyhow::Error::msg)?;
    print!("{text}");
    Ok(())
}
