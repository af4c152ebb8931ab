//! The index schema in one place: field names (which are also the JSON keys of `search
//! --json`), their options, the analyzers, and the `Fields` handles built once.
//!
//! The body is stored once (`body`) and indexed in one field per language (`body_en`,
//! `body_de` …, `body_xx` for languages without a stemmer), each with that language's stemmer,
//! so German is stemmed as German; queries search every body field.
//!
//! Two kinds of document share the schema: one per article (`kind: article`) and one per
//! quote (`kind: quote`) carrying its speaker, its text in `quote`, and its article's title
//! (stored in `quote_title`), date, outlet and path, so a search can ask for a phrase inside a
//! quote by a given speaker. Quotes keep their title apart so that a query over titles and
//! bodies can only match articles: it needs no `kind` filter, and tantivy can then skip
//! documents that cannot reach the top hits instead of scoring every match. A quote's title is
//! stored, not indexed: a `title:` clause in a quote search matches the articles' titles and
//! stands for their paths (see [`crate::query::join`]).

use std::ops::Range;
use std::sync::{Arc, Mutex, MutexGuard};
use tantivy::Index;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, IndexRecordOption, STORED, Schema,
    TextFieldIndexing, TextOptions,
};

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer, TextAnalyzerBuilder, Token, TokenFilter, TokenStream, Tokenizer,
};

use super::prose::Prose;

/// Bumped whenever the schema or an analyzer changes; an index with another version is refused.
pub const SCHEMA_VERSION: u32 = 8;

pub const KIND: &str = "kind";
pub const PATH: &str = "path";
pub const URL: &str = "url";
pub const TITLE: &str = "title";
pub const BODY: &str = "body";
pub const QUOTE: &str = "quote";
/// The title of a quote's article, stored for display (not indexed).
pub const QUOTE_TITLE: &str = "quote_title";
pub const AUTHORS: &str = "authors";
pub const SPEAKERS: &str = "speakers";
pub const SOURCE: &str = "source";
pub const LANGUAGE: &str = "language";
pub const PUBLISHED: &str = "published";
pub const PUBLISHED_PRECISION: &str = "published_precision";
pub const CONFIDENCE: &str = "confidence";
/// Exact canonical names, for counting (facets): one value per author / speaker / outlet,
/// in a fast field only.
pub const AUTHOR_KEY: &str = "author_key";
pub const SPEAKER_KEY: &str = "speaker_key";
pub const SOURCE_KEY: &str = "source_key";
/// What the file looked like when indexed, so a re-run can skip unchanged files.
pub const FILE_SIZE: &str = "file_size";
pub const FILE_MTIME: &str = "file_mtime";
pub const CONTENT_HASH: &str = "content_hash";

pub const KIND_ARTICLE: &str = "article";
pub const KIND_QUOTE: &str = "quote";

/// Analyzer for titles and quotes: words, lowercased, accents folded, stemmed as English.
pub const TEXT_ANALYZER: &str = "press_text";

/// Languages (ISO 639-1) with a stemmer, each with its own indexed body field `body_<code>`.
pub const STEMMED_LANGUAGES: [(&str, Language); 18] = [
    ("en", Language::English),
    ("de", Language::German),
    ("fr", Language::French),
    ("es", Language::Spanish),
    ("it", Language::Italian),
    ("pt", Language::Portuguese),
    ("nl", Language::Dutch),
    ("ru", Language::Russian),
    ("sv", Language::Swedish),
    ("da", Language::Danish),
    ("no", Language::Norwegian),
    ("fi", Language::Finnish),
    ("hu", Language::Hungarian),
    ("ro", Language::Romanian),
    ("tr", Language::Turkish),
    ("el", Language::Greek),
    ("ar", Language::Arabic),
    ("ta", Language::Tamil),
];
/// Number of indexed body fields: one per stemmed language plus `body_xx` for all others.
pub const BODY_FIELDS: usize = STEMMED_LANGUAGES.len() + 1;
/// The body field (and analyzer) suffix for languages without a stemmer, or unknown.
const UNSTEMMED: &str = "xx";
/// Analyzer for names: words, lowercased, accents folded, never stemmed, so "peskov" matches
/// "Dmitry Peskov" and "Péskov" alike.
pub const NAME_ANALYZER: &str = "press_name";

/// Handles to every field, built once per index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub kind: Field,
    pub path: Field,
    pub url: Field,
    pub title: Field,
    /// The stored body (not indexed; see `bodies`).
    pub body: Field,
    /// Indexed body fields, in the order of [`STEMMED_LANGUAGES`], then `body_xx`.
    pub bodies: [Field; BODY_FIELDS],
    pub quote: Field,
    pub quote_title: Field,
    pub authors: Field,
    pub speakers: Field,
    pub source: Field,
    pub language: Field,
    pub published: Field,
    pub published_precision: Field,
    pub confidence: Field,
    pub author_key: Field,
    pub speaker_key: Field,
    pub source_key: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub content_hash: Field,
}

