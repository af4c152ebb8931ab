//! Snippets: the best passage of a hit's text for the query's words, with the words marked.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use super::Snippet;
use crate::index::schema::{
    Fields, StemKeeps, WantedWords, snippet_analyzer, snippet_words, word_ranges,
};

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 240;

/// Snippet makers, one per indexed field that a hit's text was analysed with (each body
/// language has its own stemmer), made on first use.
pub(crate) struct Snippets<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    query: Option<&'a dyn Query>,
    /// Words the query asks for only inside a phrase: alone, they are not worth marking.
    phrase_only_words: HashSet<String>,
    passages: HashMap<Field, Passages>,
}

impl<'a> Snippets<'a> {
    /// Snippets for the hits of `query` (the parsed query and the text it was parsed from);
    /// without a query every snippet is the opening of the text.
    pub(crate) fn new(
        searcher: &'a Searcher,
        fields: &'a Fields,
        query: Option<(&'a dyn Query, &str)>,
    ) -> Self {
        Snippets {
            searcher,
            fields,
            query: query.map(|(query, _)| query),
            phrase_only_words: query
                .map(|(_, text)| phrase_only_words(text))
                .unwrap_or_default(),
            passages: HashMap::new(),
        }
    }

    /// The snippet of `text`, analysed as `field`; the opening lines when nothing matched.
    pub(crate) fn make(&mut self, field: Field, text: &str) -> tantivy::Result<Snippet> {
        let Some(query) = self.query else {
            return Ok(lead(text));
        };
        let passages = match self.passages.entry(field) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let terms = snippet_terms(self.searcher, query, field)?;
                let wanted = || terms.keys().map(String::as_str);
                let words = match snippet_words(self.fields, field, wanted()) {
                    Some(words) => Words::wanted(words, wanted()),
                    None => Words::Stream(match snippet_analyzer(self.fields, field, wanted()) {
                        Some(analyzer) => analyzer,
                        None => self.searcher.index().tokenizer_for_field(field)?,
                    }),
                };
                e.insert(Passages {
                    terms: terms.into_iter().collect(),
                    words,
                })
            }
        };
        let Some((range, marks)) = passages.best(text) else {
            return Ok(lead(text));
        };
        let fragment = &text[range.clone()];
        let marks: Vec<_> = marks
            .into_iter()
            .map(|r| r.start - range.start..r.end - range.start)
            .collect();
        let highlights = merge_phrase_ranges(fragment, &marks)
            .into_iter()
            .filter(|r| {
                let marked = &fragment[r.clone()];
                marked.contains(char::is_whitespace)
                    || !self.phrase_only_words.contains(&marked.to_lowercase())
            })
            .collect();
        Ok(Snippet {
            text: fragment.to_string(),
            highlights,
        })
    }
}

/// Finds the best passage of a text for a query's words in one field: tantivy's snippet
/// algorithm (`SnippetGenerator`: cut the text into windows of at most [`SNIPPET_CHARS`]
/// bytes, each word's score summed, the earliest of the best windows), without its
/// lowercased copy of every word looked up in an ordered map: pressdex's analyzers give
/// lowercase words already. That copy and lookup were a fifth of a search's snippet
/// instructions (callgrind, `search government` on Reuters).
struct Passages {
    /// The query's analysed words in this field, each scored by rarity (see [`snippet_terms`]).
    /// A query has a few words: comparing each token with them is cheaper than hashing it
    /// (SipHash of every token of the ten hits was 4% of a whole-process search).
    terms: Vec<(String, f32)>,
    words: Words,
}

/// How a field's text is cut into analysed words.
enum Words {
    /// Every word's place found without copying it (see [`word_ranges`]), and only the words
    /// that could be one of the terms analysed. Cutting the ten hits' whole text into tokens
    /// with tantivy's tokenizer (each copied into the token, then through a chain of boxed
    /// filters) was 70% of a phrase search's instructions on the HTML pages' long bodies.
    Wanted(WantedWords),
    /// As `Wanted`, but only the words that open with one of these ASCII bytes (or with a
    /// character that is not ASCII) are found, by [`memchr`], and the windows between them
    /// are skipped (see [`best_window`]). Finding every word of the ten hits was over a
    /// third of the instructions of the benchmark's queries on the HTML pages (callgrind,
    /// six query shapes: 1.369G -> 0.901G without it).
    Openings(WantedWords, Openings),
    /// The field's analyzer over the whole text.
    Stream(TextAnalyzer),
}

