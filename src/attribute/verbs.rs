//! The listed words of a text, found word by word in one pass: the speech verbs, with the
//! same matches as the cue pattern `\b(?:said|says|…|according\s+to|…)\b` (ASCII word
//! boundaries, longest verb first, `\s` the ASCII spaces and the no-break space), without
//! running its automaton; and, for [`scan`], the words other rules start from (a source
//! noun of `sources`, a poll noun of `polls`, the "of" of `joined` and the "by" of
//! `participles`), so that those rules need no search of their own. The cue finder reads every paragraph this way: most words are turned away by their
//! first byte and length alone.

use std::sync::LazyLock;

use super::cues::{SOURCE_NOUNS, SPEECH_VERBS};
use super::polls::POLL_NOUNS;
use crate::hash::HashMap;

/// A speech verb found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Verb<'t> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// A listed word: what a rule starts from besides speech verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// "spokeswoman" of "a spokeswoman for Acme said" ([`SOURCE_NOUNS`]).
    Source,
    /// "poll" of "in a new Acme poll" ([`POLL_NOUNS`]).
    Poll,
    /// "of" of "the Department of Acme said".
    Of,
    /// "by" of "answered by calling it a mistake".
    By,
}

/// What a word opens or is.
#[derive(Default)]
struct Entry {
    /// The verbs opening with the word, in the pattern's order (longest first).
    verbs: Vec<&'static [u8]>,
    kind: Option<Kind>,
}

/// Which words may be looked up: for the last five bits of two of a word's bytes, one bit
/// per length (below 64) of a listed word with such bytes. A word passes when both tables let
/// it: the first keyed by its first and last bytes, the second by its second and third (the
/// last byte for shorter words). Most words are turned away by the first ("add" lets "and"
/// through), more than half of the rest by the second.
#[derive(Clone, Copy)]
struct Filter {
    ends: [u64; 1024],
    inner: [u64; 1024],
}

impl Filter {
    const EMPTY: Self = Self {
        ends: [0; 1024],
        inner: [0; 1024],
    };

    fn add(&mut self, word: &[u8]) {
        self.ends[ends(word)] |= 1 << word.len();
        self.inner[inner(word)] |= 1 << word.len();
    }

    /// Whether `word` (non-empty) may be listed.
    fn lets(&self, word: &[u8]) -> bool {
        let len = word.len();
        len < 64 && self.ends[ends(word)] >> len & 1 == 1 && self.inner[inner(word)] >> len & 1 == 1
    }
}

/// The listed words, indexed by their (first) word.
struct Table {
    /// The filter of first words of verbs.
    verbs: Filter,
    /// The filter of first words of verbs and of nouns.
    all: Filter,
    by_head: HashMap<&'static [u8], Entry>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    // The pattern's order: longest first, a stable sort.
    let mut ordered: Vec<&'static str> = SPEECH_VERBS.to_vec();
    ordered.sort_by_key(|v| std::cmp::Reverse(v.len()));
    let mut table = Table {
        verbs: Filter::EMPTY,
        all: Filter::EMPTY,
        by_head: HashMap::default(),
    };
    for verb in ordered {
        let bytes = verb.as_bytes();
        let head = &bytes[..verb.find(' ').unwrap_or(verb.len())];
        if !is_lexicon_word(head) {
            continue;
        }
        table.verbs.add(head);
        table.all.add(head);
        table.by_head.entry(head).or_default().verbs.push(bytes);
    }
    let sources = SOURCE_NOUNS.iter().map(|n| (n, Kind::Source));
    let polls = POLL_NOUNS.iter().map(|n| (n, Kind::Poll));
    for (noun, kind) in sources
        .chain(polls)
        .chain([(&"of", Kind::Of), (&"by", Kind::By)])
    {
        let word = noun.as_bytes();
        // A noun with a space or a non-word byte is no word the scan reads: a test keeps
        // the lists free of them.
        if is_lexicon_word(word) {
            table.all.add(word);
            table.by_head.entry(word).or_default().kind = Some(kind);
        }
    }
    table
});

/// Whether `word` is one word the scan can find: word bytes only, shorter than 64 bytes.
fn is_lexicon_word(word: &[u8]) -> bool {
    !word.is_empty() && word.len() < 64 && word.iter().copied().all(is_word)
}

/// The [`Filter::ends`] slot of a (non-empty) word.
fn ends(word: &[u8]) -> usize {
    usize::from(word[0] & 31) << 5 | usize::from(word[word.len() - 1] & 31)
}

/// The [`Filter::inner`] slot of a (non-empty) word.
fn inner(word: &[u8]) -> usize {
    let last = word.len() - 1;
    usize::from(word[1.min(last)] & 31) << 5 | usize::from(word[2.min(last)] & 31)
}

/// The ASCII word bytes, as `(?-u:\b)` reads them.
static WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    table
};

/// Whether `b` is an ASCII word byte.
fn is_word(b: u8) -> bool {
    WORD[usize::from(b)]
}

