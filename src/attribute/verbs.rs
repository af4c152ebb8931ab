//! The speech verbs of a text, found word by word: the same matches as the cue pattern
//! `\b(?:said|says|…|according\s+to|…)\b` (ASCII word boundaries, longest verb first, `\s`
//! the ASCII spaces and the no-break space), without running its automaton. The cue finder
//! looks for verbs in every paragraph, where the regex scan was a tenth of attribution's
//! instructions: here most words are turned away by their first byte and length alone.

use std::sync::LazyLock;

use super::cues::SPEECH_VERBS;
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

/// The verbs, indexed by their first word.
struct Table {
    /// For the last five bits of a first word's first and last bytes, one bit per length
    /// (below 64) of such a first word of a verb: a filter that turns most words away.
    lengths: [u64; 1024],
    /// First word → the verbs opening with it, in the pattern's order (longest first).
    by_head: HashMap<&'static [u8], Vec<&'static [u8]>>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    // The pattern's order: longest first, a stable sort.
    let mut ordered: Vec<&'static str> = SPEECH_VERBS.to_vec();
    ordered.sort_by_key(|v| std::cmp::Reverse(v.len()));
    let mut table = Table {
        lengths: [0; 1024],
        by_head: HashMap::default(),
    };
    for verb in ordered {
        let bytes = verb.as_bytes();
        let head = &bytes[..verb.find(' ').unwrap_or(verb.len())];
        if head.is_empty() || head.len() >= 64 || !head.iter().copied().all(is_word) {
            continue;
        }
        table.lengths[ends(head)] |= 1 << head.len();
        table.by_head.entry(head).or_default().push(bytes);
    }
    table
});

/// The [`Table::lengths`] slot of a (non-empty) word.
fn ends(word: &[u8]) -> usize {
    usize::from(word[0] & 31) << 5 | usize::from(word[word.len() - 1] & 31)
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

/// The speech verbs of `text`, left to right, as the cue pattern's `find_iter` gives them.
pub fn speech_verbs(text: &str) -> impl Iterator<Item = Verb<'_>> {
    let table = &*TABLE;
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
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
            if len >= 64 || table.lengths[ends(&bytes[start..i])] >> len & 1 == 0 {
                continue;
            }
            let Some(candidates) = table.by_head.get(&bytes[start..i]) else {
                continue;
            };
            if let Some(end) = candidates
                .iter()
                .find_map(|verb| rest_end(bytes, i, &verb[len..]))
            {
                i = end;
                return Some(Verb { text, start, end });
            }
        }
        None
    })
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
            "to", "out", "in", "s", "ed", "un", "Ann Lee", "the", "“", "”",
        ];
        prop_oneof![
            proptest::sample::select(verbs),
            proptest::sample::select(heads),
            proptest::sample::select(other.map(String::from).to_vec()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        #[test]
        fn matches_the_verb_pattern(pieces in proptest::collection::vec(piece(), 0..12)) {
            let text = pieces.concat();
            prop_assert_eq!(found(&text), expected(&text));
        }
    }
}