/// Builds the schema.
pub fn build_schema() -> Schema {
    let mut b = Schema::builder();
    // Titles, quotes and bodies keep their field norms: BM25 reads them for every match.
    // tantivy writes one byte per document per such field, kind and language regardless (21
    // bytes a document, 18 of them for the bodies in other languages), yet without them a
    // long document outranks short ones: field norms off on every body field but English
    // took BBC from 1.194x to 1.152x its text but changed 12 of 153 searches over Reuters,
    // BBC and the HTML pages (long pages in an unknown language came first); off on titles
    // and quotes, 1.187x and 75 of 153.
    let prose = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    // Names are matched (filters, `author:` clauses), hardly ranked: a name is a few words
    // whatever the document, so field norms (a byte per document of either kind per field)
    // would tell nothing about relevance.
    let name = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(NAME_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions)
            .set_fieldnorms(false),
    );
    // Not stored: a quote document is the one with a `quote` value. Not fast: nothing reads it
    // by document, and a string column costs every document (quotes too) a row.
    b.add_text_field(KIND, exact_key());
    b.add_text_field(PATH, exact_key() | STORED | FAST);
    b.add_text_field(URL, STORED);
    b.add_text_field(TITLE, prose.clone());
    b.add_text_field(BODY, STORED);
    for code in body_codes() {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(&body_analyzer(code))
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        b.add_text_field(
            &format!("{BODY}_{code}"),
            TextOptions::default().set_indexing_options(indexing),
        );
    }
    b.add_text_field(QUOTE, prose.clone());
    // Indexed, a quote's copy of its article's title took 3% of the index (BBC, 80% of whose
    // documents are quotes); a quote search's `title:` clause goes through the articles.
    b.add_text_field(QUOTE_TITLE, STORED);
    b.add_text_field(AUTHORS, name.clone());
    b.add_text_field(SPEAKERS, name.clone());
    b.add_text_field(SOURCE, name);
    b.add_text_field(LANGUAGE, exact_key() | STORED);
    b.add_date_field(
        PUBLISHED,
        // Not indexed: a date range is run on the fast field (tantivy's `RangeQuery` does so
        // for a fast field), as is sorting by date.
        DateOptions::default()
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    b.add_u64_field(PUBLISHED_PRECISION, STORED);
    b.add_f64_field(CONFIDENCE, STORED);
    // Only counted (facets read their columns), never searched: not indexed. Indexed, a
    // quote's speaker key was one more term for tantivy's indexing thread to record and write.
    b.add_text_field(AUTHOR_KEY, FAST);
    b.add_text_field(SPEAKER_KEY, FAST);
    b.add_text_field(SOURCE_KEY, FAST);
    b.add_u64_field(FILE_SIZE, FAST);
    b.add_i64_field(FILE_MTIME, FAST);
    b.add_u64_field(CONTENT_HASH, FAST);
    b.build()
}

/// An untokenized field (tantivy's `STRING`) without field norms. Field norms (one byte per
/// document per field, documents of either kind) serve only BM25 scoring: these fields are
/// matched by filters and facets, which do not score, or (`language:`) hold one token per
/// document, which scores the same with or without them.
fn exact_key() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    )
}

/// Language codes of the indexed body fields, `xx` last.
fn body_codes() -> impl Iterator<Item = &'static str> {
    STEMMED_LANGUAGES
        .iter()
        .map(|(code, _)| *code)
        .chain(std::iter::once(UNSTEMMED))
}

fn body_analyzer(code: &str) -> String {
    format!("press_body_{code}")
}

impl Fields {
    /// The indexed body field for an article in `language` (ISO 639-1).
    pub fn body_for(&self, language: Option<&str>) -> Field {
        let idx = language
            .and_then(|l| STEMMED_LANGUAGES.iter().position(|(code, _)| *code == l))
            .unwrap_or(BODY_FIELDS - 1);
        self.bodies[idx]
    }

