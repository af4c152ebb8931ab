//! Where the speaker phrase before a speech verb starts, found by a hand parser over words:
//! the start of `patterns::SUBJECT_BEFORE`'s leftmost match in the text before the verb,
//! without running its automaton (whose reverse scan and lazily built states were the
//! dearest part of finding cues).
//!
//! The pattern is `SUBJECT APPOSITION WHEN AUX \s+$`. Its end is fixed, so it is read from
//! the back: the spaces and adverbs that may end the text give the places where the subject
//! or an apposition may end; each apposition ("(R-Texas)", ", 60, of Dover, Del., a clerk,")
//! is read back to where the subject must end; every way a subject (a run of capitalised
//! words, maybe ending in an organisation or group noun; a determiner and a role noun; "he")
//! may end there gives its starts, and the leftmost start wins. The rare text this does not
//! read (a non-ASCII digit where an age may stand) is left to the pattern itself.

use std::cell::Cell;
use std::sync::LazyLock;

use crate::hash::HashMap;

use super::cues::{GROUP_NOUNS, ORG_NOUNS, ROLE_NOUNS};
use super::names::{
    LONG_ABBREVIATIONS, goes_on_word, is_particle, particle_end, spaces_end, word_end,
};
use super::patterns::alternation_order;

/// Whether `word` is an adverb or auxiliary of `patterns::AUX`.
/// (A `match`, which compares by length first: this runs for most words before a verb.)
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

/// The multi-word phrases of a word list, by their last word: each entry's earlier words.
type Phrases = HashMap<&'static str, Vec<Vec<&'static str>>>;

fn phrases(list: &[&'static str]) -> Phrases {
    let mut map = Phrases::default();
    for entry in list {
        let mut words: Vec<&'static str> = entry.split(' ').collect();
        let last = words.pop().unwrap_or_default();
        map.entry(last).or_default().push(words);
    }
    map
}

static ORGS: LazyLock<Phrases> = LazyLock::new(|| phrases(ORG_NOUNS));
static GROUPS: LazyLock<Phrases> = LazyLock::new(|| phrases(GROUP_NOUNS));
static ROLES: LazyLock<Phrases> = LazyLock::new(|| phrases(ROLE_NOUNS));

/// The shapes (first letter, length) of the nouns that end a subject (roles, also with a
/// plural "s", organisations, groups): most words before a verb are none, and are told so
/// without hashing them.
static NOUN_SHAPES: LazyLock<[u32; 26]> = LazyLock::new(|| {
    let mut shapes = [0u32; 26];
    let last = |w: &'static str| w.rsplit(' ').next().unwrap_or(w);
    let roles = ROLE_NOUNS.iter().map(|r| last(r));
    let plurals = roles.clone().map(|r| (r, r.len() + 1));
    let others = ORG_NOUNS.iter().chain(GROUP_NOUNS).map(|w| last(w));
    for (last, len) in roles.chain(others).map(|w| (w, w.len())).chain(plurals) {
        if let Some(b @ b'a'..=b'z') = last.bytes().next() {
            shapes[usize::from(b - b'a')] |= 1 << len.min(31);
        }
    }
    shapes
});

/// Whether `word` may be a noun of [`NOUN_SHAPES`].
fn may_be_noun(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(&b @ b'a'..=b'z') => NOUN_SHAPES[usize::from(b - b'a')] >> word.len().min(31) & 1 == 1,
        _ => false,
    }
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
    fn pop(&mut self) -> Option<usize> {
        self.len = self.len.checked_sub(1)?;
        Some(self.items[self.len])
    }
    fn contains(&self, i: usize) -> bool {
        self.items[..self.len].contains(&i)
    }
}

/// The determiners that open a role: "the spokesman", "his aide".
const DETERMINERS: &[&str] = &[
    "The", "the", "A", "a", "An", "an", "His", "his", "Her", "her", "Their", "their", "One", "one",
];

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

