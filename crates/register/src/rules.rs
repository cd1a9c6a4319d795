//! Applies a command to an interpreter's record under the domain rules: validation, licence and
//! entry transitions, and re-deriving every category afterwards. Pure: no I/O, no clock.

use time::Date;
use validator::Validate;

use crate::category::{self, Facts};
use crate::command::Command;
use crate::entry_status::{self, EntryStatus, StatusEvent, TransitionError};
use crate::interpreter::{Profile, describe_validation};
use crate::language::LanguageCode;
use crate::licence::{Licence, LicenceStatus};
use crate::qualification::InvalidQualification;
use crate::record::{AuthorisationTest, Entry, InterpreterRecord};
use crate::reference::Catalogue;

/// Why a command was refused. Messages are for users, in Norwegian.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("ugyldige opplysninger: {}", .0.iter().map(|(f, m)| format!("{f}: {m}")).collect::<Vec<_>>().join("; "))]
    InvalidProfile(Vec<(String, String)>),
    #[error("ukjent språkkode {0}")]
    UnknownLanguage(LanguageCode),
    #[error(transparent)]
    Qualification(#[from] InvalidQualification),
    #[error("fant ingen gjeldende kvalifikasjon nr. {0}")]
    NoSuchQualification(i32),
    #[error("fant ingen bevilling nr. {0}")]
    NoSuchLicence(i32),
    #[error("statsautorisasjon finnes bare for talespråk, ikke for {0}")]
    NoAuthorisationForKind(LanguageCode),
    #[error("tolken har allerede en gjeldende bevilling for {0}")]
    LicenceExists(LanguageCode),
    #[error("bevillingen kan ikke gå fra {from} til {to}")]
    LicenceTransition { from: &'static str, to: &'static str },
    #[error("vedtaksreferanse mangler")]
    DecisionRefMissing,
    #[error("tolken oppfyller ingen kvalifikasjonskategori for {0}")]
    NotEligible(LanguageCode),
    #[error("tolken er allerede oppført for {0}")]
    AlreadyListed(LanguageCode),
    #[error("tolken har ingen oppføring for {0}")]
    NoSuchEntry(LanguageCode),
    #[error("tolken har ingen oppføringer denne endringen gjelder")]
    NothingToChange,
    #[error(transparent)]
    Transition(#[from] TransitionError),
    #[error("datoen {0} ligger fram i tid")]
    DateInFuture(Date),
    /// Exclusion for a period or permanently without the grounds tolkeloven § 21 requires.
    #[error(
        "utestenging for en periode eller permanent krever {needed} advarsler i løpet av {years} år eller et vesentlig brudd fastslått i en varselsak (tolkeloven § 21); tolken har {warnings} advarsler i perioden. Midlertidig utestenging mens en sak behandles krever ikke dette"
    )]
    ExclusionWithoutGrounds { warnings: usize, needed: u8, years: u8 },
}

/// Validates a profile for a new or changed interpreter.
pub fn check_profile(profile: &Profile) -> Result<(), RuleError> {
    profile
        .validate()
        .map_err(|e| RuleError::InvalidProfile(describe_validation(&e)))
}

