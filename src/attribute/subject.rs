//! The speaker phrase before a verb, read by hand where the cue patterns used to run an
//! automaton: [`phrase_end`] is `patterns::SUBJECT_ALONE`'s leftmost-first match at a place
//! (a run of capitalised words and maybe an organisation or group noun, a determiner and a
//! role, he/she, each read the way the pattern prefers), and [`is_plain_tail`] is
//! `patterns::PLAIN_TAIL` (a day, adverbs and spaces up to the verb). The tests hold both
//! to their patterns.
//!
//! (A parser for the start of `SUBJECT_BEFORE`'s match, read from the back, was built and
//! proven too, but cost more than the pattern's warm reverse search in an indexing run.)

use std::cell::Cell;
use std::sync::LazyLock;

use super::cues::{GROUP_NOUNS, ORG_NOUNS, ROLE_NOUNS};
use super::names::{particle_end, spaces_end, word_end};
use super::patterns::alternation_order;

/// Whether `word` is an adverb or auxiliary of `patterns::AUX`.
/// (A `match`, which compares by length first.)
pub(super) fn is_aux(word: &str) -> bool {
    // All are lowercase: most words looked at here are names.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    matches!(
        word,
        "also"
            | "later"
            | "then"
            | "again"
            | "once"
            | "previously"
            | "recently"
            | "earlier"
            | "has"
            | "had"
            | "have"
            | "was"
            | "is"
            | "would"
            | "will"
            | "could"
            | "did"
            | "does"
            | "do"
            | "already"
            | "simply"
            | "only"
            | "just"
            | "quickly"
            | "often"
            | "kept"
            | "keeps"
            | "went"
            | "goes"
    ) || (word.len() > 2 && word.ends_with("ly") && word.bytes().all(|b| b.is_ascii_lowercase()))
}

/// A stack of at most `N` byte offsets, on the stack; a push past `N` fails.
struct Few<const N: usize> {
    items: [usize; N],
    len: usize,
}

impl<const N: usize> Few<N> {
    fn new() -> Self {
        Self {
            items: [0; N],
            len: 0,
        }
    }
    #[must_use]
    fn push(&mut self, i: usize) -> bool {
        let free = self.len < N;
        if free {
            self.items[self.len] = i;
            self.len += 1;
        }
        free
    }
    fn contains(&self, i: usize) -> bool {
        self.items[..self.len].contains(&i)
    }
}

/// The nouns of an alternation of the subject pattern by their first byte, each bucket in the
/// order the alternation tries them.
type Buckets = Vec<Vec<&'static str>>;

