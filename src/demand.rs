//! `tolkeregister demand …`: importing a Tolkemonitor demand file and printing coverage per
//! language as text, CSV or JSON. Words for the terminal only; the arithmetic is in `register`.

use std::fmt::Write as _;

use anyhow::{Context, bail};
use register::Catalogue;
use register::statistics::coverage::{Counting, Coverage, CoverageParams, LanguageCoverage};
use register::statistics::demand;

use crate::cli::{CoverageArgs, DbArgs, DemandImportArgs, OutputFormat};
use crate::commands::connect;

pub async fn import(db: &DbArgs, args: DemandImportArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("kunne ikke lese {} (må være en UTF-8-tekstfil)", args.file.display()))?;
    let store = connect(db).await?;
    let last_year = time::OffsetDateTime::now_utc().year() + 1;
    let rows = match demand::parse(&text, store.catalogue(), demand::years_up_to(last_year)) {
        Ok(rows) => rows,
        Err(e) => {
            let mut message = format!(
                "{} ble ikke importert; ingenting er lagret. Rett disse {} feilene og prøv igjen:",
                args.file.display(),
                e.problems.len()
            );
            for p in &e.problems {
                let _ = write!(message, "\n  {p}");
            }
            bail!(message);
        }
    };
    let by = format!(
        "cli:{}",
        args.by.as_deref().filter(|b| !b.trim().is_empty()).unwrap_or("ukjent")
    );
    let file_name = args
        .file
        .file_name()
        .map_or_else(|| args.file.display().to_string(), |n| n.to_string_lossy().into_owned());
    let import = store.import_demand(&by, &file_name, &args.note, &rows).await?;
    let years: Vec<String> = import.years.iter().map(ToString::to_string).collect();
    println!(
        "Importerte {} rader etterspørsel fra {} (import nr. {}) for {}.",
        import.rows,
        file_name,
        import.id,
        years.join(", ")
    );
    Ok(())
}

pub async fn coverage(db: &DbArgs, args: CoverageArgs) -> anyhow::Result<()> {
    let params = CoverageParams::new(args.capacity_share, args.assignments_per_full_time)?;
    let store = connect(db).await?;
    let years = store.demand_years().await?;
    if !years.contains(&args.year) {
        let known: Vec<String> = years.iter().map(ToString::to_string).collect();
        bail!(
            "ingen etterspørsel er importert for {}{}",
            args.year,
            if known.is_empty() {
                " (ingen år ennå: bruk `tolkeregister demand import FIL`)".to_string()
            } else {
                format!("; år med etterspørsel: {}", known.join(", "))
            }
        );
    }
    let by_entry = store.coverage(args.year, params, Counting::PersonLanguage).await?;
    let by_person = store.coverage(args.year, params, Counting::UniquePerson).await?;
    let catalogue = store.catalogue();
    let out = match args.format {
        OutputFormat::Json => serde_json::to_string_pretty(&serde_json::json!({
            "year": args.year,
            "params": params,
            "person_language": by_entry,
            "unique_person": by_person,
        }))?,
        OutputFormat::Csv => csv(catalogue, &[&by_entry, &by_person]),
        OutputFormat::Text => format!("{}\n{}", text(catalogue, &by_entry), text(catalogue, &by_person)),
    };
    print!("{out}");
    if !out.ends_with('\n') {
        println!();
    }
    Ok(())
}

fn name(catalogue: &Catalogue, l: &LanguageCoverage) -> String {
    catalogue
        .language(l.language)
        .map_or_else(|| l.language.to_string(), |found| found.names.nb.clone())
}

fn counting_name(c: Counting) -> &'static str {
    match c {
        Counting::PersonLanguage => "person × språk",
        Counting::UniquePerson => "unike personer",
    }
}

/// A number the Norwegian way: decimal comma, `decimals` places.
fn nb(x: f64, decimals: usize) -> String {
    format!("{x:.decimals$}").replace('.', ",")
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |r| format!("{} %", nb(r * 100.0, 0)))
}