    /// Looks every field up in a schema built by [`build_schema`].
    pub fn new(schema: &Schema) -> tantivy::Result<Self> {
        let f = |name: &str| schema.get_field(name);
        Ok(Self {
            kind: f(KIND)?,
            path: f(PATH)?,
            url: f(URL)?,
            title: f(TITLE)?,
            body: f(BODY)?,
            bodies: {
                let mut bodies = [f(BODY)?; BODY_FIELDS];
                for (slot, code) in bodies.iter_mut().zip(body_codes()) {
                    *slot = f(&format!("{BODY}_{code}"))?;
                }
                bodies
            },
            quote: f(QUOTE)?,
            quote_title: f(QUOTE_TITLE)?,
            authors: f(AUTHORS)?,
            speakers: f(SPEAKERS)?,
            source: f(SOURCE)?,
            language: f(LANGUAGE)?,
            published: f(PUBLISHED)?,
            published_precision: f(PUBLISHED_PRECISION)?,
            confidence: f(CONFIDENCE)?,
            author_key: f(AUTHOR_KEY)?,
            speaker_key: f(SPEAKER_KEY)?,
            source_key: f(SOURCE_KEY)?,
            file_size: f(FILE_SIZE)?,
            file_mtime: f(FILE_MTIME)?,
            content_hash: f(CONTENT_HASH)?,
        })
    }
}

/// The name analyzer, also used to normalise names given on the command line.
pub fn name_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers pressdex's analyzers on an index; needed before reading or writing it.
pub fn register_analyzers(index: &Index) {
    let tokenizers = index.tokenizers();
    // Titles, quotes and English bodies share one memory of the words met (see [`Prose`]):
    // a quote's words were met in its article's body just before.
    let english = Prose::new(Some(Language::English));
    tokenizers.register(TEXT_ANALYZER, TextAnalyzer::from(english.clone()));
    tokenizers.register(NAME_ANALYZER, name_analyzer());
    for (code, language) in STEMMED_LANGUAGES {
        let prose = match language {
            Language::English => english.clone(),
            _ => Prose::new(Some(language)),
        };
        tokenizers.register(&body_analyzer(code), TextAnalyzer::from(prose));
    }
    tokenizers.register(&body_analyzer(UNSTEMMED), prose_analyzer(None));
}

/// Words, lowercased, stemmed in `language`, accents folded after stemming (stemmers know
/// their language's accents); see [`Prose`].
fn prose_analyzer(language: Option<Language>) -> TextAnalyzer {
    TextAnalyzer::from(Prose::new(language))
}

/// The analyzer `field` was indexed with, for making snippets: the same tokens, but clones
/// share one stem cache. A snippet generator clones its analyzer for every snippet, so with
/// the indexing analyzer each hit's text would be stemmed word by word from an empty cache.
/// `None` for a field that is not prose.
///
/// `wanted` are the (analysed) terms the snippets look for. A snippet only marks the tokens
/// equal to one of them, so with English stemming (titles, quotes, English bodies) a word
/// whose first two letters (ASCII, either case) open none of them is passed on as it is: the
/// English stemmer (Porter2) changes only a word's ending, never before its third letter,
/// but for 'dying', 'lying' and 'tying' (-> 'die', 'lie', 'tie'), so a second letter 'y'
/// also stands for 'i'. Stemming the words of the ten hits was a third of a search's
/// snippet instructions, and lowercasing and folding the words left unstemmed a further
/// sixth; stemming only the words whose first letter opened a term still cost 5% of a phrase
/// search on 100k generated articles (each new word ~3,700 instructions). Other languages'
/// words are all analysed here; searches find them one at a time with [`snippet_words`],
/// which skips the words each language's stemmer cannot turn into a term ([`StemKeeps`]).
pub fn snippet_analyzer<'a>(
    fields: &Fields,
    field: Field,
    wanted: impl IntoIterator<Item = &'a str>,
) -> Option<TextAnalyzer> {
    let words = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD));
    Some(match snippet_language(fields, field)? {
        Some(Language::English) => words
            .filter(wanted_words(Some(Language::English), wanted))
            .build(),
        language => lower_stem_fold(words, language),
    })
}

/// `words` lowercased, stemmed in `language` (through a stem cache) and accent-folded; without
/// a language, only lowercased and folded.
fn lower_stem_fold<T: Tokenizer>(
    words: TextAnalyzerBuilder<T>,
    language: Option<Language>,
) -> TextAnalyzer {
    match language {
        Some(language) => words
            .filter(LowerCaser)
            .filter(CachedStemmer(language))
            .filter(AsciiFoldingFilter)
            .build(),
        None => words.filter(LowerCaser).filter(AsciiFoldingFilter).build(),
    }
}

/// For a prose field, what [`snippet_analyzer`] does to each word, one word at a time (the
/// words found by [`word_ranges`]); `None` for other fields.
pub fn snippet_words<'a>(
    fields: &Fields,
    field: Field,
    wanted: impl IntoIterator<Item = &'a str>,
) -> Option<WantedWords> {
    Some(wanted_words(snippet_language(fields, field)?, wanted))
}