fn buckets(list: &[&'static str]) -> Buckets {
    let mut buckets: Buckets = vec![Vec::new(); 256];
    for noun in alternation_order(list) {
        if let Some(&b) = noun.as_bytes().first() {
            buckets[usize::from(b)].push(noun);
        }
    }
    buckets
}

/// The organisation, group and role nouns of the subject pattern.
struct Ordered {
    orgs: Buckets,
    groups: Buckets,
    roles: Buckets,
}

static ORDERED: LazyLock<Ordered> = LazyLock::new(|| Ordered {
    orgs: buckets(ORG_NOUNS),
    groups: buckets(GROUP_NOUNS),
    roles: buckets(ROLE_NOUNS),
});

/// End of the speaker phrase (`patterns::SUBJECT_ALONE`'s leftmost-first match) that starts
/// at byte `at` of `text`, if one does: a run of capitalised words and maybe an organisation
/// or group noun after it ("Acme’s campaign", "Acme election officials"), else a lowercase
/// determiner and a role ("the former aide"), else "he" or "she". Each part is read the way
/// the pattern prefers: greedy runs, the first noun of an alternation that fits, a lazy
/// number of words before a group or role noun.
pub fn phrase_end(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|&x| is_word_byte(x));
    if at > b.len() || (at > 0 && word(at - 1)) == word(at) {
        return None;
    }
    if let Some(mut end) = word_end(text, at) {
        loop {
            let next = spaces_end(b, end);
            if next == end {
                break;
            }
            let after_particle = particle_end(b, next).and_then(|p| word_end(text, p));
            match after_particle.or_else(|| word_end(text, next)) {
                Some(e) => end = e,
                None => break,
            }
        }
        let order = &*ORDERED;
        // An organisation noun, maybe after a possessive mark.
        let rest = &text[end..];
        let marks: &[&str] = match b.get(end) {
            Some(b'\'' | 0xE2) => &["’s", "'s", "’", "'"],
            _ => &[],
        };
        let marked = marks
            .iter()
            .filter(|m| rest.starts_with(**m))
            .map(|m| m.len());
        for from in marked.chain([0]).map(|n| end + n) {
            let noun = spaces_end(b, from);
            if noun > from
                && let Some(e) = noun_at(text, noun, &order.orgs)
            {
                return Some(e);
            }
        }
        // A group noun after up to two lowercase words.
        let mut noun = spaces_end(b, end);
        if noun > end {
            for k in 0..=2 {
                if let Some(e) = noun_at(text, noun, &order.groups) {
                    return Some(e);
                }
                let modifier = noun
                    + b[noun..]
                        .iter()
                        .take_while(|&&x| x.is_ascii_lowercase() || x == b'-')
                        .count();
                let next = spaces_end(b, modifier);
                if k == 2 || modifier == noun || next == modifier {
                    break;
                }
                noun = next;
            }
        }
        return Some(end);
    }
    // A lowercase determiner, up to three words and a role noun ("the former aide").
    let rest = &text[at..];
    for det in [
        "The", "the", "Their", "their", "An", "an", "A", "a", "His", "his", "Her", "her", "One",
        "one",
    ] {
        if !rest.starts_with(det) {
            continue;
        }
        let mut at_word = spaces_end(b, at + det.len());
        if at_word == at + det.len() {
            continue;
        }
        for k in 0..=3 {
            if let Some(e) = role_at(text, at_word, &ORDERED.roles) {
                return Some(e);
            }
            let filler = at_word
                + text[at_word..]
                    .chars()
                    .take_while(|&c| c.is_ascii_alphabetic() || matches!(c, '’' | '\'' | '-'))
                    .map(char::len_utf8)
                    .sum::<usize>();
            let next = spaces_end(b, filler);
            if k == 3 || filler == at_word || next == filler {
                break;
            }
            at_word = next;
        }
    }
    if rest.starts_with("he") || rest.starts_with("He") {
        return Some(at + 2);
    }
    if rest.starts_with("she") || rest.starts_with("She") {
        return Some(at + 3);
    }
    None
}

/// Whether an ASCII word boundary stands at byte `i` of `b`.
fn boundary_at(b: &[u8], i: usize) -> bool {
    let before = i > 0 && is_word_byte(b[i - 1]);
    before != b.get(i).is_some_and(|&x| is_word_byte(x))
}

/// End of the phrase `entry` (its spaces any run of spaces) at byte `at` of `text`.
fn phrase_at(text: &str, at: usize, entry: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = at;
    // Byte by byte: most entries differ from the text at their first or second byte.
    for &c in entry.as_bytes() {
        if c == b' ' {
            let s = spaces_end(b, i);
            if s == i {
                return None;
            }
            i = s;
        } else if b.get(i) == Some(&c) {
            i += 1;
        } else {
            return None;
        }
    }
    Some(i)
}

/// End of the first noun of `order` at byte `at` followed by a word boundary.
fn noun_at(text: &str, at: usize, order: &Buckets) -> Option<usize> {
    let first = *text.as_bytes().get(at)?;
    order[usize::from(first)]
        .iter()
        .find_map(|n| phrase_at(text, at, n).filter(|&e| boundary_at(text.as_bytes(), e)))
}

/// End of the first role noun of `order` at byte `at`, with a plural "s" if one fits,
/// followed by a word boundary.
fn role_at(text: &str, at: usize, order: &Buckets) -> Option<usize> {
    let b = text.as_bytes();
    let first = *b.get(at)?;
    order[usize::from(first)].iter().find_map(|n| {
        let e = phrase_at(text, at, n)?;
        if b.get(e) == Some(&b's') && boundary_at(b, e + 1) {
            Some(e + 1)
        } else {
            boundary_at(b, e).then_some(e)
        }
    })
}

/// Whether `text` is all `patterns::PLAIN_TAIL` matches: a day, adverbs and spaces to the
/// end ("on Sunday also ").
pub fn is_plain_tail(text: &str) -> bool {
    Parser::new(text).plain_tails().contains(0)
}

