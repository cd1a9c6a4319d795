//! Documents in a tip case: the kinds accepted, recognised by their content (magic bytes), never
//! by name; the size limit; the file name made safe; the stored metadata. No storage here.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::archive::{self, ArchiveProblem};
use super::error::TipError;
use crate::timestamp::Timestamp;

/// The largest document accepted, in bytes (10 MB).
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
const MAX_FILENAME: usize = 200;

/// The kinds of document a case may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Pdf,
    Png,
    Jpeg,
    /// Plain text in UTF-8.
    Text,
    Docx,
    Odt,
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ODT: &str = "application/vnd.oasis.opendocument.text";

impl DocumentKind {
    pub const ALL: [DocumentKind; 6] = [Self::Pdf, Self::Png, Self::Jpeg, Self::Text, Self::Docx, Self::Odt];

    /// The media type a download is served with.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Text => "text/plain; charset=utf-8",
            Self::Docx => DOCX,
            Self::Odt => ODT,
        }
    }

    /// The kind stored under `media_type`.
    pub fn from_media_type(media_type: &str) -> Option<DocumentKind> {
        Self::ALL.into_iter().find(|k| k.media_type() == media_type)
    }

    /// The kind of `content` by its first bytes, or `None` when it is none of the accepted
    /// kinds. Text is what no signature matches and is UTF-8 without control characters, so an
    /// executable or an HTML page renamed to `.txt` is refused.
    pub fn recognise(content: &[u8]) -> Option<DocumentKind> {
        match infer::get(content).map(|t| t.mime_type()) {
            Some("application/pdf") => Some(Self::Pdf),
            Some("image/png") => Some(Self::Png),
            Some("image/jpeg") => Some(Self::Jpeg),
            Some(DOCX) => Some(Self::Docx),
            Some(ODT) => Some(Self::Odt),
            Some(_) => None,
            None => {
                let text = std::str::from_utf8(content).ok()?;
                let plain = text
                    .chars()
                    .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
                plain.then_some(Self::Text)
            }
        }
    }
}

/// A document about to be stored: a recognised kind, within the size limit, with a safe name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    filename: String,
    kind: DocumentKind,
    sha256: String,
    content: Vec<u8>,
    uploaded_by: String,
}

fn invalid(message: &str) -> TipError {
    TipError::field("file", message)
}

/// Whether `c` is an invisible format character (Unicode category Cf) that can disguise a file
/// name: the bidirectional controls (U+202E shows `cod.exe` as `exe.doc`), marks, isolates,
/// zero-width spaces, the BOM, invisible operators, tags. The zero-width joiner and non-joiner
/// (U+200C/U+200D) stay: Persian and Indic names are spelt with them and they reorder nothing.
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}' | '\u{890}'..='\u{891}'
        | '\u{8E2}' | '\u{180E}' | '\u{200B}' | '\u{200E}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// The last path component of `name`, without control or format characters, at most 200
/// characters.
fn clean_filename(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last.chars().filter(|c| !c.is_control() && !is_format(*c)).collect();
    let trimmed = clean.trim();
    let count = trimmed.chars().count();
    if count <= MAX_FILENAME {
        return trimmed.to_string();
    }
    // Keep the ending (the extension) when shortening.
    trimmed.chars().skip(count - MAX_FILENAME).collect()
}

