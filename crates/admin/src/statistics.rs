//! The statistician's workspace (`/statistikk`): the register's figures on any day from 2020 to
//! today, unsuppressed, the half-year series and the flows per year. Counts only, no personal data.

use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use maud::{Markup, html};
use register::statistics::flows::{FlowFigure, FlowsYear, YearRange};
use register::statistics::{self, Figures, day};
use register::{Catalogue, Category, LanguageCode, LanguageKind, Timestamp};
use serde::Deserialize;
use time::Date;

use crate::AdminState;
use crate::auth::Authorised;
use crate::auth::role::Statistics;
use crate::error::AdminError;
use crate::{forms, labels, layout};

pub fn routes() -> Router<AdminState> {
    Router::new().route("/statistikk", get(statistics_page))
}

/// The pages of the workspace, in the order of its menu: (path, name).
const WORKSPACE: &[(&str, &str)] = &[
    ("/statistikk", "Tall per dag og flyt per år"),
    ("/statistikk/dekning", "Dekningsgrad per språk"),
    ("/statistikk/ettersporsel", "Etterspørsel: importer Tolkemonitor-tall"),
    ("/statistikk/varsler", "Varsler og utvalget: årstall (også som CSV)"),
];

/// The workspace's menu, with `current` marked; every page of the workspace shows it.
pub fn workspace_nav(current: &str) -> Markup {
    html! {
        nav aria-label="Statistikk" {
            ul {
                @for (path, name) in WORKSPACE {
                    li {
                        @if *path == current {
                            a href=(path) aria-current="page" { (name) }
                        } @else {
                            a href=(path) { (name) }
                        }
                    }
                }
            }
        }
    }
}

#[derive(Debug, Deserialize)]
struct DayQuery {
    dag: Option<String>,
}

/// The day asked for (today when none), or why it cannot be shown.
fn chosen_day(query: &DayQuery, today: Date) -> Result<Date, AdminError> {
    let Some(text) = query.dag.as_deref().filter(|t| !t.trim().is_empty()) else {
        return Ok(today);
    };
    let day = forms::parse_date(text).map_err(|e| AdminError::BadRequest(format!("Ugyldig dag: {e}.")))?;
    day::check(day, today).map_err(|e| AdminError::BadRequest(labels::statistics_day_error(e)))
}

fn share(x: f64) -> String {
    format!("{:.1} %", x * 100.0).replace('.', ",")
}

/// The kinds that have any entry on the day, in the catalogue's order.
fn kinds(figures: &Figures) -> Vec<LanguageKind> {
    LanguageKind::ALL
        .into_iter()
        .filter(|k| figures.total(Some(*k)) > 0)
        .collect()
}

/// Languages with an entry on the day, largest first, then by name.
fn languages(figures: &Figures, catalogue: &Catalogue) -> Vec<LanguageCode> {
    let mut codes: Vec<LanguageCode> = figures.cells.iter().map(|c| c.language).collect();
    codes.dedup();
    codes.sort_by_key(|code| {
        (
            std::cmp::Reverse(figures.in_language(*code)),
            labels::language(catalogue, *code),
        )
    });
    codes
}

fn categories_view(figures: &Figures) -> Markup {
    html! {
        table id="categories" {
            caption { "Oppføringer per kategori og tolketype (tabell 3-4-1 i IMDis årsrapport gjelder talespråk)" }
            thead {
                tr {
                    th scope="col" { "Tolketype" }
                    @for c in Category::ALL { th scope="col" { (c.as_str()) } }
                    th scope="col" { "Sum" } th scope="col" { "Andel A–D" }
                }
            }
            tbody {
                @for kind in kinds(figures) {
                    tr {
                        th scope="row" { (labels::language_kind(kind)) }
                        @for n in figures.per_category(Some(kind)) { td { (n) } }
                        td { (figures.total(Some(kind))) } td { (share(figures.highly_qualified_share(Some(kind)))) }
                    }
                }
            }
            tfoot {
                tr {
                    th scope="row" { "Alle" }
                    @for n in figures.per_category(None) { td { (n) } }
                    td { (figures.total(None)) } td { (share(figures.highly_qualified_share(None))) }
                }
            }
        }
        dl class="facts" {
            dt { "Unike personer" } dd { (figures.unique_persons) }
            dt { "Personer med to eller flere språk" } dd { (figures.persons_with_two_or_more_languages) }
            dt { "Andel høyt kvalifiserte (A–D), alle oppføringer" } dd { (share(figures.highly_qualified_share(None))) }
        }
    }
}