/// Reads words back from the end of a text.
struct Parser<'a> {
    t: &'a str,
    b: &'a [u8],
    /// The last word start found, and where the word ends (see [`Parser::word_start`]).
    last_word: Cell<(usize, usize)>,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            t: text,
            b: text.as_bytes(),
            last_word: Cell::new((usize::MAX, 0)),
        }
    }

    /// Where a plain tail (`{WHEN}{AUX}\s+$`: a day, adverbs, the last spaces) may start:
    /// the starts of spaces before adverbs ("has also ") and before a day before them.
    fn plain_tails(&self) -> Few<16> {
        let mut tails = Few::new();
        let end = self.run_start(self.t.len());
        if end == self.t.len() {
            return tails;
        }
        let mut r = end;
        for k in 0..=3 {
            // At most 4 adverb places and 2 days before each: the pushes fit.
            let _ = tails.push(r);
            for day in self.when_before(r).into_iter().flatten() {
                let _ = tails.push(day);
            }
            if k == 3 {
                break;
            }
            let Some((run, word)) = self.word_before(r) else {
                break;
            };
            let tabs = self.b[run..word].iter().all(|&b| b == b' ' || b == b'\t');
            if !(tabs && is_aux(&self.t[word..r])) {
                break;
            }
            r = run;
        }
        tails
    }

    /// Length of the space (`\s`: ASCII spaces and the no-break space) ending at byte `i`, or 0.
    fn space_before(&self, i: usize) -> usize {
        match i.checked_sub(1).map(|j| self.b[j]) {
            Some(b' ' | b'\t' | b'\r' | b'\n') => 1,
            Some(0xA0) if i >= 2 && self.b[i - 2] == 0xC2 => 2,
            _ => 0,
        }
    }

    /// Start of the spaces ending at byte `i`.
    fn run_start(&self, mut i: usize) -> usize {
        loop {
            match self.space_before(i) {
                0 => return i,
                n => i -= n,
            }
        }
    }

    /// Start of the word (non-space run) ending at byte `i`. The last answer is kept: the
    /// last word before the verb is asked for by every reading of the tail.
    fn word_start(&self, i: usize) -> usize {
        let (at, start) = self.last_word.get();
        if at == i {
            return start;
        }
        let start = self.scan_word_start(i);
        self.last_word.set((i, start));
        start
    }

    fn scan_word_start(&self, mut i: usize) -> usize {
        loop {
            // Bytes above the ASCII spaces but the no-break space's second byte go on a word.
            while i > 0 && self.b[i - 1] > b' ' && self.b[i - 1] != 0xA0 {
                i -= 1;
            }
            if i == 0 || self.space_before(i) > 0 {
                return i;
            }
            i -= 1;
        }
    }

    /// The word ending at `i` (where spaces start or a mark stands) and the spaces before it:
    /// (start of the spaces, start of the word), when there are spaces before it.
    fn word_before(&self, i: usize) -> Option<(usize, usize)> {
        let word = self.word_start(i);
        let run = self.run_start(word);
        (word < i && run < word).then_some((run, word))
    }

    /// A day ending at `r`: "on Sunday", "late Tuesday night", "earlier this week".
    /// Where the spaces before it start (with and without a part of the day).
    fn when_before(&self, r: usize) -> [Option<usize>; 2] {
        // Each word a day may end with ends in one of these letters.
        if !(r > 0 && matches!(self.b[r - 1], b'y' | b'k' | b't' | b'g' | b'n')) {
            return [None, None];
        }
        let Some((run, word)) = self.word_before(r) else {
            return [None, None];
        };
        let part = matches!(
            &self.t[word..r],
            "morning" | "afternoon" | "evening" | "night"
        );
        [
            part.then(|| self.when_from(run)).flatten(),
            self.when_from(r),
        ]
    }

    /// "on Sunday" ending at `r` (its second word may be a part of the day): where the
    /// spaces before it start.
    fn when_from(&self, r: usize) -> Option<usize> {
        if !(r > 0 && matches!(self.b[r - 1], b'y' | b'k' | b't' | b'g')) {
            return None;
        }
        let (run, word) = self.word_before(r)?;
        let day = &self.t[word..r];
        let weekday = day.len() > 4
            && day.ends_with("day")
            && day.as_bytes()[0].is_ascii_uppercase()
            && day[1..day.len() - 3]
                .bytes()
                .all(|b| b.is_ascii_lowercase());
        if !(weekday || matches!(day, "week" | "night" | "morning")) {
            return None;
        }
        let (run2, word2) = self.word_before(run)?;
        matches!(
            &self.t[word2..run],
            "on" | "late" | "early" | "later" | "earlier" | "last" | "this"
        )
        .then_some(run2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn adverbs_are_the_patterns() {
        use crate::attribute::patterns::AUX_TAIL_WORDS;
        for word in AUX_TAIL_WORDS {
            assert!(is_aux(word), "{word}");
            assert!(!is_aux(&word.to_uppercase()), "{word}");
        }
        assert!(is_aux("openly") && !is_aux("ly") && !is_aux("Only") && !is_aux("said"));
        assert!(!is_aux("alsoo") && !is_aux("ha") && !is_aux("open-ly"));
    }

    /// Pieces of the text before a verb: names, roles, determiners, adverbs, days, the parts
    /// of appositions, and marks and spaces of every kind.
    fn piece() -> impl Strategy<Value = &'static str> {
        let pieces: &[&str] = &[
            "Ann",
            "Lee",
            "McD",
            "O’B",
            "A.",
            "A.B.",
            "A.B.C.",
            "Sen.",
            "St.",
            "Calif.",
            "de",
            "van",
            "the",
            "The",
            "a",
            "An",
            "his",
            "Their",
            "one",
            "he",
            "she",
            "She",
            "the",
            "spokesman",
            "spokesmen",
            "aide",
            "aides",
            "officials",
            "campaign",
            "press",
            "secretary",
            "front-runner",
            "election",
            "also",
            "has",
            "quickly",
            "on",
            "late",
            "Sunday",
            "Tuesday",
            "night",
            "morning",
            "this",
            "week",
            "of",
            "from",
            "Del.",
            "60",
            "5",
            "1234",
            " ",
            " ",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{a0}",
            ",",
            ", ",
            ",",
            ".",
            "(",
            ")",
            "(R-Texas)",
            "’s",
            "'s",
            "’",
            "'",
            "-",
            "_",
            ";",
            ":",
            "“",
            "”",
            "É",
            "é",
            "Émile",
            "x",
            "said",
            "2",
            "\u{663}",
            "former",
            "top",
            "her",
            "young",
            "press",
            "aides",
            "Clair",
            "it",
        ];
        proptest::sample::select(pieces)
    }

    /// `SUBJECT_ALONE`'s match that starts at `at`, if one does.
    fn alone(text: &str, at: usize) -> Option<usize> {
        crate::attribute::patterns::SUBJECT_ALONE
            .find_at(text, at)
            .filter(|m| m.start() == at)
            .map(|m| m.end())
    }

    #[test]
    fn reads_the_phrase_the_pattern_prefers() {
        let text = "the former top aide said; Ann de Lee’s campaign; Acme young election officials; \
                    her remarks; A.B. St. Clair; Their spokesmen say; xÉmile; she";
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(phrase_end(text, at), alone(text, at), "{text:?} at {at}");
        }
        assert_eq!(phrase_end("her remarks", 0), Some(2));
        assert_eq!(phrase_end("Acme’s campaign said", 0), Some(17));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
        #[test]
        fn matches_the_plain_tail_pattern(
            pieces in proptest::collection::vec(piece(), 0..8),
            tail in proptest::collection::vec(proptest::sample::select(&[
                " also", " has", "\thas", " quickly", " on Sunday", " late Tuesday night",
                " earlier this week", "\nalso", " Sunday", " ", "\u{a0}", " Only",
            ][..]), 0..5),
        ) {
            let text = format!("{}{}", tail.concat(), pieces.concat());
            let expected = crate::attribute::patterns::PLAIN_TAIL.is_match(&text);
            prop_assert_eq!(is_plain_tail(&text), expected, "{:?}", text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        #[test]
        fn matches_the_phrase_pattern(pieces in proptest::collection::vec(piece(), 0..16)) {
            let text = pieces.concat();
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                prop_assert_eq!(phrase_end(&text, at), alone(&text, at), "{:?} at {}", text, at);
            }
        }
    }
}
