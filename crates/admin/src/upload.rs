//! Reading a staff form that carries one file (multipart): the CSRF token, one text field and
//! the file, with a readable refusal for a body over the limit or a broken request. What the
//! file may be is for the page that takes it.

use axum::extract::Multipart;
use axum::http::StatusCode;

/// What an upload request carried.
#[derive(Default)]
pub struct Upload {
    pub csrf: String,
    /// The form's one text field (a reason, a note), by the name given to [`read`].
    pub text: String,
    pub file_name: String,
    pub content: Vec<u8>,
}

/// Reads the `csrf` field, the text field `text_field` and the `file` field; `too_large` is the
/// message for a body over the limit.
pub async fn read(mut multipart: Multipart, text_field: &str, too_large: &str) -> Result<Upload, (StatusCode, String)> {
    let mut upload = Upload::default();
    let broken = |e: axum::extract::multipart::MultipartError| {
        let status = e.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            too_large.to_string()
        } else {
            "Opplastingen kom ikke fram i sin helhet. Prøv igjen.".to_string()
        };
        (status, message)
    };
    while let Some(field) = multipart.next_field().await.map_err(broken)? {
        match field.name().unwrap_or("") {
            "csrf" => upload.csrf = field.text().await.map_err(broken)?,
            "file" => {
                upload.file_name = field.file_name().unwrap_or("").to_string();
                upload.content = field.bytes().await.map_err(broken)?.to_vec();
            }
            name if name == text_field => upload.text = field.text().await.map_err(broken)?,
            _ => {}
        }
    }
    Ok(upload)
}
