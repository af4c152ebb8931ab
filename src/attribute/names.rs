//! The full names of a text (runs of two or more capitalised words), found by a hand scan:
//! the same matches as `patterns::FULL_NAME`'s `find_iter`, without running its automaton.
//! Name learning reads every paragraph up to an article's last cue with it, where the regex
//! search was the largest part of learning; here text without capitals is passed over eight
//! bytes at a time.
//!
//! The pattern is `WORD(?:\s+(?:PARTICLE\s+)?WORD)+`, searched leftmost-first. A word may be
//! read only one way: its alternatives (joined initials, a long abbreviation and its period, a
//! short capitalised word and its period, a capitalised word) are tried in order, and when an
//! earlier one matches, every later one stops before a period or a capital, where no space can
//! follow. So a match is the first word at the leftmost capital, extended greedily.

use std::sync::LazyLock;

use super::cues::ABBREVIATIONS;

/// Lowercase words (and "St.") that may stand between two words of a name ("Ann de Lee"),
/// as `patterns::PARTICLE` lists them ([`is_particle`] matches them).
#[cfg(test)]
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le", "du", "da", "di",
    "del", "dos", "St.",
];

/// The abbreviations a word may be with its period besides short ones ("Calif.", "Sept."):
/// those longer than three letters that open with a capital, as `patterns::WORD_PATTERN`
/// takes them.
static LONG_ABBREVIATIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    ABBREVIATIONS
        .iter()
        .copied()
        .filter(|a| a.len() > 3 && a.starts_with(|c: char| c.is_ascii_uppercase()))
        .collect()
});

/// Whether `c` may go on a capitalised word: letters (with Latin-1 accents), apostrophes,
/// hyphens, combining accents and the Latin-1 signs of text decoded twice.
fn goes_on_word(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' | '’' | '\'' | '-'
        | '\u{80}'..='\u{9F}' | '\u{300}'..='\u{36F}' | '\u{A1}'..='\u{AA}'
        | '\u{AC}'..='\u{BA}' | '\u{BC}'..='\u{BF}')
}

/// Whether the char at byte `i` (a lead byte 0xC3) is a Latin-1 capital (`À`–`Þ` but `×`).
fn latin1_capital(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i + 1), Some(&b) if (0x80..=0x9E).contains(&b) && b != 0x97)
}

/// End of the spaces (`\s` of the patterns: ASCII spaces and the no-break space) from `i`.
pub(super) fn spaces_end(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i..) {
            Some([b' ' | b'\t' | b'\r' | b'\n', ..]) => i += 1,
            Some([0xC2, 0xA0, ..]) => i += 2,
            _ => return i,
        }
    }
}

/// End of the word of a name that starts at byte `i` of `text`, if one does.
pub(super) fn word_end(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let upper = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_uppercase);
    let at = |j: usize, b: u8| bytes.get(j) == Some(&b);
    let mut end = match bytes.get(i) {
        Some(b) if b.is_ascii_uppercase() => {
            // Joined initials: "G.K.", "J.R.R." (at most three).
            if at(i + 1, b'.') && upper(i + 2) && at(i + 3, b'.') {
                let third = upper(i + 4) && at(i + 5, b'.');
                return Some(if third { i + 6 } else { i + 4 });
            }
            let letters = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .unwrap_or(bytes.len() - i);
            if at(i + letters, b'.') {
                let word = &text[i..i + letters];
                // A long abbreviation ("Calif."), or a capital and at most two lowercase
                // letters ("F.", "Sen."), and the period.
                let short = letters <= 3 && word[1..].bytes().all(|b| b.is_ascii_lowercase());
                if short || LONG_ABBREVIATIONS.contains(&word) {
                    return Some(i + letters + 1);
                }
            }
            i + letters
        }
        Some(0xC3) if latin1_capital(bytes, i) => i + 2,
        _ => return None,
    };
    // The rest of a capitalised word: ASCII bytes looked up, others decoded.
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphabetic() || b == b'\'' || b == b'-' {
            end += 1;
        } else if b < 0x80 {
            break;
        } else {
            match text[end..].chars().next() {
                Some(c) if goes_on_word(c) => end += c.len_utf8(),
                _ => break,
            }
        }
    }
    Some(end)
}