/// Where the rest of a verb after its first word (" to" of "according to") ends when it
/// follows at byte `at` of `text`, a space in it standing for a run of spaces, with a word
/// boundary after it.
fn rest_end(text: &[u8], mut at: usize, rest: &[u8]) -> Option<usize> {
    for &c in rest {
        if c == b' ' {
            let from = at;
            loop {
                match text.get(at..) {
                    Some([b' ' | b'\t' | b'\r' | b'\n', ..]) => at += 1,
                    Some([0xC2, 0xA0, ..]) => at += 2,
                    _ => break,
                }
            }
            if at == from {
                return None;
            }
        } else if text.get(at) == Some(&c) {
            at += 1;
        } else {
            return None;
        }
    }
    (!text.get(at).copied().is_some_and(is_word)).then_some(at)
}

/// The speech verbs of a text, left to right, as the cue pattern's `find_iter` gives them;
/// from [`scan`], it notes the listed words it passes on the way.
pub struct Scan<'t> {
    text: &'t str,
    /// Where the search goes on.
    at: usize,
    /// The filter of the words looked up: verbs' first words, or the listed words as well.
    filter: &'static Filter,
    listed: Listed,
}

/// The listed words of a text, each left to right.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Listed {
    /// Byte ranges of the source nouns ([`SOURCE_NOUNS`]) written as whole ASCII words.
    pub sources: Vec<(usize, usize)>,
    /// Byte starts of the poll nouns ([`POLL_NOUNS`]) written as whole ASCII words.
    pub polls: Vec<usize>,
    /// Where each " of " starts (its first space), as a search left to right finds them: one
    /// that starts inside the one before ("of of ") is none.
    pub of: Vec<usize>,
    /// Where each " by " starts, the same way.
    pub by: Vec<usize>,
}

/// Notes an "of" or "by" at byte `start` of `bytes` in `found` when a space stands on either
/// side of it and the one noted before does not hold that first space.
fn note_tie(found: &mut Vec<usize>, bytes: &[u8], start: usize) {
    let Some(space) = start.checked_sub(1) else {
        return;
    };
    if bytes[space] == b' '
        && bytes.get(start + 2) == Some(&b' ')
        && found.last().is_none_or(|&last| space >= last + 4)
    {
        found.push(space);
    }
}

impl<'t> Iterator for Scan<'t> {
    type Item = Verb<'t>;

    fn next(&mut self) -> Option<Verb<'t>> {
        let table = &*TABLE;
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        while i < bytes.len() {
            if !is_word(bytes[i]) {
                i += 1;
                continue;
            }
            // A word starts at `i`: a verb may match only if it opens with this whole word.
            let start = i;
            while i < bytes.len() && is_word(bytes[i]) {
                i += 1;
            }
            let len = i - start;
            if !self.filter.lets(&bytes[start..i]) {
                continue;
            }
            let Some(entry) = table.by_head.get(&bytes[start..i]) else {
                continue;
            };
            match entry.kind {
                Some(Kind::Source) => self.listed.sources.push((start, i)),
                Some(Kind::Poll) => self.listed.polls.push(start),
                Some(Kind::Of) => note_tie(&mut self.listed.of, bytes, start),
                Some(Kind::By) => note_tie(&mut self.listed.by, bytes, start),
                None => {}
            }
            if let Some(end) = entry
                .verbs
                .iter()
                .find_map(|verb| rest_end(bytes, i, &verb[len..]))
            {
                self.at = end;
                return Some(Verb {
                    text: self.text,
                    start,
                    end,
                });
            }
        }
        self.at = i;
        None
    }
}

impl Scan<'_> {
    /// The listed words of the whole text (the verbs not yet taken are passed over).
    pub fn listed(mut self) -> Listed {
        self.by_ref().for_each(drop);
        self.listed
    }
}

/// The speech verbs of `text`, left to right, as the cue pattern's `find_iter` gives them.
pub fn speech_verbs(text: &str) -> Scan<'_> {
    Scan {
        text,
        at: 0,
        filter: &TABLE.verbs,
        listed: Listed::default(),
    }
}

