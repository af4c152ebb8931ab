//! The prose analyzer (titles, quotes, bodies) as one tokenizer in one pass.
//!
//! It gives the tokens of tantivy's chain `SimpleTokenizer` → `RemoveLongFilter` →
//! `LowerCaser` → `Stemmer` → `AsciiFoldingFilter` (text, position, offsets), but finds words
//! with a byte-class scan ([`all_word_ranges`]) and runs the chain's filters only on a word it
//! has not met yet, remembering the term: ASCII words by their lowercase form, others as
//! written. Through the chain of boxed filters a token cost ~580 instructions on tantivy's
//! indexing thread (Reuters-21578, callgrind), the pipeline's critical path; this way ~480,
//! most of it finding the word, lowercasing it and looking it up (a word not met yet costs
//! ~3,000, nearly all of it the stemmer's).
//!
//! Clones share what they remember, so the analyzers of one language share it too (see
//! [`crate::index::schema::register_analyzers`]): tantivy gives each field its own clone, and
//! a quote's words, met in its article's body just before, would otherwise be stemmed anew by
//! the quote field's clone, as would title words met in bodies. The memory is locked for a
//! stream's life, once per field value, not once per word.

use std::sync::{Arc, Mutex, MutexGuard};

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, Stemmer, TextAnalyzer, Token,
    TokenStream, Tokenizer,
};

use super::schema::{LONGEST_WORD, WordRanges, all_word_ranges};

/// Words a [`Prose`] tokenizer remembers before it starts afresh (bounds its memory).
const REMEMBERED_WORDS: usize = 100_000;

/// Terms of the words met: ASCII words lowercased, others as written -> term.
type Terms = crate::hash::HashMap<String, String>;

/// Words, lowercased, stemmed in a language (or not), accents folded after stemming.
#[derive(Clone)]
pub struct Prose {
    /// The filters on one word: lowercasing, stemming (when stemmed), folding.
    word: TextAnalyzer,
    stemmed: bool,
    /// Terms of the words met so far, shared by clones.
    terms: Arc<Mutex<Terms>>,
    /// An ASCII word, lowercased.
    lower: String,
    token: Token,
}

impl Prose {
    /// Stemmed in `language`; `None`: not stemmed.
    pub fn new(language: Option<Language>) -> Self {
        let word = TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser);
        let word = match language {
            Some(language) => word
                .filter(Stemmer::new(language))
                .filter(AsciiFoldingFilter)
                .build(),
            None => word.filter(AsciiFoldingFilter).build(),
        };
        Self {
            word,
            stemmed: language.is_some(),
            terms: Default::default(),
            lower: String::new(),
            token: Token::default(),
        }
    }
}

impl Tokenizer for Prose {
    type TokenStream<'a> = ProseStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ProseStream<'a> {
        self.token.reset();
        // A panic while holding the memory leaves it consistent (inserts are whole).
        let terms = self.terms.lock().unwrap_or_else(|e| e.into_inner());
        ProseStream {
            text,
            words: all_word_ranges(text),
            terms,
            token: &mut self.token,
            lower: &mut self.lower,
            word: &mut self.word,
            stemmed: self.stemmed,
        }
    }
}

pub struct ProseStream<'a> {
    text: &'a str,
    words: WordRanges<'a>,
    /// Held (locked) for the stream's life.
    terms: MutexGuard<'a, Terms>,
    token: &'a mut Token,
    lower: &'a mut String,
    word: &'a mut TextAnalyzer,
    stemmed: bool,
}

impl ProseStream<'_> {
    /// Sets the token's text to `word`'s term, remembered in the shared memory.
    fn analyse(&mut self, word: &str) {
        let text = &mut self.token.text;
        text.clear();
        let key = if word.is_ascii() {
            self.lower.clear();
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
            if !self.stemmed {
                // Lowercasing is all the filters do to an ASCII word.
                text.push_str(self.lower);
                return;
            }
            self.lower.as_str()
        } else {
            word
        };
        if let Some(term) = self.terms.get(key) {
            text.push_str(term);
            return;
        }
        let mut stream = self.word.token_stream(key);
        if stream.advance() {
            text.push_str(&stream.token().text);
        }
        if self.terms.len() >= REMEMBERED_WORDS {
            self.terms.clear();
        }
        self.terms.insert(key.to_string(), text.clone());
    }
}

