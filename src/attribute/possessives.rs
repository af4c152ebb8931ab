//! Possessed words: in "Ann Lee’s claim that taxes “will fall”", "in Ann Lee’s words, “…”" or
//! "Ann Lee’s “no new taxes” pledge" the quote is the possessor's, whoever reports it; and,
//! with or without a quote, "Ann Lee’s claims", "Acme’s statement" cite the possessor (for
//! the article's speaker list, see [`stated_by`]).

use std::ops::Range;
use std::sync::LazyLock;

use super::cues::{SPEECH_NOUNS, SPEECH_VERBS};
use crate::hash::HashSet;

/// How far before a quote its possessed noun may end ("Ann Lee’s claim that Bo Lind “…").
const MAX_GAP: usize = 60;

static NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SPEECH_NOUNS.iter().copied().collect());
static VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SPEECH_VERBS.iter().copied().collect());

/// The byte range in `before` (the text of the quote's sentence before its opening mark) of
/// a possessor whose words the quote is: "Ann Lee’s claim that …", "in Ann Lee’s words,"
/// (a speech noun, maybe after one adjective, then no speech verb up to the quote), or a name
/// right before the quote when a speech noun follows it (`after`: "Ann Lee’s “…” pledge").
/// The possessor nearest the quote that qualifies wins.
pub fn possessor(before: &str, after: &str) -> Option<(usize, usize)> {
    let marks = before
        .match_indices(['’', '\''])
        .map(|(i, m)| (i, i + m.len()))
        .collect::<Vec<_>>();
    for &(at, mark_end) in marks.iter().rev() {
        let rest = &before[mark_end..];
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        if !rest.starts_with(char::is_whitespace) || !before[..at].ends_with(char::is_alphabetic) {
            continue;
        }
        let Some(start) = name_start(&before[..at]) else {
            continue;
        };
        if owns(rest, after) {
            return Some((start, at));
        }
    }
    None
}

/// Statement nouns that cite their possessor in running text, besides [`SPEECH_NOUNS`]:
/// plurals and nouns that name no words of their own ("Ann Lee’s criticism of the plan").
const STATEMENT_NOUNS: &[&str] = &[
    "criticism",
    "criticisms",
    "calls",
    "explanation",
    "explanations",
    "statements",
    "promises",
    "pledges",
    "warnings",
    "accusations",
    "allegations",
    "arguments",
    "denial",
    "denials",
    "predictions",
    "suggestions",
];

/// The byte ranges of the possessors of a statement noun in a (masked) paragraph: "Ann Lee"
/// of "Bo Lind rejected Ann Lee’s claim that …", "Acme Corp" of "Acme Corp's repeated
/// denials". The noun is the first or second word after the possessive; in text order.
pub fn stated_by(masked: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let bytes = masked.as_bytes();
    // The apostrophes: `'`, and `’` (E2 80 99) by its last byte, one vectorised scan for
    // both (a search for each ending, "s " being common bytes, cost four times as much).
    for i in memchr::memchr2_iter(b'\'', 0x99, bytes) {
        let at = match bytes[i] {
            b'\'' => i,
            _ if i >= 2 && bytes[i - 2..i] == [0xE2, 0x80] => i - 2,
            _ => continue,
        };
        if bytes.get(i + 1..i + 3) != Some(b"s ") {
            continue;
        }
        let mut words = masked[i + 3..].split([' ', ',', '.', ';', ':']);
        let mut next = || words.next().unwrap_or("");
        let (first, second, third) = (next(), next(), next());
        if (cites(first, second) || cites(second, third))
            && let Some(start) = name_start(&masked[..at])
            // "Bank of Acme's statement": the run is the tail of a name read no further
            // (not so in "the claims of Acme's lawyers", "critics of Ann Lee's remarks").
            && !name_goes_on_before(&masked[..start])
        {
            found.push(start..at);
        }
    }
    found
}

