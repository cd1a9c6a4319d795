//! Handlers of the information pages: help, accessibility statement, about, contact, privacy
//! statement and the guide for public bodies. Text only; nothing from the index.

use axum::http::{StatusCode, Uri};
use axum::response::Response;
use maud::Markup;

use super::{lang_of, render};
use crate::i18n::Lang;
use crate::views::info::{about_page, accessibility_page, contact_page, guide_page, help_page, privacy_page};

fn info(uri: &Uri, title: fn(Lang) -> &'static str, body: fn(Lang) -> Markup) -> Response {
    let lang = lang_of(uri);
    render(StatusCode::OK, uri, lang, title(lang), body(lang))
}

pub async fn help(uri: Uri) -> Response {
    info(&uri, |l| l.texts().help_title, help_page)
}

pub async fn accessibility(uri: Uri) -> Response {
    info(&uri, |l| l.texts().accessibility_title, accessibility_page)
}

pub async fn about(uri: Uri) -> Response {
    info(&uri, |l| l.texts().info.about_title, about_page)
}

pub async fn contact(uri: Uri) -> Response {
    info(&uri, |l| l.texts().info.contact_title, contact_page)
}

pub async fn privacy(uri: Uri) -> Response {
    info(&uri, |l| l.texts().info.privacy_title, privacy_page)
}

pub async fn guide(uri: Uri) -> Response {
    info(&uri, |l| l.texts().info.guide_title, guide_page)
}