impl NewDocument {
    /// Checks an upload: not empty, at most [`MAX_DOCUMENT_BYTES`], an accepted kind by content.
    pub fn new(filename: &str, content: Vec<u8>, uploaded_by: &str) -> Result<NewDocument, TipError> {
        if content.is_empty() {
            return Err(invalid("velg en fil å laste opp (filen var tom)"));
        }
        if content.len() > MAX_DOCUMENT_BYTES {
            return Err(invalid("filen er for stor; den kan være høyst 10 MB"));
        }
        if archive::is_zip(&content) {
            archive::check(&content).map_err(|problem| match problem {
                ArchiveProblem::TooLarge => invalid(
                    "dokumentet pakkes ut til mer enn 100 MB og kan ikke tas imot; lagre det som PDF eller del det opp",
                ),
                ArchiveProblem::TooManyEntries => {
                    invalid("dokumentet består av for mange deler (høyst 10 000) og kan ikke tas imot")
                }
                ArchiveProblem::Unreadable => invalid(
                    "dokumentet er skadet eller pakket på en måte som ikke kan kontrolleres; lagre det på nytt eller som PDF",
                ),
            })?;
        }
        let kind = DocumentKind::recognise(&content).ok_or_else(|| {
            invalid("filtypen er ikke tillatt; last opp PDF, PNG, JPEG, ren tekst (UTF-8), DOCX eller ODT")
        })?;
        if uploaded_by.trim().is_empty() {
            return Err(TipError::field("uploaded_by", "hvem som laster opp må oppgis"));
        }
        let filename = match clean_filename(filename) {
            name if name.is_empty() => "dokument".to_string(),
            name => name,
        };
        let sha256 = Sha256::digest(&content).iter().map(|b| format!("{b:02x}")).collect();
        Ok(NewDocument {
            filename,
            kind,
            sha256,
            content,
            uploaded_by: uploaded_by.trim().to_string(),
        })
    }

    pub fn filename(&self) -> &str {
        &self.filename
    }

    pub fn kind(&self) -> DocumentKind {
        self.kind
    }

    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    pub fn content(&self) -> &[u8] {
        &self.content
    }

    pub fn size(&self) -> u64 {
        self.content.len() as u64
    }

    pub fn uploaded_by(&self) -> &str {
        &self.uploaded_by
    }
}

/// A stored document, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TipDocument {
    pub tip_id: i64,
    pub id: i64,
    pub uploaded_at: Timestamp,
    pub uploaded_by: String,
    pub filename: String,
    pub kind: DocumentKind,
    pub size: u64,
    pub sha256: String,
}

