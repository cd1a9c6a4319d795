//! Pages about interpreters: search results, the registration form, and the dossier with
//! derived categories, licences, pending four-eyes changes, decisions, cases and history.

use std::collections::BTreeSet;

use maud::{Markup, html};
use register::casework::four_eyes::describe;
use register::casework::{ApprovalStatus, Decision, ForeignCase, PendingApproval};
use register::category::{self, Facts};
use register::interpreter::{Availability, Gender};
use register::national_id::NationalId;
use register::store::AuditItem;
use register::{Catalogue, InterpreterNumber, InterpreterRecord, LanguageCode};

use super::form::RegistrationForm;
use crate::forms::{self, Errors};
use crate::labels;

/// Confirmation texts after a change, chosen by a fixed code (never text from the URL).
pub fn notice(code: &str) -> Option<&'static str> {
    Some(match code {
        "registered" => "Tolken er registrert.",
        "qualification" => "Kvalifikasjonen er registrert. Kategorien er beregnet på nytt.",
        "test" => "Resultatet fra autorisasjonsprøven er registrert.",
        "licence" => "Bevillingen er registrert. Kategorien er beregnet på nytt.",
        "changed" => "Endringen er utført.",
        "awaiting" => {
            "Endringen er sendt til godkjenning. Den gjelder først når en annen seniorsaksbehandler har godkjent den."
        }
        "decision" => "Vedtaket er fattet.",
        _ => return None,
    })
}

pub fn notice_box(code: &str) -> Markup {
    html! {
        @if let Some(text) = notice(code) { p class="notice ok" role="status" { (text) } }
    }
}