fn languages_view(figures: &Figures, catalogue: &Catalogue) -> Markup {
    let codes = languages(figures, catalogue);
    let per_category = |code: LanguageCode, category: Category| -> u64 {
        figures
            .cells
            .iter()
            .filter(|c| c.language == code && c.category == category)
            .map(|c| c.entries)
            .sum()
    };
    html! {
        h2 { "Språk og kategori" }
        table id="language-category" {
            thead {
                tr {
                    th scope="col" { "Språk" }
                    @for c in Category::ALL { th scope="col" { (c.as_str()) } }
                    th scope="col" { "Sum" }
                }
            }
            tbody {
                @for code in &codes {
                    tr {
                        th scope="row" { (labels::language(catalogue, *code)) }
                        @for c in Category::ALL { td { (per_category(*code, c)) } }
                        td { (figures.in_language(*code)) }
                    }
                }
            }
        }
        h2 { "Språk og fylke" }
        p { "Fylket er tolkens bostedsfylke den dagen." }
        table id="language-county" {
            thead {
                tr {
                    th scope="col" { "Språk" }
                    @for county in catalogue.counties() { th scope="col" { (county.name) } }
                    th scope="col" { "Sum" }
                }
            }
            tbody {
                @for code in &codes {
                    tr {
                        th scope="row" { (labels::language(catalogue, *code)) }
                        @for county in catalogue.counties() { td { (figures.in_language_and_county(*code, county.code)) } }
                        td { (figures.in_language(*code)) }
                    }
                }
            }
        }
    }
}

fn series_view(series: &[Figures]) -> Markup {
    let spoken = Some(LanguageKind::Spoken);
    html! {
        h2 { "Halvårsserie" }
        p { "Per 30. juni og 31. desember fra 2020 til i dag. Kategoriene gjelder talespråk." }
        table id="series" {
            thead {
                tr {
                    th scope="col" { "Dag" }
                    @for c in Category::ALL { th scope="col" { (c.as_str()) } }
                    th scope="col" { "Talespråk" }
                    @for kind in [LanguageKind::Sign, LanguageKind::SpeechToText, LanguageKind::Deafblind] {
                        th scope="col" { (labels::language_kind(kind)) }
                    }
                    th scope="col" { "Alle oppføringer" } th scope="col" { "Personer" }
                    th scope="col" { "To eller flere språk" } th scope="col" { "Andel A–D" }
                }
            }
            tbody {
                @for f in series {
                    tr {
                        th scope="row" { (labels::date(f.day)) }
                        @for n in f.per_category(spoken) { td { (n) } }
                        td { (f.total(spoken)) }
                        @for kind in [LanguageKind::Sign, LanguageKind::SpeechToText, LanguageKind::Deafblind] {
                            td { (f.total(Some(kind))) }
                        }
                        td { (f.total(None)) } td { (f.unique_persons) }
                        td { (f.persons_with_two_or_more_languages) } td { (share(f.highly_qualified_share(None))) }
                    }
                }
            }
        }
    }
}

/// The flows with figures as rows and years as columns, so a year reads down one column.
pub fn flows_view(flows: &[FlowsYear]) -> Markup {
    html! {
        h2 { "Flyt per år" }
        p {
            "Nye kvalifikasjoner etter vei inn, saker om utenlandsk utdanning, og oppføringer lagt til og avsluttet etter årsak. "
            "En oppføring som avsluttes og kommer tilbake, telles som avsluttet og som lagt til igjen. "
            "Nye i kategori E ved tospråktest og TAO er oppføringer som første gang fikk en kategori det året."
        }
        table id="flows" {
            thead {
                tr {
                    th scope="col" { "Tall" }
                    @for f in flows { th scope="col" { (f.year) } }
                }
            }
            tbody {
                @for figure in FlowFigure::ALL {
                    tr {
                        th scope="row" { (labels::flow_figure(figure)) }
                        @for f in flows { td { (f.get(figure)) } }
                    }
                }
            }
        }
    }
}

async fn statistics_page(
    State(state): State<AdminState>,
    user: Authorised<Statistics>,
    Query(query): Query<DayQuery>,
) -> Result<Markup, AdminError> {
    let today = Timestamp::now().date();
    let chosen = chosen_day(&query, today)?;
    let store = &state.store;
    let figures = store.figures_on(chosen).await?;
    let series = store
        .figures_series(&statistics::series_days(day::FIRST_YEAR, today))
        .await?;
    let years = YearRange::new(day::FIRST_YEAR, today.year()).map_err(|e| AdminError::Internal(e.to_string()))?;
    let flows = store.flows(years).await?;
    let catalogue = store.catalogue();
    let body = html! {
        h1 { "Registerstatistikk" }
        (workspace_nav("/statistikk"))
        p {
            strong { "Tallene er ikke skjermet. " }
            "Som statistiker ser du de faktiske tallene, også celler med ett eller to oppføringer. "
            "I offentlige tabeller skjules små celler i språk og fylke, fordi språk kan avsløre etnisk opprinnelse. "
            "Del ikke disse tallene videre uten skjerming."
        }
        form method="get" action="/statistikk" {
            label for="dag" { "Vis tallene per dag" }
            " "
            input type="date" id="dag" name="dag" value=(chosen) min=(day::first_day()) max=(today) required;
            " "
            button type="submit" { "Vis" }
            p class="hint" { "Velg en dag fra 1. januar 2020 til i dag. Tallene gjelder ved slutten av dagen." }
        }
        h2 { "Oppføringer per " (labels::date(chosen)) }
        (categories_view(&figures))
        (languages_view(&figures, catalogue))
        (series_view(&series))
        (flows_view(&flows))
    };
    Ok(layout::page("Statistikk", Some(&user), body))
}
