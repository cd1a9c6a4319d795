//! Documents in a tip case: the upload form (the multipart upload itself, with its size limit,
//! kind checked by content in `register::tips::document` and CSRF token checked before anything
//! is stored, is `posts::upload`) and the audited download as an attachment. Who may download is decided in `register::tips::access`.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use register::tips::document::MAX_DOCUMENT_BYTES;
use register::tips::{TipCase, Viewer};

use super::actions::Failed;
use super::fields::Fields;
use super::parse_id;
use crate::AdminState;
use crate::auth::role::Casework;
use crate::auth::{Authorised, Role, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors};

/// The largest upload request: the document plus room for the other fields.
pub const UPLOAD_LIMIT: usize = MAX_DOCUMENT_BYTES + 64 * 1024;

/// The upload form, with a refused upload's description and errors.
pub fn upload_form(case: &TipCase, staff: &Staff, failed: Option<&Failed>) -> Markup {
    let no_errors = Errors::default();
    let errors = failed.map_or(&no_errors, |f| &f.errors);
    let fields = Fields {
        prefix: "upload",
        errors,
    };
    let reason = failed.map_or("", |f| f.form.reason.as_str());
    let file_error = errors.get("file");
    html! {
        details class="action" id="action-upload" open[failed.is_some()] {
            summary { "Last opp dokument" }
            @if let Some(f) = failed {
                div class="notice error" role="alert" { @if let Some(m) = &f.message { p { (m) } } }
            }
            form method="post" action={ "/varsler/" (case.id) "/dokumenter" } enctype="multipart/form-data" novalidate {
                (forms::csrf(&staff.csrf))
                div class="field" {
                    label for="upload-file" { "Fil" }
                    p class="hint" id="upload-file-hint" { "PDF, PNG, JPEG, ren tekst (UTF-8), DOCX eller ODT, høyst 10 MB. Filtypen sjekkes ut fra innholdet." }
                    input type="file" id="upload-file" name="file"
                        accept=".pdf,.png,.jpg,.jpeg,.txt,.docx,.odt,application/pdf,image/png,image/jpeg,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
                        aria-invalid=[file_error.map(|_| "true")]
                        aria-describedby=(if file_error.is_some() { "upload-file-hint upload-file-error" } else { "upload-file-hint" });
                    @if let Some(m) = file_error { p class="field-error" id="upload-file-error" { (m) } }
                }
                (fields.textarea("reason", "Hva dokumentet er", reason, Some("Kommer i sakshistorikken, for eksempel «Svar fra Oslo universitetssykehus». Skriv ikke varslerens identitet her.")))
                div class="actions" { button type="submit" { "Last opp" } }
            }
        }
    }
}

/// `filename="…"` for old clients (ASCII only) and `filename*=` (RFC 6266) with the real name.
fn content_disposition(filename: &str) -> String {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        utf8_percent_encode(filename, NON_ALPHANUMERIC)
    )
}

/// `GET /varsler/{id}/dokumenter/{document}`: for assigned caseworkers and seniors; logged.
pub async fn download(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path((id, document)): Path<(String, String)>,
) -> Result<Response, AdminError> {
    let id = parse_id(&id)?;
    let document: i64 = document
        .parse()
        .map_err(|_| AdminError::NotFound(format!("Fant intet dokument «{document}»")))?;
    let viewer = Viewer::Staff { login: user.actor() };
    let found = state
        .store
        .download_document(id, document, &viewer, user.has(Role::SeniorCaseworker))
        .await?;
    let disposition = HeaderValue::from_str(&content_disposition(&found.document.filename))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static(found.document.kind.media_type()),
        ),
        (header::CONTENT_DISPOSITION, disposition),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
    ];
    Ok((headers, found.content).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_name_the_file_safely() {
        assert_eq!(
            content_disposition("svar fra \"NAV\" Tromsø.pdf"),
            "attachment; filename=\"svar fra _NAV_ Troms_.pdf\"; filename*=UTF-8''svar%20fra%20%22NAV%22%20Troms%C3%B8%2Epdf"
        );
    }
}