/// Start of the leftmost match of `patterns::SUBJECT_BEFORE` in `text`: `Ok(None)` when there
/// is none, `Err(())` when the text holds what this parser leaves to the pattern.
pub fn subject_start(text: &str) -> Result<Option<usize>, ()> {
    let mut p = Parser::new(text);
    let end = p.run_start(text.len());
    if end == text.len() {
        return Ok(None);
    }
    // Most texts before a verb end in a lowercase word that no subject, adverb or day can end
    // ("it ", "prices rose "): a run of capitalised words needs a capital or a period in it.
    let last = &text[p.word_start(end)..end];
    if last.bytes().all(|b| b.is_ascii_lowercase())
        && !is_aux(last)
        && !may_be_noun(last)
        && !matches!(
            last,
            "he" | "she" | "morning" | "afternoon" | "evening" | "night" | "week"
        )
    {
        return Ok(None);
    }
    let mut tails = p.plain_tails();
    while let Some(q) = tails.pop() {
        p.tail_end(q);
    }
    if p.unsure { Err(()) } else { Ok(p.best) }
}

/// Whether `text` is all `patterns::PLAIN_TAIL` matches: a day, adverbs and spaces to the
/// end ("on Sunday also ").
pub fn is_plain_tail(text: &str) -> bool {
    Parser::new(text).plain_tails().contains(0)
}

struct Parser<'a> {
    t: &'a str,
    b: &'a [u8],
    best: Option<usize>,
    /// Set when the text holds what only the pattern reads exactly (or more words than
    /// this parser keeps track of).
    unsure: bool,
    /// Ends of capitalised words already read back from.
    seen: Few<16>,
    /// The last word start found, and where the word ends (see [`Parser::word_start`]).
    last_word: Cell<(usize, usize)>,
}

/// Whether `c` is a space of the patterns' `\s` (ASCII spaces and the no-break space).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n' | '\u{a0}')
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `c` may open a capitalised word (`[A-ZÀ-ÖØ-Þ]`).
fn is_capital(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ')
}