/// What a language's stemmer (with the lowercasing before it and the accent folding after)
/// keeps of a word's opening, as far as the word is ASCII: a word analysed into a term opens
/// with the term's first `letters` letters (ASCII either case; a second letter 'y' may stand
/// for 'i') and with all the term but its last `adds` bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StemKeeps {
    pub letters: usize,
    pub adds: usize,
}

/// [`StemKeeps`] of each stemmer, read from its Snowball rules and checked over every distinct
/// word of the project's corpora (720,980, any language) and every word of one to three Latin
/// letters, with every stemmer (`cargo run --release --example stem_heads -- DATA_DIR`).
/// The Romance, Scandinavian and Hungarian stemmers only rewrite a word's ending: their
/// rewrites add at most two bytes the word lacked (French '-ication' -> '-iqu'; Spanish,
/// Italian, Portuguese '-encia'/'-enza'/'-ência' -> '-ent', Romanian '-ism' -> '-ist': one;
/// measured at most 2, 1, 1, 0, 1; 0 for Swedish, Danish, Norwegian, Hungarian), as English
/// (see [`snippet_analyzer`]). Russian, Greek, Arabic and Tamil rewrite only their own
/// scripts, which are not ASCII, so leave ASCII openings alone (measured 0). German rewrites
/// 'ae', 'oe', 'ue' inside a word as 'a', 'o', 'u' and Finnish undoubles consonants inside one
/// (so no bound on bytes added), but neither touches the first letter. Dutch strips the
/// prefix 'ge-' and Turkish rewrites a stem's last consonant whatever its place ('ab' ->
/// 'ap'): nothing is kept. Without a stemmer (`None`), a word's term is the word lowercased
/// and folded, which leaves its ASCII opening as it is.
pub fn stem_keeps(language: Option<Language>) -> StemKeeps {
    use Language::*;
    let Some(language) = language else {
        return StemKeeps {
            letters: 2,
            adds: 0,
        };
    };
    let (letters, adds) = match language {
        English | French | Spanish | Italian | Portuguese | Romanian | Swedish | Danish
        | Norwegian | Hungarian | Russian | Greek | Arabic | Tamil => (2, 2),
        German | Finnish => (1, usize::MAX),
        _ => (0, usize::MAX),
    };
    StemKeeps { letters, adds }
}

/// The stemmer language of a prose field (`None` inside: unstemmed); `None` for a field
/// that is not prose.
fn snippet_language(fields: &Fields, field: Field) -> Option<Option<Language>> {
    if [fields.title, fields.quote].contains(&field) {
        return Some(Some(Language::English));
    }
    let idx = fields.bodies.iter().position(|&f| f == field)?;
    Some(STEMMED_LANGUAGES.get(idx).map(|&(_, language)| language))
}

/// [`WantedWords`] for a field stemmed in `language` (`None`: not stemmed).
fn wanted_words<'a>(
    language: Option<Language>,
    wanted: impl IntoIterator<Item = &'a str>,
) -> WantedWords {
    let keeps = stem_keeps(language);
    let wanted: Vec<&str> = wanted.into_iter().collect();
    let openings = openings(wanted.iter().copied(), keeps.letters);
    // A term that opens with a letter that is not ASCII ('москв') needs no ASCII opener where
    // the stemmer keeps the first letter: a word opening with an ASCII letter keeps it.
    let firsts = wanted
        .iter()
        .fold(0, |bits, term| match term.bytes().next() {
            _ if keeps.letters == 0 => u128::MAX,
            Some(b) if b.is_ascii() => bits | 1 << b.to_ascii_lowercase(),
            Some(_) => bits,
            None => u128::MAX,
        });
    WantedWords {
        keeps,
        openings,
        firsts,
        analysed: Default::default(),
        word: lower_stem_fold(TextAnalyzer::builder(RawTokenizer::default()), language),
        stem: match language {
            Some(language) => TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(language))
                .filter(AsciiFoldingFilter)
                .build(),
            None => TextAnalyzer::from(RawTokenizer::default()),
        },
    }
}

/// The byte ranges of the words of `text` that the prose analyzers index: the runs of
/// alphanumeric characters that tantivy's `SimpleTokenizer` cuts, shorter than
/// [`LONGEST_WORD`] bytes. Finds them without copying each one into a token.
pub fn word_ranges(text: &str) -> WordRanges<'_> {
    WordRanges {
        text,
        at: 0,
        longest: LONGEST_WORD,
    }
}

/// Every word `SimpleTokenizer` cuts from `text`, however long: [`word_ranges`] with the
/// words it leaves out (which still take a position).
pub(crate) fn all_word_ranges(text: &str) -> WordRanges<'_> {
    WordRanges {
        text,
        at: 0,
        longest: usize::MAX,
    }
}

