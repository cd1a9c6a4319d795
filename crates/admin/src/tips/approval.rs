//! Four-eyes on tip cases: the box with the change waiting for a second person, where a senior
//! caseworker other than the proposer approves it (it takes effect) or rejects it with a note
//! (the POST handlers are in `posts`).

use maud::{Markup, html};
use register::tips::TipCase;
use register::tips::case::Proposal;

use super::actions::{Failed, proposal_text};
use super::fields::Fields;
use super::history::describe;
use super::who;
use crate::auth::{Role, Staff};
use crate::forms::{self, Errors};

/// The pending proposal, with approve and reject for seniors other than the proposer.
pub fn pending_box(case: &TipCase, p: &Proposal, staff: &Staff, failed: Option<&Failed>) -> Markup {
    let own = p.proposed_by == staff.actor();
    let senior = staff.has(Role::SeniorCaseworker);
    let no_errors = Errors::default();
    let note = Fields {
        prefix: "reject",
        errors: failed.map_or(&no_errors, |f| &f.errors),
    };
    let typed = failed.map_or("", |f| f.form.note.as_str());
    html! {
        section class="notice" id="pending" aria-labelledby="pending-title" {
            h2 id="pending-title" { "Venter på godkjenning: " (proposal_text(&p.proposal)) }
            p { (describe(&p.proposal)) }
            p { "Foreslått av " (who(&p.proposed_by)) " " (crate::labels::instant(p.proposed_at)) "." }
            @if own {
                p class="hint" { "Du foreslo dette selv. En annen seniorsaksbehandler må godkjenne eller avvise det." }
            } @else if !senior {
                p class="hint" { "Bare en seniorsaksbehandler kan godkjenne eller avvise forslaget." }
            } @else {
                form method="post" action={ "/varsler/" (case.id) "/godkjenn" } {
                    (forms::csrf(&staff.csrf))
                    input type="hidden" name="version" value=(case.version);
                    div class="actions" { button type="submit" { "Godkjenn forslaget" } }
                }
                form method="post" action={ "/varsler/" (case.id) "/avvis" } {
                    (forms::csrf(&staff.csrf))
                    input type="hidden" name="version" value=(case.version);
                    (note.textarea("note", "Begrunnelse for avvisning", typed, None))
                    div class="actions" { button type="submit" class="secondary" { "Avvis forslaget" } }
                }
            }
        }
    }
}