/// Whether `word` is a particle of `patterns::PARTICLE` (a match on the bytes: this runs for
/// the word after every capitalised word).
fn is_particle(word: &[u8]) -> bool {
    matches!(
        word,
        b"de"
            | b"van"
            | b"von"
            | b"der"
            | b"den"
            | b"al"
            | b"el"
            | b"bin"
            | b"ibn"
            | b"la"
            | b"le"
            | b"du"
            | b"da"
            | b"di"
            | b"del"
            | b"dos"
            | b"St."
    )
}

/// End of the particle and spaces at byte `i` ("de "), if a particle stands there.
pub(super) fn particle_end(bytes: &[u8], i: usize) -> Option<usize> {
    // Particles open with one of a few pairs of letters ("de", "va", "St" …); most words after
    // a name ("said", "and", "the") do not.
    let opens = matches!(
        (bytes.get(i), bytes.get(i + 1)),
        (Some(b'd'), Some(b'e' | b'u' | b'a' | b'i' | b'o'))
            | (Some(b'v'), Some(b'a' | b'o'))
            | (Some(b'a' | b'e'), Some(b'l'))
            | (Some(b'b'), Some(b'i'))
            | (Some(b'i'), Some(b'b'))
            | (Some(b'l'), Some(b'a' | b'e'))
            | (Some(b'S'), Some(b't'))
    );
    if !opens {
        return None;
    }
    let len = bytes[i..]
        .iter()
        .take(4)
        .position(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0xC2))?;
    let end = spaces_end(bytes, i + len);
    (end > i + len && is_particle(&bytes[i..i + len])).then_some(end)
}

/// The name that starts at byte `start`, if one does: its end.
fn name_at(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = word_end(text, start)?;
    let mut words = 1;
    loop {
        let next = spaces_end(bytes, end);
        if next == end {
            break;
        }
        let after_particle = particle_end(bytes, next).and_then(|p| word_end(text, p));
        match after_particle.or_else(|| word_end(text, next)) {
            Some(e) => {
                end = e;
                words += 1;
            }
            None => break,
        }
    }
    (words >= 2).then_some(end)
}

/// Bytes with the high bit of each byte of a word set.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// Each byte of a word set to one.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit set in each byte of `x` (eight bytes of text) that may open a word: an ASCII
/// capital or the lead byte 0xC3 of a Latin-1 one.
fn openers(x: u64) -> u64 {
    let low = x & !HIGH;
    // ASCII bytes above 0x40 and below 0x5B (the high bit of each sum carries the test).
    let above = low + ONES * (0x7F - 0x40);
    let below = ONES * (0x7F + 0x5B) - low;
    let capitals = above & below & !x & HIGH;
    // Bytes equal to 0xC3: zero after the XOR, exactly (no carries across bytes).
    let y = x ^ (ONES * 0xC3);
    let zero = !(((y & !HIGH) + !HIGH) | y) & HIGH;
    capitals | zero
}

/// A full name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Name<'t> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
    #[cfg(test)]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// The full names of `text`, left to right: `FULL_NAME.find_iter`'s matches.