/// The iterator of [`word_ranges`].
pub struct WordRanges<'a> {
    text: &'a str,
    /// Where the search for the next word starts.
    at: usize,
    /// Words of this many bytes or more are skipped.
    longest: usize,
}

impl Iterator for WordRanges<'_> {
    type Item = Range<usize>;

    #[inline]
    fn next(&mut self) -> Option<Range<usize>> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut at = self.at;
        loop {
            // To the next word's first character …
            let start = loop {
                at += bytes
                    .get(at..)?
                    .iter()
                    .position(|&b| SEPARATOR[usize::from(b)] != 1)?;
                if bytes[at].is_ascii() {
                    break at;
                }
                match char_at(text, at) {
                    Some(c) if is_alphanumeric(c) => break at,
                    Some(c) => at += c.len_utf8(),
                    None => return None,
                }
            };
            // … and past its last.
            loop {
                at += bytes[at..]
                    .iter()
                    .position(|&b| SEPARATOR[usize::from(b)] != 0)
                    .unwrap_or(bytes.len() - at);
                match char_at(text, at) {
                    Some(c) if !c.is_ascii() && is_alphanumeric(c) => at += c.len_utf8(),
                    _ => break,
                }
            }
            self.at = at;
            if at - start < self.longest {
                return Some(start..at);
            }
        }
    }
}

/// Each byte's class for [`WordRanges`]: 0 an ASCII letter or digit, 1 another ASCII
/// character (a separator), 2 a byte of a multibyte character (either).
const SEPARATOR: [u8; 256] = {
    let mut table = [2; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            0
        } else {
            1
        };
        b += 1;
    }
    table
};

/// The character that opens at byte `at` of `text`.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// `char::is_alphanumeric`, without its table search for the typographic quotes, dashes and
/// spaces of General Punctuation (U+2000–U+206F), none of which is a letter or a digit.
fn is_alphanumeric(c: char) -> bool {
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

/// Analyses (with `word`) only the words that could open with one of `openings`; passes the
/// others on untouched (see [`snippet_analyzer`] and [`could_open`]).
#[derive(Clone)]
pub struct WantedWords {
    /// What the stemmer keeps of a word's opening.
    keeps: StemKeeps,
    openings: Vec<Opening>,
    /// The lowercase ASCII letters a wanted word may open with, one bit each (a quick
    /// refusal of most words before [`could_open`]).
    firsts: u128,
    /// Words analysed so far, as written -> as analysed.
    analysed: crate::hash::HashMap<String, String>,
    /// Lowercases, stems and folds one word, as the indexing analyzer does.
    word: TextAnalyzer,
    /// Stems and folds one lowercase ASCII word: the same, without the lowercasing and stem
    /// cache, which were a third of the instructions of a word analysed. (Folding is for the
    /// Turkish stemmer, which may add 'ı' to an ASCII word; ASCII stems go through as they are.)
    stem: TextAnalyzer,
}

impl TokenFilter for WantedWords {
    type Tokenizer<T: Tokenizer> = WantedWordsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WantedWordsFilter<T> {
        WantedWordsFilter {
            inner: tokenizer,
            wanted: self,
        }
    }
}

#[derive(Clone)]
pub struct WantedWordsFilter<T> {
    inner: T,
    wanted: WantedWords,
}

impl<T: Tokenizer> Tokenizer for WantedWordsFilter<T> {
    type TokenStream<'a> = WantedWordsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WantedWordsStream {
            tail: self.inner.token_stream(text),
            wanted: &mut self.wanted,
        }
    }
}

pub struct WantedWordsStream<'a, T> {
    tail: T,
    wanted: &'a mut WantedWords,
}

impl<T: TokenStream> TokenStream for WantedWordsStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(analysed) = self.wanted.analyse(&token.text).map(str::to_string) {
            token.text = analysed;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

impl WantedWords {
    /// What the stemmer keeps of a word's opening.
    pub fn keeps(&self) -> StemKeeps {
        self.keeps
    }

    /// `word` lowercased, stemmed and folded, if it could open one of the wanted terms;
    /// `None` if it cannot be one of them. Analysed words are remembered: going through the
    /// analyzer's chain of boxed filters cost ~1,400 instructions a word.
    pub fn analyse(&mut self, word: &str) -> Option<&str> {
        let &first = word.as_bytes().first()?;
        if !self.may_open(first) {
            return None;
        }
        self.analyse_opening(word)
    }