impl Passages {
    /// The byte range of the best passage of `text` and the byte ranges (in `text`) of the
    /// words it matched; `None` when no word matched.
    fn best(&mut self, text: &str) -> Option<(Range<usize>, Vec<Range<usize>>)> {
        let terms = &self.terms;
        let score = |word: &str| terms.iter().find(|(t, _)| t == word).map(|&(_, s)| s);
        let mut windows = Windows::default();
        match &mut self.words {
            Words::Openings(wanted, openings) => {
                let marks = openings.words(text).into_iter().filter_map(|range| {
                    let analysed = text.get(range.clone()).and_then(|w| wanted.analyse(w));
                    Some((range, analysed.and_then(score)?))
                });
                return best_window(text, marks);
            }
            Words::Wanted(wanted) => {
                let bytes = text.as_bytes();
                for range in word_ranges(text) {
                    let analysed = match bytes.get(range.start) {
                        Some(&first) if wanted.may_open(first) => text
                            .get(range.clone())
                            .and_then(|word| wanted.analyse(word)),
                        _ => None,
                    };
                    windows.push(range, analysed.and_then(score));
                }
            }
            Words::Stream(analyzer) => {
                let mut stream = analyzer.token_stream(text);
                while let Some(token) = stream.next() {
                    windows.push(token.offset_from..token.offset_to, score(&token.text));
                }
            }
        }
        windows.best()
    }
}

/// Most ASCII bytes the wanted words may open with for [`Words::Openings`] (a case pair counts
/// two): each group of three costs a pass of `memchr` over every hit's text, four passes
/// still far less than analysing every word (a four-word query, eight openers, on the HTML
/// pages, 300 searches: 2.79G -> 2.27G instructions with 12 instead of 6).
const MOST_OPENERS: usize = 12;

impl Words {
    /// [`Words::Openings`] for `wanted` (the analyser of `terms`) when its words open with few
    /// enough ASCII bytes, else [`Words::Wanted`]. Also [`Words::Wanted`] when a term opens with
    /// a letter that is not ASCII ('москв'): only the words that do too may be it, and finding
    /// those by every multibyte character in a text in that script cost more than cutting its
    /// words (callgrind, a Russian term over the HTML pages: 2.13G -> 3.16G instructions).
    fn wanted<'a>(wanted: WantedWords, terms: impl IntoIterator<Item = &'a str>) -> Words {
        let openers: Vec<u8> = (0..128).filter(|&b| wanted.may_open(b)).collect();
        if openers.len() > MOST_OPENERS {
            return Words::Wanted(wanted);
        }
        let keeps = wanted.keeps();
        let heads = terms
            .into_iter()
            .map(|term| head(term, keeps))
            .collect::<Vec<_>>();
        if heads.iter().any(|head| head.is_empty()) {
            return Words::Wanted(wanted);
        }
        Words::Openings(wanted, Openings { openers, heads })
    }
}

/// The bytes a word analysed into `term` opens with (lowercased, as far as it is ASCII), given
/// what its language's stemmer keeps of a word's opening (see [`StemKeeps`]): all but the
/// term's last `adds` bytes, and at least its first `letters`, which [`WantedWords`] asks of
/// any word it analyses (a second letter 'i' may be written 'y': 'dying' -> 'die'). Cut
/// before the first byte that is not ASCII. The English stemmer (Porter2) only rewrites
/// endings, and its rewrites add at most two letters that the word lacked ('-bility' ->
/// '-ble', 'dying' -> 'die'); one for most ('-ational' -> '-ate', 'hoping' -> 'hope').
fn head(term: &str, keeps: StemKeeps) -> Vec<u8> {
    let term = term.as_bytes();
    let len = term
        .len()
        .saturating_sub(keeps.adds)
        .max(term.len().min(keeps.letters));
    term[..len]
        .iter()
        .take_while(|b| b.is_ascii())
        .copied()
        .collect()
}

/// Where the words that may be analysed into a query's terms open, for [`Words::Openings`].
struct Openings {
    /// The ASCII bytes a wanted word may open with (see [`WantedWords::may_open`]).
    openers: Vec<u8>,
    /// Each term's [`head`]: a word opens with one of them, in either case, up to its first
    /// character that is not ASCII (which lowercasing or folding may turn into anything).
    heads: Vec<Vec<u8>>,
}

