//! Checks, for each stemmer of the index, how a word's analysed form (lowercased, stemmed,
//! accents folded) may differ from the word itself: the most bytes of the term that are not
//! the opening of the word lowercased and folded, and the words whose term does not keep
//! their first two letters. Snippets look only at words that open with a term minus that
//! many bytes (see `src/query/snippet.rs`); this is the evidence for each language's figure.
//!
//! `cargo run --release --example stem_heads -- DIR...` reads every file under the folders
//! (text or HTML, any language, lossy UTF-8), takes every distinct word the index would take,
//! adds every word of one to three letters over the Latin letters the languages use, and
//! analyses every word with every stemmer, and lowercased and folded without one (`xx`).

use std::collections::BTreeSet;

use pressdex::index::schema::{STEMMED_LANGUAGES, word_ranges};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, Stemmer, TextAnalyzer, TokenStream,
};

fn main() {
    let mut words = BTreeSet::new();
    for dir in std::env::args().skip(1) {
        for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(bytes) = std::fs::read(entry.path()) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            for range in word_ranges(&text) {
                words.insert(text[range].to_string());
            }
        }
    }
    let corpus = words.len();
    let letters: Vec<char> = ('a'..='z')
        .chain("äöüßàâæçéèêëîïôœùûÿáíóúñåøõãìòășțşţğıőűčšžłý".chars())
        .collect();
    for a in &letters {
        words.insert(a.to_string());
        for b in &letters {
            words.insert(format!("{a}{b}"));
            for c in &letters {
                words.insert(format!("{a}{b}{c}"));
            }
        }
    }
    println!(
        "{corpus} distinct corpus words, {} with the generated ones",
        words.len()
    );
    let words: Vec<String> = words.into_iter().collect();
    let run = |mut analyzer: TextAnalyzer, word: &str| {
        let mut stream = analyzer.token_stream(word);
        if stream.advance() {
            stream.token().text.clone()
        } else {
            String::new()
        }
    };
    println!(
        "lang  max-added  2-letter-misses  1st-miss  ascii-word-non-ascii-stem  ascii-first-lost  worst"
    );
    let languages = STEMMED_LANGUAGES.map(|(code, language)| (code, Some(language)));
    for (code, language) in languages.into_iter().chain([("xx", None)]) {
        let (analyzer, stem_only) = match language {
            Some(language) => (
                TextAnalyzer::builder(RawTokenizer::default())
                    .filter(LowerCaser)
                    .filter(Stemmer::new(language))
                    .filter(AsciiFoldingFilter)
                    .build(),
                TextAnalyzer::builder(RawTokenizer::default())
                    .filter(Stemmer::new(language))
                    .build(),
            ),
            None => (
                TextAnalyzer::builder(RawTokenizer::default())
                    .filter(LowerCaser)
                    .filter(AsciiFoldingFilter)
                    .build(),
                TextAnalyzer::from(RawTokenizer::default()),
            ),
        };
        let (mut most, mut misses, mut first_misses, mut non_ascii) = (0, 0, 0, 0);
        let mut ascii_lost = 0;
        let mut worst: Vec<(String, String)> = Vec::new();
        for word in &words {
            let term = run(analyzer.clone(), word);
            let added = added_bytes(word.as_bytes(), term.as_bytes());
            if added > most {
                most = added;
                worst.clear();
            }
            if added == most && worst.len() < 4 {
                worst.push((word.clone(), term.clone()));
            }
            if word.as_bytes()[0].is_ascii() && term.bytes().next().is_some_and(|t| !t.is_ascii()) {
                ascii_lost += 1;
            }
            let opens = opens_alike(word.as_bytes(), term.as_bytes());
            if opens < term.len().min(2) {
                misses += 1;
                if opens == 0 {
                    first_misses += 1;
                }
                if misses <= 3 {
                    println!("  {code}: 2-letter miss {word:?} -> {term:?}");
                }
            }
            if word.is_ascii() && !run(stem_only.clone(), &word.to_ascii_lowercase()).is_ascii() {
                non_ascii += 1;
            }
        }
        println!(
            "{code}    {most:9}  {misses:15}  {first_misses:8}  {non_ascii:25}  {ascii_lost:10}  {worst:?}"
        );
    }
}

/// How many bytes the term opens with as the snippet filter compares them with the word as
/// written: ASCII letters either case, a second letter 'y' standing for 'i'; the first byte
/// that is not ASCII, in the word or in the term, matches all that follows.
fn opens_alike(word: &[u8], term: &[u8]) -> usize {
    for (i, &t) in term.iter().enumerate() {
        match word.get(i) {
            _ if !t.is_ascii() => return term.len(),
            Some(w) if !w.is_ascii() => return term.len(),
            Some(w) if w.to_ascii_lowercase() == t => {}
            Some(w) if i == 1 && t == b'i' && w.eq_ignore_ascii_case(&b'y') => {}
            _ => return i,
        }
    }
    term.len()
}

/// The bytes at the end of the term that the filter cannot find at the word's opening.
fn added_bytes(word: &[u8], term: &[u8]) -> usize {
    term.len() - opens_alike(word, term)
}