    /// Whether a word whose first byte is `first` may be analysed into a wanted term: a quick
    /// refusal of most words, before they are even sliced out of the text.
    #[inline]
    pub fn may_open(&self, first: u8) -> bool {
        !first.is_ascii() || self.firsts & (1 << first.to_ascii_lowercase()) != 0
    }

    fn analyse_opening(&mut self, word: &str) -> Option<&str> {
        if !could_open(&self.openings, word.as_bytes()) {
            return None;
        }
        if !self.analysed.contains_key(word) {
            let analysed = if word.is_ascii() {
                // Lowercasing is all the chain does to ASCII besides stemming and folding.
                let lower = word.to_ascii_lowercase();
                let mut stream = self.stem.token_stream(&lower);
                if stream.advance() {
                    stream.token().text.clone()
                } else {
                    lower.clone()
                }
            } else {
                let mut stream = self.word.token_stream(word);
                if stream.advance() {
                    stream.token().text.clone()
                } else {
                    word.to_string()
                }
            };
            if self.analysed.len() >= STEM_CACHE_WORDS {
                self.analysed.clear();
            }
            self.analysed.insert(word.to_string(), analysed);
        }
        self.analysed.get(word).map(String::as_str)
    }
}

/// The first two bytes of a wanted term; `None` for a byte the term lacks or that is not
/// ASCII (it matches any).
type Opening = [Option<u8>; 2];

/// The openings of the wanted terms, without repeats: of each, the first `letters` bytes
/// (at most two) that a word analysed into it keeps (see [`StemKeeps`]).
fn openings<'a>(words: impl IntoIterator<Item = &'a str>, letters: usize) -> Vec<Opening> {
    let mut out: Vec<Opening> = Vec::new();
    for word in words {
        let mut bytes = word
            .bytes()
            .take(letters)
            .map(|b| b.is_ascii().then_some(b));
        let opening = [bytes.next().flatten(), bytes.next().flatten()];
        if !out.contains(&opening) {
            out.push(opening);
        }
    }
    out
}

/// Whether a word as written (`word`) could be analysed (lowercased, stemmed, folded) into a
/// term with one of `openings`. A non-ASCII letter among the first two could fold into
/// anything; a second letter 'y' can become 'i' (see [`snippet_analyzer`]).
fn could_open(openings: &[Opening], word: &[u8]) -> bool {
    let lower = |i: usize| {
        word.get(i)
            .filter(|b| b.is_ascii())
            .map(u8::to_ascii_lowercase)
    };
    let (first, second) = (lower(0), lower(1));
    let fits =
        |want: Option<u8>, have: Option<u8>| want.is_none() || have.is_none() || want == have;
    openings.iter().any(|&[a, b]| {
        fits(a, first)
            && (fits(b, second) || (b == Some(b'i') && second == Some(b'y')))
            && (word.len() > 1 || b.is_none())
    })
}

/// Words of this many bytes or more are left out of the index: they are base64, URLs or
/// garbage, and they bloat the dictionary.
pub const LONGEST_WORD: usize = 40;

/// Words a [`CachedStemmer`] remembers before it starts afresh (bounds its memory).
const STEM_CACHE_WORDS: usize = 100_000;

/// tantivy's [`Stemmer`] with a cache of the words it has stemmed, shared by the analyzer's
/// clones: a snippet generator clones its analyzer for every snippet (see
/// [`snippet_analyzer`]). Same output as the plain stemmer. (Indexing analyzers cache whole
/// words' terms themselves: [`Prose`].)
#[derive(Clone, Copy)]
struct CachedStemmer(Language);

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(self.0))
                .build(),
            cache: Default::default(),
        }
    }
}

/// Word -> stem, hashed with [`crate::hash::WordHasher`].
type StemMap = crate::hash::HashMap<String, String>;

#[derive(Clone)]
struct CachedStemmerFilter<T> {
    inner: T,
    /// Tantivy's stemmer, run on one word at a time.
    stemmer: TextAnalyzer,
    cache: Arc<Mutex<StemMap>>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: &mut self.stemmer,
            cache: self.cache.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }
}

