//! Text analysis for names: split into words, lower-case, fold diacritics (ø → o, å → a,
//! é → e), so Sørensen, SØRENSEN and Sorensen are one term. No stemming: names are not words.

use tantivy::Index;
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};

use crate::schema::NAME_TOKENIZER;

/// The analyser for person names and language names.
pub fn name_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers the analysers the schema names.
pub fn register(index: &Index) {
    index.tokenizers().register(NAME_TOKENIZER, name_analyzer());
}

/// The folded words of `text`, as the index sees them.
pub fn words(text: &str) -> Vec<String> {
    let mut analyzer = name_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

/// `text` folded and with its words joined by single spaces.
pub fn fold(text: &str) -> String {
    words(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_diacritics_fold_away() {
        assert_eq!(fold("Sørensen"), "sorensen");
        assert_eq!(fold("  ÅSE   Bjørnstad-Ødegård "), "ase bjornstad odegard");
        assert_eq!(fold("José Núñez"), "jose nunez");
        assert_eq!(words("Kari  Nordmann"), ["kari", "nordmann"]);
    }
}