/// Whether `before` ends with a capitalised word and "of" or "of the" ("Bank of ",
/// "Chancellor of the "): a name whose tail follows.
fn name_goes_on_before(before: &str) -> bool {
    let head = before
        .strip_suffix(" of the ")
        .or_else(|| before.strip_suffix(" of "));
    head.and_then(|h| h.rsplit(' ').next())
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// Whether a possessed `noun` followed by `next` states something: "claim", "remarks";
/// "admission" and "charge", which have other senses ("China's admission to the bank", "in
/// Ann Lee's charge"), only before "that".
fn cites(noun: &str, next: &str) -> bool {
    if matches!(noun, "admission" | "charge") {
        return next == "that";
    }
    NOUNS.contains(noun) || STATEMENT_NOUNS.contains(&noun)
}

/// Where the run of one to four capitalised words ending at `text`'s end starts.
fn name_start(text: &str) -> Option<usize> {
    let mut start = None;
    let mut rest = text;
    for _ in 0..4 {
        let from = rest
            .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '—' | '–' | '“' | '”' | '"'))
            .map_or(0, |i| {
                i + rest[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &rest[from..];
        if !word.starts_with(|c: char| c.is_uppercase()) || word.ends_with(',') {
            break;
        }
        start = Some(from);
        if from == 0 || !rest[..from].ends_with(' ') {
            break;
        }
        rest = rest[..from].trim_end_matches(' ');
    }
    start
}

/// Whether the words after a possessive (`rest`) make the quote the possessor's.
fn owns(rest: &str, after: &str) -> bool {
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        // "Ann Lee’s “…” pledge".
        return after
            .split_whitespace()
            .next()
            .is_some_and(|w| NOUNS.contains(w.trim_end_matches([',', '.', ';'])));
    }
    // The noun is the first or second word ("Ann Lee’s repeated claim").
    let Some(i) = words.iter().take(2).position(|w| NOUNS.contains(w)) else {
        return false;
    };
    let gap = &words[i + 1..];
    let gap_len: usize = gap.iter().map(|w| w.len() + 1).sum();
    // What the noun says comes as its content ("claim that", "pledge to", "assertion of", "in
    // her words,"), or as its name ("Ann Lee’s phrase “…”"); not as a judgement of it ("Ann
    // Lee’s claim was “false”", "called Ann Lee’s charge “pathetic”").
    let after_noun = rest[rest.find(words[i]).map_or(0, |k| k + words[i].len())..].trim_start();
    // "Ann Lee’s response was: “…”", "Ann Lee’s claim is that …": the noun's content, after
    // a form of "be" and a colon or "that".
    let be_then_content = match gap {
        [be] => matches!(*be, "was" | "is") && after_noun.trim_end().ends_with(':'),
        [be, that, ..] => matches!(*be, "was" | "is") && *that == "that",
        _ => false,
    };
    let content = be_then_content
        || match gap.first() {
            None => NAMING_NOUNS.contains(&words[i]) || after_noun.starts_with([',', ':']),
            Some(&first) => {
                matches!(first, "that" | "of" | "to") || after_noun.starts_with([',', ':'])
            }
        };
    content
        && gap_len <= MAX_GAP
        && !gap.iter().any(|w| VERBS.contains(w))
        && (be_then_content
            || !gap
                .last()
                .is_some_and(|w| matches!(*w, "is" | "was" | "are" | "were" | "as")))
        && !rest.contains(['.', ';', '?', '!', '“', '”', '"'].as_slice())
}

/// Nouns that name the words right after them ("Ann Lee’s phrase “…”").
const NAMING_NOUNS: &[&str] = &[
    "phrase",
    "words",
    "slogan",
    "motto",
    "mantra",
    "catchphrase",
    "refrain",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn owner<'a>(before: &'a str, after: &str) -> Option<&'a str> {
        possessor(before, after).map(|(a, b)| &before[a..b])
    }

    #[test]
    fn a_possessed_speech_noun_gives_the_quote_to_its_owner() {
        let table: &[(&str, &str, Option<&str>)] = &[
            (
                "Bo Lind mocked Ann Lee’s claim that taxes ",
                "",
                Some("Ann Lee"),
            ),
            (
                "He called Ann Lee's repeated promise of ",
                "",
                Some("Ann Lee"),
            ),
            ("The plan was, in Ann Lee’s words, ", "", Some("Ann Lee")),
            ("Voters liked Ann Lee’s ", " slogan.", Some("Ann Lee")),
            ("Bo Lind mocked Ann Lee’s phrase ", "", Some("Ann Lee")),
            ("Bo Lind said Ann Lee’s pledge to be ", "", Some("Ann Lee")),
            // After "was" or "is", a colon or "that" opens the noun's content.
            (
                "Asked about it, Ann Lee’s response was: ",
                "",
                Some("Ann Lee"),
            ),
            ("Ann Lee’s answer is that the plan ", "", Some("Ann Lee")),
            ("Ann Lee’s reply was ", "", None),
            ("Ann Lee’s reply was that it is ", "", Some("Ann Lee")),
            // A judgement of the words is the judge's.
            ("Bo Lind said Ann Lee’s claim was ", "", None),
            ("Bo Lind said Ann Lee’s claim that he lied is ", "", None),
            ("Bo Lind called Ann Lee’s charge ", "", None),
            ("Bo Lind described Ann Lee’s remarks as ", "", None),
            // No speech noun, a speech verb in between, or a new sentence: not the owner's.
            ("Voters liked Ann Lee’s ", " policies.", None),
            ("Ann Lee’s campaign said it was ", "", None),
            ("Ann Lee’s remarks were short and Bo Lind said ", "", None),
            ("Ann Lee’s claim was false. Bo Lind called it ", "", None),
            ("Bo Lind called it ", "", None),
        ];
        for (before, after, expected) in table {
            assert_eq!(owner(before, after), *expected, "before: {before}");
        }
    }

    fn stated(text: &str) -> Vec<&str> {
        stated_by(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_possessed_statement_cites_its_owner() {
        assert_eq!(
            stated("Bo Lind rejected Ann Lee’s claim that taxes fell."),
            ["Ann Lee"]
        );
        assert_eq!(
            stated("Acme Corp's repeated denials went unheard, as did Bo Lind's criticism."),
            ["Acme Corp", "Bo Lind"]
        );
        // Possessed things that are no statements; a lowercase possessor.
        assert!(stated("Ann Lee's house is big. Bo Lind’s support grew.").is_empty());
        assert!(stated("The firm's claims rose.").is_empty());
        assert!(stated("He cited the Bank of Acme's statement.").is_empty());
        assert!(stated("The Minister of the Treasury Ann Lee's remarks.").is_empty());
        assert_eq!(
            stated("Some critics of Ann Lee's remarks left."),
            ["Ann Lee"]
        );
        // A noun with another sense cites only with its content ("admission that").
        assert!(stated("Acme's admission to the club came late.").is_empty());
        assert_eq!(stated("Acme's admission that it lied came late."), ["Acme"]);
    }
}