/// A stored document with its content, for a download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentContent {
    pub document: TipDocument,
    pub content: Vec<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start of an OpenDocument text: a zip whose first entry is the stored `mimetype`.
    fn odt() -> Vec<u8> {
        let mut b = b"PK\x03\x04".to_vec();
        b.extend_from_slice(&[0u8; 26]);
        b.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
        b.extend_from_slice(&[0u8; 64]);
        b
    }

    #[test]
    fn kinds_are_recognised_by_content_not_by_name() {
        let table: Vec<(&str, Vec<u8>, Option<DocumentKind>)> = vec![
            (
                "pdf",
                b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec(),
                Some(DocumentKind::Pdf),
            ),
            (
                "png",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
                Some(DocumentKind::Png),
            ),
            (
                "jpeg",
                b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec(),
                Some(DocumentKind::Jpeg),
            ),
            (
                "text",
                "Svar fra sykehuset: tolken møtte.\r\n".as_bytes().to_vec(),
                Some(DocumentKind::Text),
            ),
            ("odt", odt(), Some(DocumentKind::Odt)),
            ("exe", b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff".to_vec(), None),
            ("html", b"<!DOCTYPE html><html><script>alert(1)</script>".to_vec(), None),
            ("latin-1 text", b"Bl\xe5b\xe6r".to_vec(), None),
            ("binary", vec![0, 1, 2, 3, 0, 0, 7], None),
            ("gif", b"GIF89a\x01\0\x01\0".to_vec(), None),
        ];
        for (name, bytes, kind) in table {
            assert_eq!(DocumentKind::recognise(&bytes), kind, "{name}");
        }
        for k in DocumentKind::ALL {
            assert_eq!(DocumentKind::from_media_type(k.media_type()), Some(k));
        }
    }

    #[test]
    fn uploads_are_checked_for_size_kind_and_a_safe_name() {
        let ok = NewDocument::new("C:\\Users\\kari\\svar\u{7}.txt", b"hei".to_vec(), "staff:kari").unwrap();
        assert_eq!(
            (ok.filename(), ok.kind(), ok.size()),
            ("svar.txt", DocumentKind::Text, 3)
        );
        assert_eq!(
            ok.sha256(),
            "f9d1af62d004d4da648929bc7dde552685979d6e6a78dc8f9b64eb08e9c4ccb7"
        );
        let refused = |name: &str, content: Vec<u8>| match NewDocument::new(name, content, "staff:kari") {
            Err(TipError::Invalid(fields)) => fields[0].1.clone(),
            other => panic!("{name} accepted: {other:?}"),
        };
        assert!(refused("tom.pdf", Vec::new()).contains("tom"));
        assert!(refused("stor.txt", vec![b'a'; MAX_DOCUMENT_BYTES + 1]).contains("10 MB"));
        assert!(refused("brev.pdf", b"MZ\x90\0\x03\0\0\0\x04\0\0\0".to_vec()).contains("filtypen"));
        let long = format!("{}.pdf", "x".repeat(300));
        let doc = NewDocument::new(&long, b"%PDF-1.4\n".to_vec(), "staff:kari").unwrap();
        assert!(doc.filename().ends_with(".pdf") && doc.filename().chars().count() == MAX_FILENAME);
        assert_eq!(
            NewDocument::new("/", b"x".to_vec(), "staff:kari").unwrap().filename(),
            "dokument"
        );
    }

    #[test]
    fn file_names_lose_bidirectional_and_other_invisible_format_characters() {
        let upload = |name: &str| NewDocument::new(name, b"%PDF-1.4\n".to_vec(), "staff:kari").unwrap();
        // Shown as "svar-fdp.exe" reversed: U+202E makes "exe.pdf" look like a PDF.
        assert_eq!(upload("svar\u{202E}fdp.exe").filename(), "svarfdp.exe");
        assert_eq!(
            upload("\u{200E}a\u{200F}b\u{202A}c\u{202B}d\u{202C}e\u{202D}f\u{2066}g\u{2067}h\u{2068}i\u{2069}.pdf")
                .filename(),
            "abcdefghi.pdf"
        );
        assert_eq!(
            upload("\u{FEFF}brev\u{200B}\u{2060}\u{AD}\u{E0041}.pdf").filename(),
            "brev.pdf"
        );
        // Joiners spell Persian words and stay; so does everything visible.
        assert_eq!(upload("نامه\u{200C}ها.pdf").filename(), "نامه\u{200C}ها.pdf");
        assert_eq!(upload("Søknad – Åse.pdf").filename(), "Søknad – Åse.pdf");
        assert_eq!(upload("\u{202E}\u{2066}").filename(), "dokument");
    }

    #[test]
    fn an_odt_shaped_zip_bomb_is_refused_and_a_real_odt_accepted() {
        use crate::tips::archive::tests::{deflate, odt, zeros};
        let refused = |content: Vec<u8>| match NewDocument::new("bombe.odt", content, "staff:kari") {
            Err(TipError::Invalid(fields)) => fields[0].1.clone(),
            other => panic!("accepted: {other:?}"),
        };
        // About 300 KB on disk, 300 MiB inflated, whatever it declares.
        for declared in [300 << 20, 4096] {
            let bomb = odt(zeros(300), declared);
            assert!(bomb.len() < MAX_DOCUMENT_BYTES / 20);
            assert_eq!(DocumentKind::recognise(&bomb), Some(DocumentKind::Odt), "ODT-shaped");
            assert!(refused(bomb).contains("100 MB"), "{declared}");
        }
        let xml = b"<office:text>Svar fra tolken</office:text>".repeat(50);
        let doc = NewDocument::new("svar.odt", odt(deflate(&xml), xml.len() as u32), "staff:kari").unwrap();
        assert_eq!(doc.kind(), DocumentKind::Odt);
        let mut broken = odt(deflate(&xml), xml.len() as u32);
        broken.truncate(broken.len() - 30);
        assert!(refused(broken).contains("skadet"));
    }
}