pub fn full_names(text: &str) -> impl Iterator<Item = Name<'_>> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            // Only a capital opens a word: ASCII, or Latin-1 (lead byte 0xC3). Eight bytes are
            // looked at together, and most hold none.
            if let Some(chunk) = bytes.get(i..i + 8) {
                let found = openers(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
                if found == 0 {
                    i += 8;
                    continue;
                }
                i += found.trailing_zeros() as usize / 8;
            } else if !(bytes[i].is_ascii_uppercase() || bytes[i] == 0xC3) {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            if let Some(end) = name_at(text, start) {
                i = end;
                return Some(Name { text, start, end });
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::patterns::FULL_NAME;
    use proptest::prelude::*;

    fn found(text: &str) -> Vec<std::ops::Range<usize>> {
        full_names(text).map(|n| n.range()).collect()
    }

    fn expected(text: &str) -> Vec<std::ops::Range<usize>> {
        FULL_NAME.find_iter(text).map(|m| m.range()).collect()
    }

    #[test]
    fn finds_runs_of_capitalised_words() {
        let text = "Sen. Ann de Lee and J.R. Smith of Calif. Gov. met McDonald O’Brien-Lee.";
        assert_eq!(found(text), expected(text));
        let names: Vec<&str> = full_names(text).map(|n| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Sen. Ann de Lee",
                "J.R. Smith",
                "Calif. Gov.",
                "McDonald O’Brien-Lee"
            ]
        );
        assert!(found("Ann said. lee Bo").is_empty());
        let inside: Vec<&str> = full_names("xAnn\u{a0}Lee2").map(|n| n.as_str()).collect();
        assert_eq!(inside, ["Ann\u{a0}Lee"]);
        assert_eq!(found("Émile Zola"), expected("Émile Zola"));
    }

    /// Pieces of text around names: words of every kind the pattern reads, particles,
    /// spaces of every kind, marks and letters it does not take.
    fn piece() -> impl Strategy<Value = &'static str> {
        let pieces: &[&str] = &[
            "Ann", "Lee", "McD", "O'B", "O’B", "A.", "A.B.", "A.B.C.D.", "U.S", "Sen.", "St.",
            "Abc.", "Abcd.", "Ab.", "Calif.", "Calif", "Sept.", "Mass", "de", "del", "St", "van",
            "x", "a", "s", "said", " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}", ",", ".", "-", "’",
            "'", "2", "_", "É", "é", "Émile", "×", "Ø", "þ", "Þ", "\u{301}", "\u{85}", "«", "»",
            "PeÃ±a", "\u{ab}", "“", "”",
        ];
        proptest::sample::select(pieces)
    }

    #[test]
    fn openers_are_capitals_and_latin1_lead_bytes() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"a~ \x80\xff0Zz";
                chunk[at] = b;
                let flagged: Vec<bool> = (0..8)
                    .map(|k| openers(u64::from_le_bytes(chunk)) >> (8 * k + 7) & 1 == 1)
                    .collect();
                let expected: Vec<bool> = chunk
                    .iter()
                    .map(|c| c.is_ascii_uppercase() || *c == 0xC3)
                    .collect();
                assert_eq!(flagged, expected, "{chunk:?}");
            }
        }
    }

    #[test]
    fn particles_are_matched_by_their_bytes() {
        let letters = b"abdeilnorsStuvz.";
        for a in letters {
            for b in letters {
                for c in letters.iter().map(|c| vec![*c]).chain([vec![]]) {
                    let word = [vec![*a, *b], c].concat();
                    let listed = PARTICLES.iter().any(|p| p.as_bytes() == word);
                    assert_eq!(is_particle(&word), listed, "{word:?}");
                }
            }
        }
    }

    #[test]
    fn every_particle_opens_with_a_pair_particle_end_admits() {
        for p in PARTICLES {
            let text = format!("{p} Lee");
            assert_eq!(particle_end(text.as_bytes(), 0), Some(p.len() + 1), "{p}");
        }
        assert_eq!(particle_end(b"dx Lee", 0), None);
        assert_eq!(particle_end(b"dell Lee", 0), None);
    }

    #[test]
    fn particles_are_the_patterns() {
        let listed: Vec<String> = PARTICLES.iter().map(|p| regex::escape(p)).collect();
        assert_eq!(
            crate::attribute::patterns::PARTICLE,
            format!("(?:{})", listed.join("|"))
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
        #[test]
        fn matches_the_full_name_pattern(pieces in proptest::collection::vec(piece(), 0..20)) {
            let text = pieces.concat();
            prop_assert_eq!(found(&text), expected(&text));
        }
    }
}