/// Whether `text` is what an apposition's `\s+[^,;:“”_\n]+` matches.
fn is_spaced_phrase(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !is_space(first) {
        return false;
    }
    let rest = text.trim_start_matches(is_space);
    if rest.is_empty() {
        // All spaces: the last (not a newline) may be the phrase.
        text.chars().nth(1).is_some() && !text.ends_with('\n')
    } else {
        !rest.contains([',', ';', ':', '“', '”', '_', '\n'])
    }
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            t: text,
            b: text.as_bytes(),
            best: None,
            unsure: false,
            seen: Few::new(),
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

    fn prev(&self, i: usize) -> Option<char> {
        self.t[..i].chars().next_back()
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

    /// Whether an ASCII word boundary (`(?-u:\b)`) stands at byte `i`.
    fn boundary(&self, i: usize) -> bool {
        let before = i > 0 && is_word_byte(self.b[i - 1]);
        before != self.b.get(i).is_some_and(|&b| is_word_byte(b))
    }

    fn found(&mut self, start: usize) {
        if self.best.is_none_or(|b| start < b) {
            self.best = Some(start);
        }
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

    /// The subject or an apposition ends at `q`.
    fn tail_end(&mut self, q: usize) {
        self.subject_end(q);
        if let Some(m) = self.bracket_before(q) {
            self.subject_end(m);
        }
        if self.t[..q].ends_with(',') {
            self.apposition_before(q - 1);
        }
    }

    /// A bracket `\s*\([^()]+\),?` ending at `e`: where the subject before it ends.
    fn bracket_before(&self, e: usize) -> Option<usize> {
        let close = match self.b[..e] {
            [.., b')'] => e - 1,
            [.., b')', b','] => e - 2,
            _ => return None,
        };
        let open = self.t[..close].rfind(['(', ')'])?;
        (self.b[open] == b'(' && open + 1 < close).then(|| self.run_start(open))
    }

    /// The apposition closed by the comma at `last`: ", a clerk,", ", 60, a clerk,", ", of
    /// Dover, Del., a clerk,"; each way it may open gives an end of the subject (or of a
    /// bracket before it).
    fn apposition_before(&mut self, last: usize) {
        let Some(c) = self.t[..last].rfind(',') else {
            return;
        };
        if !is_spaced_phrase(&self.t[c + 1..last]) {
            return;
        }
        self.opens_at(c);
        if let Some(c3) = self.place_before(c) {
            self.opens_at(c3);
        }
        if let Some(c3) = self.state_before(c)
            && let Some(c5) = self.place_before(c3)
        {
            self.opens_at(c5);
        }
    }

    /// The apposition's first comma is at `c`, maybe after an age (", 60").
    fn opens_at(&mut self, c: usize) {
        self.apposition_start(c);
        if let Some(c2) = self.age_before(c) {
            self.apposition_start(c2);
        }
    }

    fn apposition_start(&mut self, c: usize) {
        self.subject_end(c);
        if let Some(m) = self.bracket_before(c) {
            self.subject_end(m);
        }
    }

    /// ", 60" before the comma at `c`: the comma before the age.
    fn age_before(&mut self, c: usize) -> Option<usize> {
        let mut digits = 0;
        for ch in self.t[..c]
            .chars()
            .rev()
            .take_while(|ch| ch.is_numeric())
            .take(4)
        {
            if !ch.is_ascii_digit() {
                // `\d` is any Unicode digit: left to the pattern.
                self.unsure = true;
                return None;
            }
            digits += 1;
        }
        if !(1..=3).contains(&digits) {
            return None;
        }
        let at = c - digits;
        let run = self.run_start(at);
        (run < at && self.t[..run].ends_with(',')).then(|| run - 1)
    }

    /// ", of Dover" before the comma at `c`: the comma before "of".
    fn place_before(&self, c: usize) -> Option<usize> {
        let c3 = self.t[..c].rfind(',')?;
        let region = &self.t[c3 + 1..c];
        let words = region.trim_start_matches(is_space);
        if words.len() == region.len() {
            return None;
        }
        let place = words
            .strip_prefix("of")
            .or_else(|| words.strip_prefix("from"))?;
        is_spaced_phrase(place).then_some(c3)
    }

    /// ", Del." (a state) before the comma at `c`: the comma before it.
    fn state_before(&self, c: usize) -> Option<usize> {
        let c3 = self.t[..c].rfind(',')?;
        let region = &self.t[c3 + 1..c];
        let state = region.trim_start_matches(is_space);
        if state.len() == region.len() {
            return None;
        }
        let s = state.as_bytes();
        let letters = 1 + s
            .iter()
            .skip(1)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let ok = s.first().is_some_and(u8::is_ascii_uppercase)
            && s.get(letters) == Some(&b'.')
            && match &s[letters + 1..] {
                [] => true,
                [x, b'.'] => x.is_ascii_uppercase(),
                _ => false,
            };
        ok.then_some(c3)
    }

    /// The subject ends at `m`: every start it may have there.
    fn subject_end(&mut self, m: usize) {
        if m == 0 {
            return;
        }
        // "he", "she": only a word boundary before them.
        if m >= 2 && self.b[m - 2..m].eq_ignore_ascii_case(b"he") {
            for (pronoun, len) in [("he", 2), ("He", 2), ("she", 3), ("She", 3)] {
                if self.t[..m].ends_with(pronoun) && self.boundary(m - len) {
                    self.found(m - len);
                }
            }
        }
        // The nouns below end in a word boundary.
        let bounded = is_word_byte(self.b[m - 1]);
        let word = self.word_start(m);
        let last = &self.t[word..m];
        if bounded && may_be_noun(last) {
            let plural = last.strip_suffix('s');
            for noun in [Some(last), plural].into_iter().flatten() {
                for earlier in ROLES.get(noun).into_iter().flatten() {
                    if let Some(start) = self.phrase_start(earlier, word) {
                        self.role_end(start);
                    }
                }
            }
            // "Acme’s campaign", "Ohio election officials".
            for earlier in ORGS.get(last).into_iter().flatten() {
                if let Some(start) = self.phrase_start(earlier, word)
                    && let Some(run) = self.spaces_before(start)
                {
                    // A possessive mark before the spaces goes on the name's last word,
                    // whose starts are the same without it.
                    self.name_end(run);
                }
            }
            for earlier in GROUPS.get(last).into_iter().flatten() {
                let Some(mut at) = self.phrase_start(earlier, word) else {
                    continue;
                };
                for k in 0..=2 {
                    let Some(run) = self.spaces_before(at) else {
                        break;
                    };
                    self.name_end(run);
                    let modifier = self.word_start(run);
                    if k == 2
                        || modifier == run
                        || !self.t[modifier..run]
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b == b'-')
                    {
                        break;
                    }
                    at = modifier;
                }
            }
        }
        self.name_end(m);
    }

    /// Start of the spaces right before `start`, if there are any.
    fn spaces_before(&self, start: usize) -> Option<usize> {
        let run = self.run_start(start);
        (run < start).then_some(run)
    }

    /// Start of a phrase whose last word starts at `word` and whose `earlier` words stand
    /// before it, each after spaces.
    fn phrase_start(&self, earlier: &[&str], word: usize) -> Option<usize> {
        let mut at = word;
        for w in earlier.iter().rev() {
            let run = self.spaces_before(at)?;
            let ws = self.word_start(run);
            if &self.t[ws..run] != *w {
                return None;
            }
            at = ws;
        }
        Some(at)
    }

    /// A role noun starting at `start`: a determiner and up to three words before it.
    fn role_end(&mut self, start: usize) {
        let mut at = start;
        for k in 0..=3 {
            let Some(run) = self.spaces_before(at) else {
                break;
            };
            let before = self.word_start(run);
            let token = &self.t[before..run];
            for det in DETERMINERS {
                if token.ends_with(det) && self.boundary(run - det.len()) {
                    self.found(run - det.len());
                }
            }
            let plain = !token.is_empty()
                && token
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || matches!(c, '’' | '\'' | '-'));
            if k == 3 || !plain {
                break;
            }
            at = before;
        }
    }

    /// A run of capitalised words ends at `e`: its starts.
    fn name_end(&mut self, e: usize) {
        let mut ends = Few::<8>::new();
        if !ends.push(e) {
            return;
        }
        while let Some(e) = ends.pop() {
            if self.seen.contains(e) {
                continue;
            }
            if !self.seen.push(e) {
                self.unsure = true;
                return;
            }
            let mut starts = Few::<8>::new();
            if !self.word_starts(e, &mut starts) {
                self.unsure = true;
                return;
            }
            while let Some(j) = starts.pop() {
                if self.boundary(j) {
                    self.found(j);
                }
                if self.space_before(j) > 0 {
                    let run = self.run_start(j);
                    let mut fits = ends.push(run);
                    if let Some(spaces) = self.particle_before(run) {
                        fits &= ends.push(spaces);
                    }
                    if !fits {
                        self.unsure = true;
                        return;
                    }
                }
            }
        }
    }

    /// A particle ("de", "St.") ending at `run`, after spaces: where those spaces start.
    /// Particles are at most three bytes long, so no longer word is read.
    fn particle_before(&self, run: usize) -> Option<usize> {
        let mut word = run;
        while word > 0 && run - word < 4 && self.space_before(word) == 0 {
            word -= 1;
        }
        let spaces = self.run_start(word);
        (word < run && run - word <= 3 && spaces < word && is_particle(&self.b[word..run]))
            .then_some(spaces)
    }

    /// Pushes the starts of the words of a name (`patterns::WORD_PATTERN`) that end at `e`
    /// and may open a subject or follow spaces (no other start is of use); false when they
    /// do not fit.
    fn word_starts(&self, e: usize, starts: &mut Few<8>) -> bool {
        let b = self.b;
        let upper = |i: usize| b[i].is_ascii_uppercase();
        let mut fits = true;
        if e > 0 && b[e - 1] == b'.' {
            // Joined initials "G.K.", "J.R.R.".
            if e >= 4 && upper(e - 4) && b[e - 3] == b'.' && upper(e - 2) {
                fits &= starts.push(e - 4);
                if e >= 6 && upper(e - 6) && b[e - 5] == b'.' {
                    fits &= starts.push(e - 6);
                }
            }
            // "F.", "Sen.": a capital and at most two lowercase letters.
            for l in 0..=2 {
                if e < l + 2 {
                    break;
                }
                let s = e - 2 - l;
                if upper(s) && b[s + 1..e - 1].iter().all(u8::is_ascii_lowercase) {
                    fits &= starts.push(s);
                }
            }
            for a in LONG_ABBREVIATIONS.iter() {
                if self.t[..e - 1].ends_with(a) {
                    fits &= starts.push(e - 1 - a.len());
                }
            }
            return fits;
        }
        // A capital and what may go on a word. Inside a run of ASCII letters no word
        // boundary stands, so only a run's first letter is looked at; other chars decoded.
        let mut i = e;
        while i > 0 {
            if b[i - 1].is_ascii_alphabetic() {
                i -= 1;
                while i > 0 && b[i - 1].is_ascii_alphabetic() {
                    i -= 1;
                }
                if upper(i) && (self.boundary(i) || self.space_before(i) > 0) {
                    fits &= starts.push(i);
                }
                continue;
            }
            let Some(c) = self.prev(i).filter(|&c| goes_on_word(c)) else {
                break;
            };
            i -= c.len_utf8();
            if is_capital(c) && (self.boundary(i) || self.space_before(i) > 0) {
                fits &= starts.push(i);
            }
        }
        fits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::patterns::SUBJECT_BEFORE;
    use proptest::prelude::*;

    fn expected(text: &str) -> Option<usize> {
        SUBJECT_BEFORE.find(text).map(|m| m.start())
    }

    #[test]
    fn finds_subjects_with_appositions_and_adverbs() {
        let cases = [
            ("The plan, Ann Lee ", Some(10)),
            ("he ", Some(0)),
            ("Later, the Acme spokesman also ", Some(7)),
            ("Ann Lee, 60, of Dover, Del., a clerk, ", Some(0)),
            ("Sen. Ann Lee (D-Calif.) on Tuesday ", Some(0)),
            ("Acme’s campaign ", Some(0)),
            ("Senate Acme election officials have ", Some(0)),
            ("prices rose ", None),
            ("Ann Lee", None),
        ];
        for (text, start) in cases {
            assert_eq!(subject_start(text), Ok(start), "{text}");
            assert_eq!(expected(text), start, "{text}");
        }
        assert_eq!(subject_start("Ann Lee, \u{663}, a clerk, "), Err(()));
    }

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

    /// Like [`subject_start`], with the pattern where it is unsure.
    fn parsed(text: &str) -> Option<usize> {
        subject_start(text).unwrap_or_else(|()| expected(text))
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

    proptest! {
        #![proptest_config(ProptestConfig { cases: 6000, ..ProptestConfig::default() })]
        #[test]
        fn matches_the_subject_pattern(pieces in proptest::collection::vec(piece(), 0..24)) {
            let text = pieces.concat();
            prop_assert_eq!(parsed(&text), expected(&text), "{:?}", text);
        }

        #[test]
        fn matches_on_sentence_shapes(
            lead in proptest::collection::vec(piece(), 0..6),
            subject in proptest::sample::select(&[
                "Ann Lee", "Sen. Ann de Lee", "the Acme spokesman", "his top aide", "he",
                "Acme’s campaign", "Acme election officials", "A.B. Lee", "Calif. Lee",
            ][..]),
            apposition in proptest::sample::select(&[
                "", ",", " (R-Texas)", " (R-Texas),", ", a clerk,", ", 60, a clerk,",
                ", of Dover, a clerk,", ", 60, from Dover, Del., a clerk,", " (D), the aide,",
                ", who,", ",  ,", ", \n,",
            ][..]),
            tail in proptest::collection::vec(proptest::sample::select(&[
                " also", " has", "\thas", " quickly", " on Sunday", " late Tuesday night",
                " earlier this week", "\nalso", " Sunday",
            ][..]), 0..4),
            end in proptest::sample::select(&[" ", "  ", "\n", "\u{a0}", "", " x "][..]),
        ) {
            let text = format!("{}{subject}{apposition}{}{end}", lead.concat(), tail.concat());
            prop_assert_eq!(parsed(&text), expected(&text), "{:?}", text);
        }
    }
}