fn text(catalogue: &Catalogue, c: &Coverage) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Dekning {} – {} (oppført 31.12.{}; kapasitetsandel {} årsverk per tolk; {} oppdrag per årsverk, en antakelse)",
        c.year,
        counting_name(c.counting),
        c.year,
        nb(c.params.capacity_share, 2),
        nb(c.params.assignments_per_full_time, 0)
    );
    let w = c
        .languages
        .iter()
        .map(|l| name(catalogue, l).chars().count() + l.language.as_str().len() + 3)
        .max()
        .unwrap_or(0)
        .max(12);
    let _ = writeln!(
        s,
        "{:<w$} {:>9} {:>10} {:>12} {:>10} {:>8} {:>8} {:>12}",
        "Språk", "Oppført", "Kapasitet", "Etterspørsel", "Behov", "Dekning", "Mangler", "Udekket"
    );
    let _ = writeln!(
        s,
        "{:<w$} {:>9} {:>10} {:>12} {:>10} {:>8} {:>8} {:>12}",
        "", "tolker", "årsverk", "oppdrag", "årsverk", "", "tolker", "oppdrag"
    );
    for l in &c.languages {
        let _ = writeln!(
            s,
            "{:<w$} {:>9} {:>10} {:>12} {:>10} {:>8} {:>8} {:>12}",
            format!("{} ({})", name(catalogue, l), l.language),
            nb(l.listed, 1),
            nb(l.capacity_full_time, 1),
            l.demand_assignments,
            nb(l.demand_full_time, 1),
            percent(l.coverage),
            l.interpreters_missing,
            nb(l.uncovered_assignments, 0)
        );
    }
    let t = &c.totals;
    let _ = writeln!(
        s,
        "{:<w$} {:>9} {:>10} {:>12} {:>10} {:>8} {:>8} {:>12}",
        "Sum",
        nb(t.listed, 1),
        nb(t.capacity_full_time, 1),
        t.demand_assignments,
        nb(t.demand_full_time, 1),
        percent(t.coverage),
        t.interpreters_missing,
        nb(t.uncovered_assignments, 0)
    );
    let _ = writeln!(
        s,
        "Andel av etterspørselen som dekkes: {}; {} språk mangler tolker.",
        percent(t.covered_share),
        t.languages_short
    );
    let without: Vec<String> = c
        .without_interpreters()
        .map(|l| format!("{} ({})", name(catalogue, l), l.language))
        .collect();
    if !without.is_empty() {
        let _ = writeln!(s, "Etterspørsel uten noen oppført tolk: {}.", without.join(", "));
    }
    s
}

/// A CSV field, quoted when it must be (RFC 4180).
fn field(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

fn csv(catalogue: &Catalogue, tables: &[&Coverage]) -> String {
    let mut s = String::from(
        "year,counting,capacity_share,assignments_per_full_time,language,language_name,listed,\
         capacity_full_time,demand_assignments,demand_full_time,coverage,interpreters_missing,\
         uncovered_assignments\n",
    );
    for c in tables {
        let counting = match c.counting {
            Counting::PersonLanguage => "person_language",
            Counting::UniquePerson => "unique_person",
        };
        for l in &c.languages {
            let _ = writeln!(
                s,
                "{},{},{},{},{},{},{:.3},{:.3},{},{:.3},{},{},{:.0}",
                c.year,
                counting,
                c.params.capacity_share,
                c.params.assignments_per_full_time,
                l.language,
                field(&name(catalogue, l)),
                l.listed,
                l.capacity_full_time,
                l.demand_assignments,
                l.demand_full_time,
                l.coverage.map_or_else(String::new, |r| format!("{r:.4}")),
                l.interpreters_missing,
                l.uncovered_assignments
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn csv_fields_are_quoted_when_they_must_be() {
        assert_eq!(super::field("arabisk"), "arabisk");
        assert_eq!(super::field("bosnisk, kroatisk"), "\"bosnisk, kroatisk\"");
        assert_eq!(super::field("«a\"b»"), "\"«a\"\"b»\"");
    }
}
