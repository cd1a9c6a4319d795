//! Documents in a tip case: the upload form, the multipart upload (size limit, kind checked by
//! content in `register::tips::document`, CSRF token checked before anything is stored) and the
//! audited download as an attachment. Who may download is decided in `register::tips::access`.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use register::store::TipStore;
use register::tips::document::MAX_DOCUMENT_BYTES;
use register::tips::{NewDocument, TipCase, TipError, Viewer};

use super::actions::ActionForm;
use super::case_page::{self, Failed, Target};
use super::fields::Fields;
use super::{message_of, parse_id, status_of};
use crate::AdminState;
use crate::auth::extract::csrf_valid;
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

/// What an upload request carried.
#[derive(Default)]
struct Upload {
    csrf: String,
    reason: String,
    filename: String,
    content: Vec<u8>,
}

/// Reads the fields; a body over the limit or a broken request is a refusal with a message.
async fn read(mut multipart: Multipart) -> Result<Upload, (StatusCode, String)> {
    let mut upload = Upload::default();
    let broken = |e: axum::extract::multipart::MultipartError| {
        let status = e.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            "Filen er for stor; den kan være høyst 10 MB.".to_string()
        } else {
            "Opplastingen kom ikke fram i sin helhet. Prøv igjen.".to_string()
        };
        (status, message)
    };
    while let Some(field) = multipart.next_field().await.map_err(broken)? {
        match field.name().unwrap_or("") {
            "csrf" => upload.csrf = field.text().await.map_err(broken)?,
            "reason" => upload.reason = field.text().await.map_err(broken)?,
            "file" => {
                upload.filename = field.file_name().unwrap_or("").to_string();
                upload.content = field.bytes().await.map_err(broken)?.to_vec();
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// `POST /varsler/{id}/dokumenter` (multipart).
pub async fn upload(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(id): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AdminError> {
    let id = parse_id(&id)?;
    let multipart = multipart.map_err(|_| {
        AdminError::BadRequest("Opplastingen må sendes som et skjema med fil (multipart/form-data).".into())
    })?;
    let refused = |status: StatusCode, reason: String, errors: Errors, message: String| {
        let failed = Failed {
            target: Target::Upload,
            form: ActionForm {
                reason,
                ..ActionForm::default()
            },
            errors,
            message: Some(message),
        };
        let state = state.clone();
        let user = user.staff.clone();
        async move { case_page::again(&state, &user, id, failed, status).await }
    };
    let upload = match read(multipart).await {
        Ok(u) => u,
        Err((status, message)) => {
            let mut errors = Errors::default();
            errors.push("file", message.clone());
            return refused(status, String::new(), errors, message).await;
        }
    };
    // Nothing is stored before the token is known to belong to this session.
    if !csrf_valid(&state, &user, &headers, &upload.csrf) {
        return Err(AdminError::Csrf);
    }
    let mut errors = Errors::default();
    if upload.reason.trim().is_empty() {
        errors.push("reason", "skriv hva dokumentet er");
    }
    let document = match NewDocument::new(&upload.filename, upload.content, &user.actor()) {
        Ok(d) => Some(d),
        Err(TipError::Invalid(fields)) => {
            errors.0.extend(fields);
            None
        }
        Err(e) => return Err(AdminError::Tip(e)),
    };
    let Some(document) = document.filter(|_| errors.is_empty()) else {
        let message = "Dokumentet ble ikke lagret. Rett opp feilene og velg filen på nytt.".to_string();
        return refused(StatusCode::UNPROCESSABLE_ENTITY, upload.reason, errors, message).await;
    };
    match state
        .store
        .add_document(
            id,
            &document,
            user.has(Role::SeniorCaseworker),
            &upload.reason,
            &state.settings.tip_rules,
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/varsler/{id}?ok=uploaded")).into_response()),
        Err(e) if status_of(&e).is_client_error() && status_of(&e) != StatusCode::NOT_FOUND => {
            let (status, message) = (status_of(&e), message_of(&e));
            let errors = match e {
                TipError::Invalid(fields) => Errors(fields),
                _ => Errors::default(),
            };
            refused(status, upload.reason, errors, message).await
        }
        Err(e) => Err(AdminError::Tip(e)),
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