/// The speech verbs of `text` as [`speech_verbs`] gives them, noting its listed words on the
/// way ([`Scan::listed`]). A word inside a verb of several words is none: no such verb holds
/// one (a test checks the lists).
pub fn scan(text: &str) -> Scan<'_> {
    Scan {
        filter: &TABLE.all,
        ..speech_verbs(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::patterns::VERB;
    use proptest::prelude::*;

    fn found(text: &str) -> Vec<(usize, usize)> {
        speech_verbs(text).map(|v| (v.start(), v.end())).collect()
    }

    fn expected(text: &str) -> Vec<(usize, usize)> {
        VERB.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    #[test]
    fn finds_whole_words_longest_first() {
        let text = "Ann Lee said, according\u{a0} to Bo, that she told_ 2said saidé re-said";
        assert_eq!(found(text), expected(text));
        let words: Vec<&str> = speech_verbs(text).map(|v| v.as_str()).collect();
        assert_eq!(words, ["said", "according\u{a0} to", "said", "said"]);
        assert!(speech_verbs("unsaid sayings, according").next().is_none());
        assert_eq!(found("pointed out"), [(0, 11)]);
        assert_eq!(found("pointed  \n out"), [(0, 14)]);
        assert!(found("pointed outs").is_empty());
    }

    /// Pieces of text around the verbs: their parts, spaces of every kind, marks, digits.
    fn piece() -> impl Strategy<Value = String> {
        let verbs: Vec<String> = SPEECH_VERBS.iter().map(|v| v.to_string()).collect();
        let heads: Vec<String> = SPEECH_VERBS
            .iter()
            .filter_map(|v| v.split_once(' ').map(|(h, _)| h.to_string()))
            .collect();
        let other = [
            " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}", ",", ".", "_", "-", "’", "é", "É", "2",
            "to", "out", "in", "s", "ed", "un", "Ann Lee", "the", "“", "”", "aide", "poll",
            "Surveys", "sources", "of", "by", " of of ", " by ",
        ];
        prop_oneof![
            proptest::sample::select(verbs),
            proptest::sample::select(heads),
            proptest::sample::select(other.map(String::from).to_vec()),
        ]
    }

    /// The listed nouns of `text` as a pattern of whole ASCII words finds them.
    fn nouns_expected(text: &str) -> Listed {
        let mut words: Vec<&str> = SOURCE_NOUNS
            .iter()
            .chain(POLL_NOUNS.iter())
            .copied()
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let pattern = regex::Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", words.join("|")))
            .expect("valid pattern");
        let mut nouns = Listed::default();
        let of = memchr::memmem::Finder::new(" of ");
        nouns.of = of.find_iter(text.as_bytes()).collect();
        let by = memchr::memmem::Finder::new(" by ");
        nouns.by = by.find_iter(text.as_bytes()).collect();
        for m in pattern.find_iter(text) {
            if POLL_NOUNS.contains(&m.as_str()) {
                nouns.polls.push(m.start());
            } else {
                nouns.sources.push((m.start(), m.end()));
            }
        }
        nouns
    }

    #[test]
    fn the_scan_notes_whole_word_nouns() {
        let text = "A spokesman for Acme said, a spokesman_ for Bo, 2polls, Polls’ and surveysé";
        let mut words = scan(text);
        let verbs: Vec<&str> = words.by_ref().map(|v| v.as_str()).collect();
        assert_eq!(verbs, ["said"]);
        let nouns = words.listed();
        assert_eq!(nouns.sources, [(2, 11)]);
        let polls: Vec<&str> = nouns.polls.iter().map(|&i| &text[i..i + 5]).collect();
        assert_eq!(polls, ["Polls", "surve"]);
        assert_eq!(nouns, nouns_expected(text));
        // Taking no verb first changes nothing.
        assert_eq!(scan(text).listed(), nouns_expected(text));
        // " of " and " by " as a search finds them: not one inside the one before.
        let text = "of the head of of Acme, led by  by bo by_ by by";
        let listed = scan(text).listed();
        assert_eq!(
            (listed.of.as_slice(), listed.by.as_slice()),
            (&[11][..], &[27, 31, 41][..])
        );
        assert_eq!(listed, nouns_expected(text));
    }

    #[test]
    fn the_filters_let_every_listed_word_through() {
        for verb in SPEECH_VERBS {
            let head = verb.split(' ').next().unwrap_or(verb).as_bytes();
            if is_lexicon_word(head) {
                assert!(TABLE.verbs.lets(head) && TABLE.all.lets(head), "{verb}");
            }
        }
        for noun in SOURCE_NOUNS
            .iter()
            .chain(POLL_NOUNS.iter())
            .chain(&["of", "by"])
        {
            assert!(TABLE.all.lets(noun.as_bytes()), "{noun}");
        }
        // "and" has the ends and length of "add", not its inner bytes.
        assert!(TABLE.verbs.ends[ends(b"and")] >> 3 & 1 == 1);
        assert!(!TABLE.all.lets(b"and"));
    }

    #[test]
    fn the_lists_fit_the_scan() {
        let nouns: Vec<&str> = SOURCE_NOUNS
            .iter()
            .chain(POLL_NOUNS.iter())
            .chain(&["of", "by"])
            .copied()
            .collect();
        for noun in &nouns {
            assert!(is_lexicon_word(noun.as_bytes()), "{noun}");
        }
        // The scan passes over the words after a verb's first: none may be a noun.
        for verb in SPEECH_VERBS {
            for word in verb.split(' ').skip(1) {
                assert!(!nouns.contains(&word), "{verb}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        #[test]
        fn matches_the_verb_pattern(pieces in proptest::collection::vec(piece(), 0..12)) {
            let text = pieces.concat();
            prop_assert_eq!(found(&text), expected(&text));
            let mut words = scan(&text);
            let verbs: Vec<(usize, usize)> = words.by_ref().map(|v| (v.start(), v.end())).collect();
            prop_assert_eq!(verbs, expected(&text));
            prop_assert_eq!(words.listed(), nouns_expected(&text));
        }
    }
}
