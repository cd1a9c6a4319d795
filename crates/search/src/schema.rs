//! The index schema: which public fields are indexed, stored or kept as fast columns, and the
//! compact encoding of an entry (language, kind, category) as one number. No query logic.

use register::{Category, LanguageCode, LanguageKind};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// Bumped whenever the schema or the meaning of a field changes; an index of another version
/// is rebuilt from the register.
pub const SCHEMA_VERSION: u32 = 3;

/// The tokenizer for person names (see `analysis`).
pub const NAME_TOKENIZER: &str = "person_name";

/// The fields of one document (one listed interpreter).
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Interpreter number: indexed (lookup, delete).
    pub number: Field,
    /// Given, preferred and family names, folded for case, diacritics and typos.
    pub name: Field,
    /// Codes of the listed languages, e.g. `ARB`.
    pub language: Field,
    /// Kinds of the listed entries (`spoken`, `sign`, …).
    pub kind: Field,
    pub gender: Field,
    /// Work modes offered (`on_site`, `telephone`, `video`).
    pub mode: Field,
    pub availability: Field,
    /// Every listed entry encoded by [`encode_entry`] (fast, multi-valued).
    pub entries: Field,
    /// Number, county and best rank packed by [`encode_summary`] (fast): everything the
    /// collector reads for every hit, in one column.
    pub summary: Field,
    /// The public record as JSON (stored only).
    pub public: Field,
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let name_options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(NAME_TOKENIZER)
            .set_index_option(IndexRecordOption::Basic),
    );
    let fields = Fields {
        number: b.add_u64_field("number", INDEXED),
        name: b.add_text_field("name", name_options),
        language: b.add_text_field("language", STRING),
        kind: b.add_text_field("kind", STRING),
        gender: b.add_text_field("gender", STRING),
        mode: b.add_text_field("mode", STRING),
        availability: b.add_text_field("availability", STRING),
        entries: b.add_u64_field("entries", FAST),
        summary: b.add_u64_field("summary", FAST),
        public: b.add_bytes_field("public", STORED),
    };
    (b.build(), fields)
}

/// Category as a number where higher is better (A = 5 … E = 1); 0 means none.
pub fn rank(category: Category) -> u64 {
    match category {
        Category::A => 5,
        Category::B => 4,
        Category::C => 3,
        Category::D => 2,
        Category::E => 1,
    }
}

pub fn category_of_rank(rank: u64) -> Option<Category> {
    Some(match rank {
        5 => Category::A,
        4 => Category::B,
        3 => Category::C,
        2 => Category::D,
        1 => Category::E,
        _ => return None,
    })
}

pub fn kind_code(kind: LanguageKind) -> u64 {
    match kind {
        LanguageKind::Spoken => 1,
        LanguageKind::Sign => 2,
        LanguageKind::SpeechToText => 3,
        LanguageKind::Deafblind => 4,
    }
}

/// The language code's three ASCII letters as a number (stable, independent of the catalogue).
pub fn language_key(code: LanguageCode) -> u64 {
    code.as_str().bytes().fold(0u64, |acc, b| (acc << 8) | u64::from(b))
}

/// One entry as `language << 16 | kind << 8 | rank`.
pub fn encode_entry(language: LanguageCode, kind: LanguageKind, category: Category) -> u64 {
    (language_key(language) << 16) | (kind_code(kind) << 8) | rank(category)
}

/// An interpreter's summary as `number << 16 | county << 8 | best rank`.
pub fn encode_summary(number: u64, county: u64, best_rank: u64) -> u64 {
    (number << 16) | ((county & 0xff) << 8) | (best_rank & 0xff)
}

/// The parts of a summary: number, county number, best rank.
pub fn decode_summary(value: u64) -> (u64, u64, u64) {
    (value >> 16, (value >> 8) & 0xff, value & 0xff)
}

/// The parts of an encoded entry: language key, kind code, rank.
pub fn decode_entry(value: u64) -> (u64, u64, u64) {
    (value >> 16, (value >> 8) & 0xff, value & 0xff)
}

/// The language code back from its key.
pub fn language_of_key(key: u64) -> Option<LanguageCode> {
    let bytes = [(key >> 16) as u8, (key >> 8) as u8, key as u8];
    std::str::from_utf8(&bytes).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_through_their_encoding() {
        let arb: LanguageCode = "ARB".parse().unwrap();
        let v = encode_entry(arb, LanguageKind::Sign, Category::B);
        let (lang, kind, r) = decode_entry(v);
        assert_eq!(language_of_key(lang), Some(arb));
        assert_eq!(kind, kind_code(LanguageKind::Sign));
        assert_eq!(category_of_rank(r), Some(Category::B));
        assert!(rank(Category::A) > rank(Category::E));
        assert_eq!(decode_summary(encode_summary(9_999_999, 56, 5)), (9_999_999, 56, 5));
    }
}