impl Openings {
    /// The words of `text` (those of [`word_ranges`], in order) that open with one of the
    /// ASCII bytes `openers` and one of the `heads`, or with a character that is not ASCII.
    fn words(&self, text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut take = |at: usize| {
            // Most hits are inside a word: a letter or digit just before tells at once.
            let inside = at
                .checked_sub(1)
                .is_some_and(|before| bytes[before].is_ascii_alphanumeric());
            if !inside
                && self.heads_fit(&bytes[at..])
                && let Some(word) = word_opening_at(text, at)
            {
                found.push(word);
            }
        };
        for group in self.openers.chunks(3) {
            match *group {
                [a] => memchr::memchr_iter(a, bytes).for_each(&mut take),
                [a, b] => memchr::memchr2_iter(a, b, bytes).for_each(&mut take),
                [a, b, c] => memchr::memchr3_iter(a, b, c, bytes).for_each(&mut take),
                _ => {}
            }
        }
        each_multibyte_start(bytes, take);
        found.sort_unstable_by_key(|word| word.start);
        found
    }

    /// Whether `rest` (of a text) opens with one of the heads, as far as it is ASCII.
    fn heads_fit(&self, rest: &[u8]) -> bool {
        self.heads.iter().any(|head| {
            for (i, &h) in head.iter().enumerate() {
                match rest.get(i) {
                    Some(b) if !b.is_ascii() => return true,
                    Some(b) if b.to_ascii_lowercase() == h => {}
                    Some(b) if i == 1 && h == b'i' && b.eq_ignore_ascii_case(&b'y') => {}
                    _ => return false,
                }
            }
            true
        })
    }
}

/// The word of [`word_ranges`] that opens at byte `at` of `text`, if one does.
fn word_opening_at(text: &str, at: usize) -> Option<Range<usize>> {
    let rest = text.get(at..)?;
    if !rest.chars().next().is_some_and(is_word_char)
        || text[..at].chars().next_back().is_some_and(is_word_char)
    {
        return None;
    }
    // A run of 40 bytes or more is no word: the first word found is then a later one.
    word_ranges(rest)
        .next()
        .filter(|word| word.start == 0)
        .map(|word| at..at + word.end)
}

/// Calls `f` with the position of every byte of `bytes` that opens a multibyte UTF-8
/// character (`0b11xx_xxxx`), eight bytes at a time.
fn each_multibyte_start(bytes: &[u8], mut f: impl FnMut(usize)) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        // A byte's top bit, and the bit under it shifted up into the top bit's place.
        let mut starts = word & (word << 1) & HIGH;
        while starts != 0 {
            f(at + starts.trailing_zeros() as usize / 8);
            starts &= starts - 1;
        }
        at += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b >= 0xC0 {
            f(at + i);
        }
    }
}

/// Whether `c` can be part of a word of [`word_ranges`]: a letter or a digit, but none of the
/// typographic quotes, dashes and spaces of General Punctuation (U+2000–U+206F).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
    }
}

/// The start of the first word of [`word_ranges`] in `text` that ends after byte `limit`:
/// the word holding that byte, or the first one after it.
fn first_word_ending_after(text: &str, limit: usize) -> Option<usize> {
    if limit >= text.len() {
        return None;
    }
    let mut at = limit;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // Back to the start of the run of word characters holding `at`.
    if text[at..].chars().next().is_some_and(is_word_char) {
        while let Some(c) = text[..at].chars().next_back()
            && is_word_char(c)
        {
            at -= c.len_utf8();
        }
    }
    word_ranges(&text[at..]).next().map(|word| at + word.start)
}

/// What [`Windows`] finds when fed every word of `text`, from only the words that score
/// (`marks`, in order): the window a word falls in depends on where the windows before it
/// opened, so each window's start is found from the last one's by looking at the text around
/// its end, not at every word before.
fn best_window(
    text: &str,
    marks: impl Iterator<Item = (Range<usize>, f32)>,
) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    // The window being filled; its `stop` is where the next one opens (the text's end for
    // the last), until the best one's last word is found at the end.
    let mut window = Window::default();
    let mut next = first_word_ending_after(text, SNIPPET_CHARS);
    let mut best: Option<Window> = None;
    let keep = |window: Window, best: &mut Option<Window>| {
        if window.score > 0.0 && best.as_ref().is_none_or(|b| window.score > b.score) {
            *best = Some(window);
        }
    };
    for (range, score) in marks {
        while let Some(start) = next
            && start <= range.start
        {
            let full = std::mem::replace(
                &mut window,
                Window {
                    start,
                    ..Window::default()
                },
            );
            keep(
                Window {
                    stop: start,
                    ..full
                },
                &mut best,
            );
            next = first_word_ending_after(text, start + SNIPPET_CHARS);
        }
        window.score += score;
        window.marks.push(range);
    }
    let stop = next.unwrap_or(text.len());
    keep(Window { stop, ..window }, &mut best);
    let best = best?;
    let stop = text
        .get(best.start..best.stop)
        .and_then(|within| word_ranges(within).last())
        .map_or(best.start, |word| best.start + word.end);
    Some((best.start..stop, best.marks))
}