/// The search form posts, so a national identity number typed into it never reaches the
/// address bar, the history or a log; the browser is asked not to remember what was typed.
/// `hits` is `None` before anything was searched.
pub fn search_page(
    csrf: &str,
    query: &super::SearchQuery,
    moved: bool,
    hits: Option<&[InterpreterRecord]>,
    errors: &Errors,
    catalogue: &Catalogue,
) -> Markup {
    let mut languages: Vec<(String, String)> = catalogue
        .languages()
        .map(|l| (l.code.to_string(), l.names.nb.clone()))
        .collect();
    languages.sort_by(|a, b| a.1.cmp(&b.1));
    let categories: Vec<(String, String)> = ["A", "B", "C", "D", "E"]
        .iter()
        .map(|c| (c.to_string(), format!("{c} eller bedre")))
        .collect();
    let statuses: Vec<(String, String)> = super::STATUSES
        .iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect();
    let counties: Vec<(String, String)> = catalogue
        .counties()
        .map(|c| (c.code.to_string(), c.name.clone()))
        .collect();
    html! {
        h1 { "Finn tolk" }
        @if moved {
            p class="notice" role="status" { "Fødselsnummer søkes ikke fra adressefeltet, slik at det ikke havner i nettleserhistorikk og logger. Skriv det inn i søkefeltet her." }
        }
        (forms::summary(errors, None))
        form method="post" action="/tolker/sok" {
            (forms::csrf(csrf))
            div class="field" {
                label for="q" { "Navn, tolkenummer, e-post, telefon eller fødselsnummer" }
                p class="hint" id="q-hint" { "Deler av navn og skrivefeil går an, for eksempel «Qasm» for Qasim." }
                input type="search" id="q" name="q" value=(query.q) autocomplete="off" aria-describedby="q-hint";
            }
            fieldset class="filters" {
                legend { "Avgrens" }
                (forms::select("language", "Språk", &languages, &query.language, Some("Alle språk"), errors))
                (forms::select("category", "Kategori", &categories, &query.category, Some("Alle kategorier"), errors))
                (forms::select("status", "Status for oppføringen", &statuses, &query.status, Some("Alle"), errors))
                (forms::select("county", "Fylke", &counties, &query.county, Some("Alle fylker"), errors))
            }
            div class="actions" { button type="submit" { "Søk" } a href="/tolker/ny" { "Registrer ny tolk" } }
        }
        @if let Some(hits) = hits {
            h2 { "Treff (" (hits.len()) ")" }
            @if hits.is_empty() { p { "Ingen tolker passer søket." } } @else {
                table id="hits" {
                    thead { tr { th { "Tolkenummer" } th { "Navn" } th { "Fylke" } th { "Oppføringer" } } }
                    tbody {
                        @for r in hits {
                            tr {
                                td { a href={ "/tolker/" (r.number) } { (r.number) } }
                                td { (r.profile.display_name()) }
                                td { (catalogue.county(r.profile.county).map(|c| c.name.as_str()).unwrap_or("")) }
                                td {
                                    ul class="plain" {
                                        @for e in &r.entries {
                                            li { (labels::language(catalogue, e.language)) ": " (e.category.map(|c| c.as_str()).unwrap_or("ingen kategori")) ", " (crate::labels::entry_status_name(e.status)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub fn new_interpreter_page(
    csrf: &str,
    f: &RegistrationForm,
    errors: &Errors,
    general: Option<&str>,
    catalogue: &Catalogue,
) -> Markup {
    html! {
        h1 { "Registrer tolk" }
        p { "Fra en søknad på papir eller per e-post. Fødselsnummeret blir bare i saksbehandlertjenesten." }
        (forms::summary(errors, general))
        form method="post" action="/tolker" novalidate {
            (forms::csrf(csrf))
            fieldset {
                legend { "Søknaden" }
                (forms::select("source", "Søknaden kom inn som", &forms::options(&[("paper", "papirsøknad"), ("email", "e-post")]), &f.source, Some("Velg …"), errors))
                (forms::text("source_ref", "Journalnummer", &f.source_ref, errors))
            }
            (profile_fields(f, errors, catalogue, true))
            div class="actions" { button type="submit" { "Registrer tolk" } }
        }
    }
}

/// The person, contact and work fieldsets of a profile, filled with `f`; the national identity
/// number only when it is being entered (registration), never on a correction.
pub fn profile_fields(f: &RegistrationForm, errors: &Errors, catalogue: &Catalogue, with_national_id: bool) -> Markup {
    let genders: Vec<(String, String)> = Gender::ALL
        .iter()
        .map(|g| (g.as_str().to_string(), labels::gender(*g).to_string()))
        .collect();
    let availability: Vec<(String, String)> = Availability::ALL
        .iter()
        .map(|a| (a.as_str().to_string(), labels::availability(*a).to_string()))
        .collect();
    let counties: Vec<(String, String)> = catalogue
        .counties()
        .map(|c| (c.code.to_string(), format!("{} ({})", c.name, c.code)))
        .collect();
    html! {
        fieldset {
            legend { "Person" }
            @if with_national_id {
                (forms::input("text", "national_id", "Fødselsnummer eller D-nummer (11 siffer)", &f.national_id, errors, None))
            }
            (forms::text("given_name", "Fornavn", &f.given_name, errors))
            (forms::text("family_name", "Etternavn", &f.family_name, errors))
            (forms::text("preferred_name", "Foretrukket fornavn (valgfritt)", &f.preferred_name, errors))
            (forms::select("gender", "Kjønn", &genders, &f.gender, Some("Velg …"), errors))
        }
        fieldset {
            legend { "Kontakt og bosted" }
            (forms::select("county", "Fylke", &counties, &f.county, Some("Velg …"), errors))
            (forms::input("tel", "phone", "Telefon", &f.phone, errors, None))
            (forms::input("email", "email", "E-post", &f.email, errors, None))
            (forms::text("street", "Gateadresse (valgfritt)", &f.street, errors))
            (forms::text("postal_code", "Postnummer", &f.postal_code, errors))
            (forms::text("city", "Poststed", &f.city, errors))
            (forms::checkbox("address_public", "Tolken samtykker i at adressen vises offentlig", f.address_public.is_some()))
        }
        fieldset {
            legend { "Arbeid" }
            (forms::select("availability", "Tilgjengelighet", &availability, &f.availability, Some("Velg …"), errors))
            (forms::checkbox("on_site", "Oppmøte", f.on_site.is_some()))
            (forms::checkbox("telephone", "Telefon", f.telephone.is_some()))
            (forms::checkbox("video", "Video", f.video.is_some()))
        }
    }
}

/// Everything the dossier page shows.
pub struct Dossier {
    pub record: InterpreterRecord,
    pub history: Vec<AuditItem>,
    pub approvals: Vec<PendingApproval>,
    pub decisions: Vec<Decision>,
    pub cases: Vec<ForeignCase>,
}

/// The category each language's qualifications and licences give, listed or not yet.
pub fn derived_categories(
    r: &InterpreterRecord,
    catalogue: &Catalogue,
) -> Vec<(LanguageCode, Option<register::Category>)> {
    let mut languages: BTreeSet<LanguageCode> = r.qualifications.iter().filter_map(|q| q.language).collect();
    languages.extend(r.licences.iter().map(|l| l.language));
    languages.extend(r.entries.iter().map(|e| e.language));
    languages
        .into_iter()
        .filter_map(|code| {
            let kind = catalogue.language(code)?.kind;
            Some((
                code,
                category::derive(kind, &Facts::collect(code, &r.qualifications, &r.licences)),
            ))
        })
        .collect()
}

pub fn interpreter_page(d: &Dossier, catalogue: &Catalogue, ok: &str, csrf: &str, reveal: super::Reveal) -> Markup {
    let r = &d.record;
    let p = &r.profile;
    let n = r.number;
    let pending: Vec<&PendingApproval> = d
        .approvals
        .iter()
        .filter(|a| a.status == ApprovalStatus::Pending)
        .collect();
    html! {
        (crate::layout::breadcrumbs(&[("/", "Arbeidsliste"), ("/tolker", "Tolker")], &p.display_name()))
        h1 { (p.display_name()) " – tolk " (n) }
        (notice_box(ok))
        nav aria-label="Handlinger" class="actions no-print" {
            a href={ "/tolker/" (n) "/opplysninger" } { "Rett opplysninger" }
            a href={ "/tolker/" (n) "/kvalifikasjoner/ny" } { "Registrer kvalifikasjon" }
            a href={ "/tolker/" (n) "/autorisasjonsprover/ny" } { "Registrer autorisasjonsprøve" }
            a href={ "/tolker/" (n) "/bevillinger/ny" } { "Gi bevilling" }
            a href={ "/tolker/" (n) "/vedtak/ny" } { "Fatt vedtak" }
            a href={ "/tolker/" (n) "/utestenging" } { "Utestenging" }
            a href={ "/utenlandske-saker/ny?tolk=" (n) } { "Ny sak om utenlandsk kvalifikasjon" }
        }
        h2 { "Personopplysninger" }
        dl class="facts" {
            dt { "Fødselsnummer" } dd { (national_id(n, &p.national_id, csrf, &reveal)) }
            dt { "Navn" } dd { (p.given_name) " " (p.family_name) @if let Some(pn) = &p.preferred_name { " (foretrekker " (pn) ")" } }
            dt { "Kjønn" } dd { (labels::gender(p.gender)) }
            dt { "Fylke" } dd { (catalogue.county(p.county).map(|c| c.name.as_str()).unwrap_or("")) }
            dt { "Telefon" } dd { (p.phone) }
            dt { "E-post" } dd { (p.email) }
            dt { "Adresse" } dd {
                @if let Some(a) = &p.address { (a.street) ", " (a.postal_code) " " (a.city) @if p.address_public { " (offentlig)" } } @else { "ikke oppgitt" }
            }
            dt { "Tilgjengelighet" } dd { (labels::availability(p.availability)) }
        }
        h2 { "Oppføringer i registeret" }
        @if r.entries.is_empty() {
            p { "Tolken er ikke oppført for noe språk. Oppføring krever vedtak." }
        } @else {
            table id="entries" {
                thead { tr { th { "Språk" } th { "Tolketype" } th { "Kategori" } th { "Status" } } }
                tbody {
                    @for e in &r.entries {
                        tr {
                            td { (labels::language(catalogue, e.language)) }
                            td { (labels::language_kind(e.kind)) }
                            td { span class="category" data-language=(e.language) { (e.category.map(|c| c.as_str()).unwrap_or("–")) } }
                            td { (labels::entry_status(e.status)) }
                        }
                    }
                }
            }
        }
        h2 { "Kategori ut fra kvalifikasjonene" }
        p class="hint" { "Beregnet av registerets regler; kategorien kan ikke skrives inn." }
        @let derived = derived_categories(r, catalogue);
        @if derived.is_empty() { p { "Ingen språkspesifikke kvalifikasjoner ennå." } } @else {
            table id="derived" {
                thead { tr { th { "Språk" } th { "Kategori" } } }
                tbody {
                    @for (code, c) in &derived {
                        tr {
                            td { (labels::language(catalogue, *code)) }
                            td { span class="category" data-language=(code) { (c.map(|c| c.as_str()).unwrap_or("ingen")) } }
                        }
                    }
                }
            }
        }
        h2 { "Kvalifikasjoner" }
        @if r.qualifications.is_empty() { p { "Ingen registrerte kvalifikasjoner." } } @else {
            table {
                thead { tr { th { "Nr." } th { "Kvalifikasjon" } th { "Språk" } th { "Fullført" } th { "Lærested" } th { "Dokumentasjon" } th { span class="no-print" { "Endre" } } } }
                tbody {
                    @for q in &r.qualifications {
                        tr {
                            td { (q.no) }
                            td { (labels::qualification(q.kind)) @if let Some(f) = &q.foreign_approval { " (utenlandsk, godkjent " (f) ")" } }
                            td { (q.language.map(|l| labels::language(catalogue, l)).unwrap_or_else(|| "alle".into())) }
                            td { (q.completed_on) }
                            td { (q.institution) }
                            td { (q.evidence_ref) }
                            td class="no-print" { a href={ "/tolker/" (n) "/kvalifikasjoner/" (q.no) "/avslutt" } { "Avslutt" span class="visually-hidden" { " kvalifikasjon " (q.no) } } }
                        }
                    }
                }
            }
        }
        h2 { "Bevillinger (statsautorisasjon)" }
        @if r.licences.is_empty() { p { "Ingen bevillinger." } } @else {
            table id="licences" {
                thead { tr { th { "Nr." } th { "Språk" } th { "Innvilget" } th { "Vedtak" } th { "Status" } th { span class="no-print" { "Endre" } } } }
                tbody {
                    @for l in &r.licences {
                        tr {
                            td { (l.no) }
                            td { (labels::language(catalogue, l.language)) }
                            td { (l.granted_on) }
                            td { (l.decision_ref) }
                            td { (labels::licence_status(l.status)) }
                            td { @if l.status != register::licence::LicenceStatus::Revoked {
                                a href={ "/tolker/" (n) "/bevillinger/" (l.no) "/status" } { "Endre status for bevilling " (l.no) }
                            } }
                        }
                    }
                }
            }
        }
        @if !r.tests.is_empty() {
            h2 { "Autorisasjonsprøven" }
            table {
                thead { tr { th { "Språk" } th { "Del" } th { "Dato" } th { "Resultat" } } }
                tbody {
                    @for t in &r.tests {
                        tr { td { (labels::language(catalogue, t.language)) } td { (labels::test_part(t.part)) } td { (t.taken_on) } td { @if t.passed { "bestått" } @else { "ikke bestått" } } }
                    }
                }
            }
        }
        h2 { "Venter på godkjenning (" (pending.len()) ")" }
        @if pending.is_empty() { p { "Ingen endringer venter på godkjenning." } } @else {
            ul id="pending" {
                @for a in &pending {
                    li { (describe(&a.command)) " – foreslått av " (crate::labels::actor(&a.requested_by)) ": " (a.reason) }
                }
            }
        }
        h2 { "Vedtak" }
        @if d.decisions.is_empty() { p { "Ingen vedtak." } } @else {
            table {
                thead { tr { th { "Vedtak" } th { "Type" } th { "Språk" } th { "Dato" } th { "Klagefrist" } } }
                tbody {
                    @for v in &d.decisions {
                        tr {
                            td { a href={ "/vedtak/" (v.id) } { (v.reference()) } }
                            td { (labels::decision(v.kind)) }
                            td { (v.language.map(|l| labels::language(catalogue, l)).unwrap_or_else(|| "alle".into())) }
                            td { (v.decided_on) }
                            td { (v.appeal_deadline) }
                        }
                    }
                }
            }
        }
        @if !d.cases.is_empty() {
            h2 { "Saker om utenlandsk kvalifikasjon" }
            ul { @for c in &d.cases { li { a href={ "/utenlandske-saker/" (c.id) } { (c.reference()) } " – " (c.title) ", " (c.country) } } }
        }
        h2 { "Historikk" }
        (history(&d.history))
    }
}

/// The national identity number: masked (birth date and stars) unless revealed, and then the
/// reveal has been recorded; a form asks for it with a reason.
fn national_id(n: InterpreterNumber, id: &NationalId, csrf: &str, reveal: &super::Reveal) -> Markup {
    let no_errors = Errors::default();
    let (errors, reason) = match reveal {
        super::Reveal::Shown => {
            return html! {
                (id.expose())
                p class="hint" role="status" { "Visningen er logget i historikken med begrunnelsen din." }
            };
        }
        super::Reveal::Refused(errors, reason) => (*errors, *reason),
        super::Reveal::Masked => (&no_errors, ""),
    };
    html! {
        (id) " "
        details open[!errors.is_empty()] {
            summary { "Vis hele fødselsnummeret" }
            form method="post" action={ "/tolker/" (n) "/fodselsnummer" } autocomplete="off" {
                (forms::csrf(csrf))
                (forms::input("text", "reason", "Hvorfor trenger du å se det?", reason, errors, Some("Visningen logges med navnet ditt og begrunnelsen.")))
                div class="actions" { button type="submit" { "Vis fødselsnummer" } }
            }
        }
    }
}

fn history(items: &[AuditItem]) -> Markup {
    html! {
        table id="history" {
            thead { tr { th { "Tidspunkt" } th { "Hvem" } th { "Hva" } th { "Hvorfor" } } }
            tbody {
                @for h in items.iter().rev() {
                    tr {
                        td { (crate::labels::instant(h.recorded_at)) }
                        td { (crate::labels::actor(&h.actor)) }
                        td { (labels::action(&h.action)) (summary(&h.detail)) }
                        td { (h.reason) }
                    }
                }
            }
        }
    }
}

/// The audit detail's entry changes ("ARB: kategori D, active"), which show the category moving.
fn summary(detail: &serde_json::Value) -> Markup {
    let entries: Vec<String> = detail
        .as_array()
        .map(|list| {
            list.iter()
                .filter(|m| m.get("change").and_then(|c| c.as_str()) == Some("entry"))
                .map(|m| {
                    let s = |k: &str| m.get(k).and_then(|v| v.as_str()).unwrap_or("–").to_string();
                    let status = register::EntryStatus::from_parts(&s("status"), Some(time::Date::MIN))
                        .map(|e| crate::labels::entry_status_name(e).to_string())
                        .unwrap_or_else(|| s("status"));
                    format!("{}: kategori {}, {status}", s("language"), s("category"))
                })
                .collect()
        })
        .unwrap_or_default();
    html! { @for e in entries { br; small { (e) } } }
}