/// Applies `command` on `today` and returns the record as it stands afterwards, with every
/// entry's category and basis re-derived. The input record is left untouched.
pub fn apply(
    record: &InterpreterRecord,
    command: &Command,
    catalogue: &Catalogue,
    today: Date,
) -> Result<InterpreterRecord, RuleError> {
    let mut r = record.clone();
    match command {
        Command::UpdateProfile { profile } => {
            check_profile(profile)?;
            r.profile = profile.clone();
        }
        Command::AddQualification { qualification } => {
            qualification.validate()?;
            if let Some(language) = qualification.language {
                known(catalogue, language)?;
            }
            not_in_future(qualification.completed_on, today)?;
            let no = InterpreterRecord::next_no(r.qualifications.iter().map(|q| q.no), r.qualification_high_water);
            r.qualification_high_water = no;
            r.qualifications.push(qualification.clone().numbered(no));
        }
        Command::EndQualification { no } => {
            let before = r.qualifications.len();
            r.qualifications.retain(|q| q.no != *no);
            if r.qualifications.len() == before {
                return Err(RuleError::NoSuchQualification(*no));
            }
        }
        Command::RecordAuthorisationTest {
            language,
            part,
            taken_on,
            passed,
        } => {
            authorisable(catalogue, *language)?;
            not_in_future(*taken_on, today)?;
            let no = InterpreterRecord::next_no(r.tests.iter().map(|t| t.no), 0);
            r.tests.push(AuthorisationTest {
                no,
                language: *language,
                part: *part,
                taken_on: *taken_on,
                passed: *passed,
            });
        }
        Command::GrantLicence {
            language,
            granted_on,
            decision_ref,
        } => {
            authorisable(catalogue, *language)?;
            not_in_future(*granted_on, today)?;
            if decision_ref.trim().is_empty() {
                return Err(RuleError::DecisionRefMissing);
            }
            if r.licences
                .iter()
                .any(|l| l.language == *language && l.status != LicenceStatus::Revoked)
            {
                return Err(RuleError::LicenceExists(*language));
            }
            let no = InterpreterRecord::next_no(r.licences.iter().map(|l| l.no), 0);
            r.licences.push(Licence {
                no,
                language: *language,
                granted_on: *granted_on,
                decision_ref: decision_ref.trim().to_string(),
                status: LicenceStatus::Active,
            });
        }
        Command::ChangeLicenceStatus { no, status } => {
            let licence = r
                .licences
                .iter_mut()
                .find(|l| l.no == *no)
                .ok_or(RuleError::NoSuchLicence(*no))?;
            if !licence.status.may_become(*status) {
                return Err(RuleError::LicenceTransition {
                    from: licence.status.as_str(),
                    to: status.as_str(),
                });
            }
            licence.status = *status;
        }
        Command::ReinstateLicence { no } => {
            let licence = r
                .licences
                .iter_mut()
                .find(|l| l.no == *no)
                .ok_or(RuleError::NoSuchLicence(*no))?;
            if licence.status != LicenceStatus::Revoked {
                return Err(RuleError::LicenceTransition {
                    from: licence.status.as_str(),
                    to: LicenceStatus::Active.as_str(),
                });
            }
            licence.status = LicenceStatus::Active;
        }
        Command::ApproveEntry { language } => approve(&mut r, *language, catalogue, today)?,
        Command::Withdraw { language } => match language {
            Some(language) => {
                let entry = r.entry_mut(*language).ok_or(RuleError::NoSuchEntry(*language))?;
                entry.status = entry_status::transition(entry.status, StatusEvent::Withdraw, today)?;
            }
            None => for_each_entry(&mut r, StatusEvent::Withdraw, today)?,
        },
        Command::Suspend => for_each_entry(&mut r, StatusEvent::Suspend, today)?,
        Command::LiftSuspension => for_each_entry(&mut r, StatusEvent::LiftSuspension, today)?,
        Command::Exclude { until } => for_each_entry(&mut r, StatusEvent::Exclude { until: *until }, today)?,
        Command::LiftExclusion => for_each_entry(&mut r, StatusEvent::LiftExclusion, today)?,
        Command::RecordExpiredExclusions => {
            let mut any = false;
            for e in &mut r.entries {
                if matches!(e.status, EntryStatus::Excluded { until } if until <= today) {
                    e.status = EntryStatus::Active;
                    any = true;
                }
            }
            if !any {
                return Err(RuleError::NothingToChange);
            }
        }
    }
    rederive(&mut r, catalogue);
    Ok(r)
}

fn known(catalogue: &Catalogue, language: LanguageCode) -> Result<(), RuleError> {
    catalogue
        .language(language)
        .map(|_| ())
        .ok_or(RuleError::UnknownLanguage(language))
}

fn authorisable(catalogue: &Catalogue, language: LanguageCode) -> Result<(), RuleError> {
    let lang = catalogue
        .language(language)
        .ok_or(RuleError::UnknownLanguage(language))?;
    if lang.kind.has_state_authorisation() {
        Ok(())
    } else {
        Err(RuleError::NoAuthorisationForKind(language))
    }
}

fn not_in_future(day: Date, today: Date) -> Result<(), RuleError> {
    if day > today {
        Err(RuleError::DateInFuture(day))
    } else {
        Ok(())
    }
}

fn approve(
    r: &mut InterpreterRecord,
    language: LanguageCode,
    catalogue: &Catalogue,
    today: Date,
) -> Result<(), RuleError> {
    let lang = catalogue
        .language(language)
        .ok_or(RuleError::UnknownLanguage(language))?;
    let facts = Facts::collect(language, &r.qualifications, &r.licences);
    if category::derive(lang.kind, &facts).is_none() {
        return Err(RuleError::NotEligible(language));
    }
    match r.entry_mut(language) {
        Some(entry) if entry.status == EntryStatus::Withdrawn => {
            entry.status = entry_status::transition(entry.status, StatusEvent::Reinstate, today)?;
        }
        Some(_) => return Err(RuleError::AlreadyListed(language)),
        None => r.entries.push(Entry {
            language,
            kind: lang.kind,
            category: None,
            status: EntryStatus::Active,
        }),
    }
    Ok(())
}

/// Applies a person-level event to every entry that allows it; refuses when none does, with
/// the reason the first entry gave.
fn for_each_entry(r: &mut InterpreterRecord, event: StatusEvent, today: Date) -> Result<(), RuleError> {
    let mut first_error = None;
    let mut changed = false;
    for e in &mut r.entries {
        match entry_status::transition(e.status, event, today) {
            Ok(next) => {
                e.status = next;
                changed = true;
            }
            Err(err) => {
                first_error.get_or_insert(err);
            }
        }
    }
    match (changed, first_error) {
        (true, _) => Ok(()),
        (false, Some(err)) => Err(err.into()),
        (false, None) => Err(RuleError::NothingToChange),
    }
}

/// Re-derives every entry's category and moves entries between active and no-basis to match.
pub fn rederive(r: &mut InterpreterRecord, catalogue: &Catalogue) {
    for e in &mut r.entries {
        let kind = catalogue.language(e.language).map(|l| l.kind).unwrap_or(e.kind);
        let facts = Facts::collect(e.language, &r.qualifications, &r.licences);
        e.kind = kind;
        e.category = category::derive(kind, &facts);
        e.status = match (e.status, e.category) {
            (EntryStatus::Active, None) => EntryStatus::NoBasis,
            (EntryStatus::NoBasis, Some(_)) => EntryStatus::Active,
            (status, _) => status,
        };
    }
}