impl TokenStream for ProseStream<'_> {
    fn advance(&mut self) -> bool {
        for range in self.words.by_ref() {
            let token = &mut *self.token;
            // A word too long to index still takes its position.
            token.position = token.position.wrapping_add(1);
            if range.len() >= LONGEST_WORD {
                continue;
            }
            (token.offset_from, token.offset_to) = (range.start, range.end);
            let text = self.text;
            self.analyse(&text[range]);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::STEMMED_LANGUAGES;
    use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer};

    /// tantivy's chain of filters that [`Prose`] stands for.
    fn chain(language: Option<Language>) -> TextAnalyzer {
        let words = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONGEST_WORD))
            .filter(LowerCaser);
        match language {
            Some(language) => words
                .filter(Stemmer::new(language))
                .filter(AsciiFoldingFilter)
                .build(),
            None => words.filter(AsciiFoldingFilter).build(),
        }
    }

    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<Token> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.clone());
        }
        out
    }

    #[test]
    fn gives_the_tokens_of_the_chain_of_filters() {
        let long = "Abcdefghij".repeat(4);
        let texts = [
            String::new(),
            " \t—… ".to_string(),
            "The ministers said talks continued; the MINISTERS were talking again, 2024's \
             figures: 3.5% of GDP (Q4). Running, runs, ran."
                .to_string(),
            "Die Gespräche wurden fortgesetzt, sagten die Minister. Les négociations \
             continuent, ont déclaré les ministres. Переговоры продолжаются. ΟΔΥΣΣΕΥΣ ﬁne \
             İstanbul ÇAĞRI Æsir ½ x² 東京タワー"
                .to_string(),
            format!("{long} first {long}x then é{long} {}", &long[1..]),
            format!("ends {long}"),
        ];
        let mut languages: Vec<Option<Language>> =
            STEMMED_LANGUAGES.iter().map(|&(_, l)| Some(l)).collect();
        languages.push(None);
        for language in languages {
            // One tokenizer over every text, twice: later words come from what it remembers.
            let prose = TextAnalyzer::from(Prose::new(language));
            for text in texts.iter().chain(&texts) {
                assert_eq!(
                    tokens(prose.clone(), text),
                    tokens(chain(language), text),
                    "{language:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn a_word_remembered_is_found_in_any_case() {
        let mut prose = Prose::new(Some(Language::English));
        let stream = prose.token_stream("Talking TALKING talking Écoles écoles");
        let terms: Vec<String> = stream_terms(stream);
        assert_eq!(terms, ["talk", "talk", "talk", "ecole", "ecole"]);
        // Three words met: "talking", "Écoles", "écoles".
        assert_eq!(prose.terms.lock().unwrap().len(), 3);
    }

    #[test]
    fn clones_share_the_words_they_met() {
        let mut title = Prose::new(Some(Language::English));
        let mut body = title.clone();
        let mut other = Prose::new(Some(Language::English));
        assert_eq!(
            stream_terms(body.token_stream("Ministers talking")),
            ["minist", "talk"]
        );
        assert_eq!(stream_terms(title.token_stream("TALKING")), ["talk"]);
        // Met by the body's clone: the title's clone found it, so nothing new was stemmed.
        assert_eq!(title.terms.lock().unwrap().len(), 2);
        assert_eq!(stream_terms(other.token_stream("talking")), ["talk"]);
        assert_eq!(other.terms.lock().unwrap().len(), 1);
    }

    fn stream_terms(mut stream: ProseStream<'_>) -> Vec<String> {
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }
}