/// The windows of a text, fed its words in order: a window opens at a word and takes the
/// words that end within [`SNIPPET_CHARS`] bytes of its start.
#[derive(Default)]
struct Windows {
    best: Option<Window>,
    window: Window,
}

#[derive(Default)]
struct Window {
    score: f32,
    start: usize,
    stop: usize,
    marks: Vec<Range<usize>>,
}

impl Windows {
    /// The next word, at `range` of the text, and its score if it is one of the terms.
    fn push(&mut self, range: Range<usize>, score: Option<f32>) {
        if range.end - self.window.start > SNIPPET_CHARS {
            let start = range.start;
            let full = std::mem::replace(
                &mut self.window,
                Window {
                    start,
                    stop: start,
                    ..Window::default()
                },
            );
            self.keep(full);
        }
        self.window.stop = range.end;
        if let Some(score) = score {
            self.window.score += score;
            self.window.marks.push(range);
        }
    }

    /// Keeps `window` if it scores more than the best so far.
    fn keep(&mut self, window: Window) {
        if window.score > 0.0 && self.best.as_ref().is_none_or(|b| window.score > b.score) {
            self.best = Some(window);
        }
    }

    /// The byte range and marked words of the earliest best window; `None` when no word matched.
    fn best(mut self) -> Option<(Range<usize>, Vec<Range<usize>>)> {
        let last = std::mem::take(&mut self.window);
        self.keep(last);
        self.best.map(|w| (w.start..w.stop, w.marks))
    }
}

/// The query's words in `field` that occur in the index, each scored as
/// tantivy's `SnippetGenerator::create` scores them (rarer words count more).
fn snippet_terms(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
) -> tantivy::Result<BTreeMap<String, f32>> {
    let mut terms: BTreeSet<&Term> = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.insert(term);
        }
    });
    let mut scored = BTreeMap::new();
    for term in terms {
        let value = term.value();
        let Some(text) = value.as_str() else {
            continue;
        };
        let doc_freq = searcher.doc_freq(term)?;
        if doc_freq > 0 {
            scored.insert(text.to_string(), 1.0 / (1.0 + doc_freq as f32));
        }
    }
    Ok(scored)
}

/// Lowercased words that occur in the query only inside quoted phrases.
fn phrase_only_words(query: &str) -> HashSet<String> {
    let mut inside = HashSet::new();
    let mut outside = HashSet::new();
    for (i, part) in query.split('"').enumerate() {
        let set = if i % 2 == 1 {
            &mut inside
        } else {
            &mut outside
        };
        for word in part.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() {
                set.insert(word.to_lowercase());
            }
        }
    }
    inside.retain(|w| !outside.contains(w));
    inside
}

/// The opening of a text as a snippet, cut at a word boundary.
fn lead(text: &str) -> Snippet {
    let mut end = text.len();
    if let Some((i, _)) = text.char_indices().nth(SNIPPET_CHARS) {
        end = text[..i].rfind(char::is_whitespace).unwrap_or(i);
    }
    Snippet {
        text: text[..end].trim().to_string(),
        highlights: Vec::new(),
    }
}

