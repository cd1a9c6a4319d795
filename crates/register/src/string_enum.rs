//! What the register's string-valued enums share: their stored strings come from strum's derives
//! (`IntoStaticStr` for `as_str`, `EnumString` for `parse`, `VariantArray` for `ALL`), and
//! [`all`] turns strum's variant list into the fixed-size `ALL` arrays callers iterate by value.
//! The strings are stored in databases: `tests` pins every one of them.

use strum::VariantArray;

/// Every variant of `T` in declaration order, as an array; refuses to compile (a panic in const
/// evaluation) when `N` is not the number of variants.
pub(crate) const fn all<T: VariantArray + Copy, const N: usize>() -> [T; N] {
    let variants = T::VARIANTS;
    assert!(variants.len() == N, "ALL must list every variant");
    let mut out = [variants[0]; N];
    let mut i = 1;
    while i < N {
        out[i] = variants[i];
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;
    use std::str::FromStr;

    use crate::casework::decision::{DecisionKind, LetterLanguage};
    use crate::casework::foreign::{ChecklistItem, Equivalent, Outcome};
    use crate::casework::four_eyes::ApprovalStatus;
    use crate::category::Category;
    use crate::interpreter::{Availability, Gender};
    use crate::language::LanguageKind;
    use crate::licence::LicenceStatus;
    use crate::qualification::QualificationKind;
    use crate::record::TestPart;
    use crate::tips::committee::Seat;
    use crate::tips::grounds::Ground;
    use crate::tips::intake::Channel;
    use crate::tips::outcome::ClosureReason;
    use crate::tips::reporter::ReporterRole;
    use crate::tips::status::CaseStatus;

    /// Every variant of `T` reads back from its string, and the strings are exactly `stored`
    /// (the values in databases), in declaration order.
    fn round_trips<T>(variants: &[T], as_str: fn(T) -> &'static str, stored: &[&str])
    where
        T: Copy + PartialEq + Debug + FromStr,
        T::Err: Debug,
    {
        let strings: Vec<&str> = variants.iter().map(|v| as_str(*v)).collect();
        assert_eq!(strings, stored, "{variants:?}");
        for v in variants {
            assert_eq!(as_str(*v).parse::<T>().unwrap(), *v);
        }
        assert!("not a stored value".parse::<T>().is_err());
    }

    #[test]
    fn every_variant_round_trips_through_its_stored_string() {
        round_trips(Gender::ALL, Gender::as_str, &["female", "male", "unspecified"]);
        round_trips(
            Availability::ALL,
            Availability::as_str,
            &["full_time", "part_time", "occasional"],
        );
        round_trips(
            &LicenceStatus::ALL,
            LicenceStatus::as_str,
            &["active", "temporarily_revoked", "revoked"],
        );
        round_trips(
            &QualificationKind::ALL,
            QualificationKind::as_str,
            &[
                "bachelor",
                "foundation_course",
                "bilingual_test",
                "tao_course",
                "authorised_translator",
                "sign_language_training",
                "authorisation",
            ],
        );
        round_trips(&Category::ALL, Category::as_str, &["A", "B", "C", "D", "E"]);
        round_trips(
            &LanguageKind::ALL,
            LanguageKind::as_str,
            &["spoken", "sign", "speech_to_text", "deafblind"],
        );
        round_trips(
            &[TestPart::Written, TestPart::Oral],
            TestPart::as_str,
            &["written", "oral"],
        );
        round_trips(
            &DecisionKind::ALL,
            DecisionKind::as_str,
            &[
                "approve_entry",
                "refuse_entry",
                "withdraw",
                "approve_foreign",
                "refuse_foreign",
            ],
        );
        round_trips(
            &[LetterLanguage::Bokmal, LetterLanguage::Nynorsk],
            LetterLanguage::as_str,
            &["nb", "nn"],
        );
        round_trips(
            &ChecklistItem::ALL,
            ChecklistItem::as_str,
            &[
                "diploma",
                "transcript",
                "course_description",
                "norwegian_proficiency",
                "identity",
            ],
        );
        round_trips(
            &Equivalent::ALL,
            Equivalent::as_str,
            &["bachelor", "authorisation", "foundation_course"],
        );
        round_trips(
            &[Outcome::Approved, Outcome::Refused],
            Outcome::as_str,
            &["approved", "refused"],
        );
        round_trips(
            &[
                ApprovalStatus::Pending,
                ApprovalStatus::Approved,
                ApprovalStatus::Rejected,
            ],
            ApprovalStatus::as_str,
            &["pending", "approved", "rejected"],
        );
        round_trips(
            &[Channel::WebForm, Channel::Email, Channel::Post],
            Channel::as_str,
            &["web_form", "email", "post"],
        );
        round_trips(
            &Seat::ALL,
            Seat::as_str,
            &["degree_interpreter", "educator", "user_representative", "public_booker"],
        );
        round_trips(
            &ReporterRole::ALL,
            ReporterRole::as_str,
            &["public_body", "interpreted_person", "interpreter", "other"],
        );
        round_trips(
            &Ground::ALL,
            Ground::as_str,
            &["good_practice", "confidentiality", "impartiality"],
        );
        round_trips(
            &CaseStatus::ALL,
            CaseStatus::as_str,
            &[
                "received",
                "initial_assessment",
                "closed",
                "investigation",
                "with_committee",
                "advance_notice",
                "decided",
                "appealed",
                "reversed_on_appeal",
                "with_ministry",
                "ministry_decided",
            ],
        );
        round_trips(
            &ClosureReason::ALL,
            ClosureReason::as_str,
            &["not_followed_up", "too_little_information", "outside_power"],
        );
    }

    /// Enums whose stored names come from strum but that are rebuilt by hand (they carry data)
    /// or never read back.
    #[test]
    fn names_only_enums_keep_their_stored_names() {
        use crate::entry_status::EntryStatus;
        use crate::tips::access::{Refusal, Shown};
        use crate::tips::outcome::{DecisionOutcome, MinistryOutcome};
        use crate::ui_language::UiLanguage;
        let day = time::macros::date!(2026 - 01 - 01);
        let statuses = [
            EntryStatus::Active,
            EntryStatus::Suspended,
            EntryStatus::Excluded { until: day },
            EntryStatus::ExcludedPermanently,
            EntryStatus::Withdrawn,
            EntryStatus::NoBasis,
        ];
        let names: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            names,
            [
                "active",
                "suspended",
                "excluded",
                "excluded_permanently",
                "withdrawn",
                "no_basis"
            ]
        );
        for s in statuses {
            assert_eq!(EntryStatus::from_parts(s.as_str(), s.until()), Some(s));
        }
        let outcomes = [
            DecisionOutcome::NoBreach,
            DecisionOutcome::Warning,
            DecisionOutcome::Exclusion { until: day },
            DecisionOutcome::PermanentExclusion,
            DecisionOutcome::Revocation {
                licence_no: 1,
                until: None,
            },
        ];
        let names: Vec<&str> = outcomes.iter().map(|o| o.as_str()).collect();
        assert_eq!(
            names,
            ["no_breach", "warning", "exclusion", "permanent_exclusion", "revocation"]
        );
        assert_eq!(
            [MinistryOutcome::Upheld.as_str(), MinistryOutcome::Reversed.as_str()],
            ["upheld", "reversed"]
        );
        assert_eq!(
            [Shown::Full, Shown::WithoutReporter, Shown::CommitteeSummary].map(Shown::as_str),
            ["full", "without_reporter", "committee_summary"]
        );
        assert_eq!(
            [Refusal::NotOnAgenda, Refusal::Conflict].map(Refusal::as_str),
            ["refused_not_on_agenda", "refused_conflict"]
        );
        assert_eq!(UiLanguage::ALL.map(UiLanguage::code), ["nb", "nn", "en"]);
    }
}
