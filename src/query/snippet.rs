//! Snippets: the best passage of a hit's text for the query's words, with the words marked.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use super::Snippet;
use crate::index::schema::{Fields, WantedWords, snippet_analyzer, snippet_words, word_ranges};

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
                    Some(words) => Words::Wanted(words),
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
