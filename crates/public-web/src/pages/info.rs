//! Handlers of the help page and the accessibility statement.

use axum::http::{StatusCode, Uri};
use axum::response::Response;

use super::{lang_of, render};
use crate::views::info::{accessibility_page, help_page};

pub async fn help(uri: Uri) -> Response {
    let lang = lang_of(&uri);
    render(StatusCode::OK, &uri, lang, lang.texts().help_title, help_page(lang))
}

pub async fn accessibility(uri: Uri) -> Response {
    let lang = lang_of(&uri);
    render(
        StatusCode::OK,
        &uri,
        lang,
        lang.texts().accessibility_title,
        accessibility_page(lang),
    )
}