struct CachedStemmerStream<'a, T> {
    tail: T,
    stemmer: &'a mut TextAnalyzer,
    /// Held (locked) for the stream's life.
    cache: MutexGuard<'a, StemMap>,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let cache = &mut *self.cache;
        if let Some(stem) = cache.get(token.text.as_str()) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = {
            let mut stream = self.stemmer.token_stream(&token.text);
            if stream.advance() {
                stream.token().text.clone()
            } else {
                token.text.clone()
            }
        };
        if cache.len() >= STEM_CACHE_WORDS {
            cache.clear();
        }
        cache.insert(std::mem::replace(&mut token.text, stem.clone()), stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Lowercased, accent-folded tokens of a name, as the index stores them.
pub fn name_tokens(name: &str) -> Vec<String> {
    let mut analyzer = name_analyzer();
    let mut stream = analyzer.token_stream(name);
    let mut tokens = Vec::new();
    while stream.advance() {
        tokens.push(stream.token().text.clone());
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_stem_fold_stems_only_with_a_language() {
        let texts = |analyzer| -> Vec<String> {
            tokens(analyzer, "Ministers' Cafés")
                .into_iter()
                .map(|t| t.0)
                .collect()
        };
        let words = || TextAnalyzer::builder(SimpleTokenizer::default());
        assert_eq!(
            texts(lower_stem_fold(words(), Some(Language::English))),
            vec!["minist", "cafe"]
        );
        assert_eq!(
            texts(lower_stem_fold(words(), None)),
            vec!["ministers", "cafes"]
        );
    }

    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn snippet_analyzers_give_the_indexing_tokens() {
        let text = "The ministers said talks continued; the MINISTERS were talking again. \
                    Die Gespräche wurden fortgesetzt. Les négociations continuent.";
        let index = Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).unwrap();
        for field in fields
            .bodies
            .into_iter()
            .chain([fields.title, fields.quote])
        {
            let indexing = index.tokenizer_for_field(field).unwrap();
            let indexed = tokens(indexing.clone(), text);
            let wanted = indexed.iter().map(|(t, ..)| t.as_str());
            let snippet = snippet_analyzer(&fields, field, wanted).unwrap();
            // Clones share the cache: the second is served from what the first stemmed.
            assert_eq!(
                tokens(snippet.clone(), text),
                tokens(indexing.clone(), text)
            );
            assert_eq!(tokens(snippet, text), tokens(indexing, text));
        }
        assert!(snippet_analyzer(&fields, fields.speakers, []).is_none());
    }

    #[test]
    fn word_ranges_are_the_tokenizers_words() {
        let long = "x".repeat(LONGEST_WORD);
        let texts = [
            String::new(),
            " ,.;— ".to_string(),
            "Hello, happy tax-payer!".to_string(),
            "Ökonomie: naïve café crème 12,5% über Straße; 東京都 Ελλάδα Москва!".to_string(),
            "emoji 🙂 and e\u{301}tude, ½ ² ⅷ, tab\tnew\nline x".to_string(),
            format!("{long} {} {long}é ok", &long[1..]),
            "ümlaut at the end: ß".to_string(),
            "“Quoted”—it’s 5‰ … a\u{2009}b\u{2060}c ⁰ⁱ x²".to_string(),
        ];
        // The shortcut for General Punctuation holds.
        assert!(('\u{2000}'..='\u{206f}').all(|c| !c.is_alphanumeric()));
        for text in &texts {
            let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(LONGEST_WORD))
                .build();
            let mut stream = analyzer.token_stream(text);
            let mut expected = Vec::new();
            while let Some(token) = stream.next() {
                expected.push(token.offset_from..token.offset_to);
            }
            assert_eq!(word_ranges(text).collect::<Vec<_>>(), expected, "{text}");
        }
    }

    #[test]
    fn snippet_words_analyse_as_the_snippet_analyzer() {
        let text = "Skies were cloudy as the Ministers, dying to talk, met Émile; MINISTER Yvonne.";
        let index = Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).unwrap();
        let wanted = ["minist", "sky", "die", "emile", "cloudi"];
        let mut words = snippet_words(&fields, fields.title, wanted).unwrap();
        let analyzer = snippet_analyzer(&fields, fields.title, wanted).unwrap();
        let analysed = tokens(analyzer, text);
        let ranges: Vec<_> = word_ranges(text).collect();
        assert_eq!(analysed.len(), ranges.len());
        let mut found = Vec::new();
        for ((token, _, from, to), range) in analysed.iter().zip(ranges) {
            assert_eq!(*from..*to, range);
            let word = &text[range];
            match words.analyse(word) {
                Some(stem) => {
                    assert_eq!(stem, token);
                    found.push(stem.to_string());
                }
                // Left as written: it cannot be a wanted term.
                None => assert!(token == word && !wanted.contains(&word)),
            }
        }
        assert_eq!(found, ["sky", "cloudi", "minist", "die", "emile", "minist"]);
        assert!(snippet_words(&fields, fields.body_for(Some("de")), wanted).is_some());
        assert!(snippet_words(&fields, fields.body_for(None), wanted).is_some());
        assert!(snippet_words(&fields, fields.speakers, wanted).is_none());
    }

    #[test]
    fn snippet_words_find_every_languages_terms() {
        // Words whose terms do not open as they do: German 'ae' -> 'a' and 'ß' -> 'ss', Dutch
        // 'ge-' stripped, Turkish 'ab' -> 'ap', Finnish undoubling, French '-ication' ->
        // '-iqu', Spanish '-encia' -> '-ent', English 'dying' -> 'die'.
        let text = "Aerger Grüße Straße Muenchen gelopen gewerkt ab kitabı Kissa application \
                    conferencia Dying Москва Ελλάδα naïve ÉTAT Übergang";
        let index = Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).unwrap();
        for (i, &field) in fields.bodies.iter().enumerate() {
            let indexed = tokens(index.tokenizer_for_field(field).unwrap(), text);
            for ((term, _, from, to), range) in indexed.iter().zip(word_ranges(text)) {
                assert_eq!(*from..*to, range.clone());
                // Each word alone: a term that is not ASCII would let every word through.
                let mut words = snippet_words(&fields, field, [term.as_str()]).unwrap();
                let word = &text[range];
                let code = STEMMED_LANGUAGES
                    .get(i)
                    .map_or(UNSTEMMED, |&(code, _)| code);
                assert_eq!(words.analyse(word), Some(term.as_str()), "{code}: {word}");
            }
        }
    }

    #[test]
    fn english_snippets_stem_only_words_that_could_match() {
        let text = "Skies were cloudy as ministers, dying to talk, said the generously \
                    funded agencies' early news was only gently ugly; happy yearly yields. \
                    Lying and tying, the cries of ties hoped, agreed, by my mystery Yvonne: \
                    communal arsenals generated idly yelling skis, Émile's Ökonomie; sleeping talks.";
        let index = Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).unwrap();
        let indexed = tokens(index.tokenizer_for_field(fields.title).unwrap(), text);
        // The English stemmer keeps a word's first two letters but for a second 'y' (-> 'i'),
        // which the shortcut relies on.
        for (stem, _, from, to) in &indexed {
            let word = text[*from..*to].to_lowercase();
            let (w, s) = (word.as_bytes(), stem.as_bytes());
            if !w[0].is_ascii() {
                continue; // folded: any analysed word may start so
            }
            assert_eq!(w.first(), s.first(), "{word} -> {stem}");
            let second = (w.get(1), s.get(1));
            assert!(
                second.0 == second.1 || second == (Some(&b'y'), Some(&b'i')) || !w[1].is_ascii(),
                "{word} -> {stem}"
            );
        }
        let wanted = ["minist", "sky", "die", "lie", "tie"];
        let snippet = snippet_analyzer(&fields, fields.title, wanted).unwrap();
        let got = tokens(snippet, text);
        assert_eq!(got.len(), indexed.len());
        let mut analysed = Vec::new();
        for (got, want) in got.iter().zip(&indexed) {
            if wanted.contains(&want.0.as_str()) || got.0 != text[got.2..got.3] {
                assert_eq!(got, want);
                analysed.push(got.0.as_str());
            } else {
                // Left as written, case included: it could not match.
                assert_eq!((got.1, got.2, got.3), (want.1, want.2, want.3));
            }
        }
        // Every word that analyses into a wanted term was analysed, and only words opening
        // like one (or not in ASCII) were.
        for term in ["sky", "minist", "die", "lie", "tie", "mysteri"] {
            assert!(analysed.contains(&term), "{term} in {analysed:?}");
        }
        assert!(!analysed.iter().any(|t| t.starts_with(['w', 'c', 'a', 'h'])));
        // Opening with a wanted term's first letter is not enough.
        let written: Vec<&str> = got.iter().map(|t| t.0.as_str()).collect();
        assert!(written.contains(&"sleeping") && written.contains(&"talks"));
        assert!(analysed.iter().any(|t| t.starts_with("emil")));
        assert!(analysed.iter().any(|t| t.starts_with("okonom")));
    }

    #[test]
    fn cached_stemming_gives_the_plain_stemmer_output() {
        let text = "The ministers said talks continued; the MINISTERS were talking again. \
                    Die Gespräche wurden fortgesetzt, sagten die Minister. Les négociations \
                    continuent, ont déclaré les ministres. Переговоры продолжаются.";
        for (_, language) in STEMMED_LANGUAGES {
            let plain = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(Stemmer::new(language))
                .filter(AsciiFoldingFilter)
                .build();
            // Twice through one analyzer: the second pass is served from the cache.
            let mut cached = prose_analyzer(Some(language));
            let first = tokens(cached.clone(), text);
            let _ = cached.token_stream(text).advance();
            assert_eq!(first, tokens(plain.clone(), text), "{language:?}");
            assert_eq!(
                tokens(cached, &format!("{text} {text}")),
                tokens(plain, &format!("{text} {text}")),
                "{language:?}"
            );
        }
    }
}