/// Joins highlighted words separated only by spaces or punctuation, so a matched phrase is
/// marked as one phrase ("megaphone diplomacy"), not two words.
pub fn merge_phrase_ranges(
    text: &str,
    ranges: &[std::ops::Range<usize>],
) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for r in ranges {
        if let Some(last) = out.last_mut() {
            let gap = text.get(last.end..r.start).unwrap_or("x");
            if r.start >= last.end && gap.len() <= 3 && gap.chars().all(|c| !c.is_alphanumeric()) {
                last.end = r.end;
                continue;
            }
        }
        out.push(r.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_are_the_earliest_best_window() {
        let mut passages = Passages {
            terms: vec![("tariff".to_string(), 0.5), ("steel".to_string(), 0.2)],
            words: Words::Stream(
                TextAnalyzer::builder(tantivy::tokenizer::SimpleTokenizer::default())
                    .filter(tantivy::tokenizer::LowerCaser)
                    .build(),
            ),
        };
        let filler = "and so on ".repeat(30);
        // Steel alone early, steel and a tariff later: the later window scores more.
        let text = format!("Steel rose. {filler}Steel tariff talks. {filler}Tariff news.");
        let (range, marks) = passages.best(&text).unwrap();
        assert!(range.len() <= SNIPPET_CHARS);
        let marked: Vec<&str> = marks.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, ["Steel", "tariff"]);
        assert!(text[range].contains("Steel tariff talks"));
        // Two windows scoring the same: the first.
        let text = format!("A tariff. {filler}Another tariff.");
        let (range, _) = passages.best(&text).unwrap();
        assert_eq!(range.start, 0);
        assert!(passages.best("Nothing to see here.").is_none());
        assert!(passages.best("").is_none());
    }

    #[test]
    fn english_words_found_one_by_one_give_the_analyzers_passage() {
        use crate::index::schema::{build_schema, register_analyzers};
        let index = tantivy::Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).unwrap();
        let terms = vec![("minist".to_string(), 0.5), ("tariff".to_string(), 0.3)];
        let wanted = || terms.iter().map(|(t, _)| t.as_str());
        let mut by_word = Passages {
            terms: terms.clone(),
            words: Words::Wanted(snippet_words(&fields, fields.title, wanted()).unwrap()),
        };
        let mut by_stream = Passages {
            terms: terms.clone(),
            words: Words::Stream(snippet_analyzer(&fields, fields.title, wanted()).unwrap()),
        };
        let filler = "The “talks” — long, slow, naïve — went on; ".repeat(9);
        let long = "x".repeat(60);
        for text in [
            format!("{filler}Ministers met. {filler}The MINISTER’s tariffs {long} and ministries."),
            format!("Tariff{long} {filler}Émile’s tariff, a minister’s."),
            String::new(),
            "no match here".to_string(),
        ] {
            assert_eq!(by_word.best(&text), by_stream.best(&text), "{text}");
        }
        assert!(by_word.best(&format!("{filler} tariffs")).is_some());
    }

    /// Pieces of text for [`openings_find_the_scans_passage`]: words whose stems add letters
    /// ('dying' -> 'die', 'capability' -> 'capabl', French 'application' -> 'appliqu') or
    /// rewrite them inside the word (German 'Aerger' -> 'arg', Dutch 'gelopen' -> 'lop',
    /// Turkish 'ab' -> 'ap'), words with letters that are not ASCII, words too long to index,
    /// separators that are and are not ASCII.
    const PIECES: [&str; 56] = [
        "Aerger",
        "ärger",
        "Straße",
        "strass",
        "gelopen",
        "lopen",
        "ab",
        "ap",
        "kitabı",
        "application",
        "appliquer",
        "Москва",
        "prime",
        "Minister",
        "ministers",
        "MINISTRY",
        "pri",
        "prim",
        "dying",
        "DYING",
        "die",
        "capability",
        "relational",
        "hoping",
        "hope",
        "agency",
        "early",
        "skies",
        "happy",
        "happiness",
        "Émile",
        "naïve",
        "Ωmega",
        "中文",
        "İstanbul",
        "ﬁnal",
        "Straße",
        "x1y2",
        "1990s",
        "a",
        "I",
        "pppppppppppppppppppppppppppppppppppppppppppp",
        " ",
        " ",
        "  ",
        ", ",
        ". ",
        "\n",
        "’",
        "“",
        "—",
        "'",
        "é",
        "\u{301}",
        "_",
        "and so on ",
    ];

    proptest::proptest! {
        // Each stemmer gets ~100 cases.
        #![proptest_config(proptest::test_runner::Config::with_cases(2000))]

        /// Finding only the words that may open a term, and jumping from window to window,
        /// gives the passage that analysing every word gives.
        #[test]
        fn openings_find_the_scans_passage(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..600),
            picked in proptest::collection::vec(0..PIECES.len(), 1..4),
            language in 0..crate::index::schema::BODY_FIELDS,
        ) {
            use crate::index::schema::{build_schema, register_analyzers};
            let index = tantivy::Index::create_in_ram(build_schema());
            register_analyzers(&index);
            let fields = Fields::new(&index.schema()).unwrap();
            let field = fields.bodies[language];
            let mut analyzer = index.tokenizer_for_field(field).unwrap();
            let mut terms: Vec<(String, f32)> = Vec::new();
            for (i, &piece) in picked.iter().enumerate() {
                let mut stream = analyzer.token_stream(PIECES[piece]);
                if stream.advance() && !terms.iter().any(|(t, _)| *t == stream.token().text) {
                    terms.push((stream.token().text.clone(), 0.5 / (i + 1) as f32));
                }
            }
            let wanted = || terms.iter().map(|(t, _)| t.as_str());
            let words = || snippet_words(&fields, field, wanted()).unwrap();
            let mut by_scan = Passages { terms: terms.clone(), words: Words::Wanted(words()) };
            let mut by_openings = Passages {
                terms: terms.clone(),
                words: Words::wanted(words(), wanted()),
            };
            let mut by_stream = Passages {
                terms: terms.clone(),
                words: Words::Stream(snippet_analyzer(&fields, field, wanted()).unwrap()),
            };
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let expected = by_stream.best(&text);
            proptest::prop_assert_eq!(&by_scan.best(&text), &expected);
            proptest::prop_assert_eq!(by_openings.best(&text), expected);
        }
    }

    #[test]
    fn openings_need_the_terms_heads() {
        use crate::index::schema::{build_schema, register_analyzers};
        let index = tantivy::Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).unwrap();
        let terms = ["die", "capabl", "minist"];
        let Words::Openings(_, openings) =
            Words::wanted(snippet_words(&fields, fields.title, terms).unwrap(), terms)
        else {
            panic!("three terms open with few letters");
        };
        let text = "Dying minor capability ministers’ Capital d’Émile";
        let found: Vec<&str> = openings.words(text).into_iter().map(|r| &text[r]).collect();
        // 'minor' and 'Capital' cannot stem to a term; 'Émile' may fold into anything.
        assert_eq!(found, ["Dying", "capability", "ministers", "d", "Émile"]);
        let short = ["go"];
        let Words::Openings(_, openings) =
            Words::wanted(snippet_words(&fields, fields.title, short).unwrap(), short)
        else {
            panic!("one term");
        };
        assert_eq!(openings.words("a gong, agog").len(), 1);
    }

    #[test]
    fn german_openings_need_only_the_first_letter() {
        use crate::index::schema::{build_schema, register_analyzers};
        let index = tantivy::Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).unwrap();
        // 'Aerger' is analysed into 'arg': its second letter is not the term's.
        let terms = ["arg"];
        let german = fields.body_for(Some("de"));
        let Words::Openings(_, openings) =
            Words::wanted(snippet_words(&fields, german, terms).unwrap(), terms)
        else {
            panic!("one term");
        };
        let text = "Aerger, kein Ärger: ein Argument";
        let found: Vec<&str> = openings.words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Aerger", "Ärger", "Argument"]);
        // A term in another script: only the words that do not open with ASCII may be it.
        let moscow = ["москва"];
        let Words::Wanted(mut words) =
            Words::wanted(snippet_words(&fields, german, moscow).unwrap(), moscow)
        else {
            panic!("a term that is not ASCII");
        };
        assert!(words.analyse("Moskau").is_none());
        assert_eq!(words.analyse("МОСКВА"), Some("москва"));
        // Dutch strips 'ge-': no word may be skipped.
        let dutch = fields.body_for(Some("nl"));
        let lop = ["lop"];
        assert!(matches!(
            Words::wanted(snippet_words(&fields, dutch, lop).unwrap(), lop),
            Words::Wanted(_)
        ));
    }

    #[test]
    fn multibyte_starts_are_found_in_every_lane() {
        let text = "aé€b😀 ".repeat(5);
        let mut found = Vec::new();
        each_multibyte_start(text.as_bytes(), |at| found.push(at));
        let expected: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| !c.is_ascii())
            .map(|(at, _)| at)
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn merges_highlights_of_a_phrase() {
        let text = "avoid megaphone diplomacy now";
        assert_eq!(merge_phrase_ranges(text, &[6..15, 16..25]), vec![6..25]);
        assert_eq!(
            merge_phrase_ranges("a megaphone and diplomacy", &[2..11, 16..25]),
            vec![2..11, 16..25]
        );
    }
}
