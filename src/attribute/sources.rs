//! Unnamed sources tied to a name before their verb: "A spokeswoman for Acme said", "an adviser
//! close to Ann Lee says". The cue patterns read such a source after an inverted verb only
//! ("said a spokeswoman for Acme"); this adds the cue when the source comes first. The word
//! scan of `verbs` finds the source nouns.

use super::apposed::FINITE_VERBS;
use super::cues::SOURCE_NOUNS;
use super::patterns::Cue;

/// A source noun and the preposition that ties it to whom it speaks for: "spokeswoman for ",
/// "adviser close to ", "official with ". What [`ties`] finds, read from the source nouns the
/// word scan gives; the tests hold it to this pattern.
#[cfg(test)]
static SOURCE_TIE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let nouns: Vec<String> = SOURCE_NOUNS.iter().map(|n| regex::escape(n)).collect();
    regex::Regex::new(&format!(
        r"(?-u:\b)(?:{})(?: close| familiar)? (?:for|to|with|at) ",
        nouns.join("|")
    ))
    .expect("valid source pattern")
});
/// Words that may stand between a source's name and its verb ("also", "did not").
const BETWEEN: &[&str] = &[
    "also", "has", "had", "did", "not", "would", "could", "later",
];

/// What may stand between a source noun and its tie.
const TIE_ADVERBS: [&[u8]; 2] = [b" close", b" familiar"];
/// The prepositions that tie a source to whom it speaks for, each with the space after it.
const TIE_WORDS: [&[u8]; 4] = [b"for ", b"to ", b"with ", b"at "];

/// The ties of a text (as `SOURCE_TIE` matches them), from its source nouns (byte ranges of
/// whole words, left to right): for each, where the match starts, where the space before its
/// preposition is, and where it ends.
fn ties(text: &str, nouns: &[(usize, usize)]) -> impl Iterator<Item = (usize, usize, usize)> {
    let bytes = text.as_bytes();
    nouns.iter().filter_map(move |&(start, end)| {
        // The pattern tries the adverb first, then goes without it.
        let adverb = TIE_ADVERBS
            .iter()
            .find(|a| bytes[end..].starts_with(a))
            .map_or(0, |a| a.len());
        [end + adverb, end].into_iter().find_map(|space| {
            let word = bytes.get(space + 1..)?;
            let tie = TIE_WORDS.iter().find(|t| word.starts_with(t))?;
            (bytes[space] == b' ').then_some((start, space, space + 1 + tie.len()))
        })
    })
}

/// Adds a cue for each "a spokeswoman for Acme said" in a (masked) paragraph that has none;
/// `nouns` are its source nouns (see `verbs::scan`). Cues stay in text order.
pub fn add_sources(masked: &str, nouns: &[(usize, usize)], cues: &mut Vec<Cue>) {
    let mut found: Vec<Cue> = Vec::new();
    for (_, tie_start, name_start) in ties(masked, nouns) {
        let Some(cue) = source_cue(masked, tie_start, name_start) else {
            continue;
        };
        // A cue the patterns found names a part of the source's name ("Acme Department").
        match cues.iter_mut().find(|c| c.verb == cue.verb) {
            Some(c) if !c.inverted && !c.agent && c.subject.0 >= cue.subject.0 => {
                c.subject = cue.subject;
            }
            Some(_) => {}
            None => found.push(cue),
        }
    }
    for cue in found {
        let k = cues.partition_point(|c| c.verb.0 < cue.verb.0);
        cues.insert(k, cue);
    }
}

/// The cue of "a spokeswoman for Acme said" whose tie (" for ") spans `tie_start..name_start`.
fn source_cue(masked: &str, tie_start: usize, name_start: usize) -> Option<Cue> {
    // Back: the source noun ("spokeswoman", "adviser close"), its adjectives, a determiner.
    let before: Vec<(usize, &str)> = words_back(&masked[..tie_start]).take(6).collect();
    let mut k = 0;
    if before
        .first()
        .is_some_and(|(_, w)| matches!(*w, "close" | "familiar"))
    {
        k = 1;
    }
    let (_, noun) = before.get(k)?;
    if !SOURCE_NOUNS.contains(noun) {
        return None;
    }
    let (start, _) = before[k + 1..].iter().take(4).find(|(_, w)| {
        matches!(
            *w,
            "a" | "an" | "A" | "An" | "one" | "One" | "another" | "Another" | "the" | "The"
        )
    })?;
    // "Ann Lee, a spokeswoman for Acme said": an apposition; the name before it speaks ("In a
    // speech, a top adviser for Ann Lee said" has none).
    if let Some(lead) = masked[..*start].trim_end().strip_suffix(',')
        && lead
            .rsplit(' ')
            .next()
            .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        return None;
    }
    // Forward: a capitalised name ("the Acme Parks and Recreation Department"), then the verb.
    let mut at = name_start;
    let rest = &masked[at..];
    if rest.starts_with("the ") {
        at += 4;
    }
    let mut name_end = None;
    let mut verb = None;
    for (offset, word) in words_forward(&masked[at..]).take(10) {
        let bare = word.trim_end_matches(',');
        if bare.starts_with(|c: char| c.is_uppercase()) {
            if verb.is_some() || bare.len() != word.len() {
                break;
            }
            name_end = Some(at + offset + word.len());
        } else if name_end.is_some()
            && let verb_word = word.trim_end_matches(|c: char| !c.is_alphabetic())
            && FINITE_VERBS.contains(verb_word)
        {
            verb = Some((at + offset, at + offset + verb_word.len()));
            break;
        } else if !(matches!(word, "and" | "of") || name_end.is_some() && BETWEEN.contains(&word)) {
            break;
        }
    }
    Some(Cue {
        subject: (*start, name_end?),
        verb: verb?,
        inverted: false,
        agent: false,
    })
}

/// The words of `text` from its end backwards, with their byte offsets; stops at punctuation.
fn words_back(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut end = text.len();
    std::iter::from_fn(move || {
        let head = text[..end].trim_end_matches(' ');
        let start = head.rfind(' ').map_or(0, |i| i + 1);
        let word = &head[start..];
        if word.is_empty() || !word.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return None;
        }
        end = start;
        Some((start, word))
    })
}

/// The words of `text` from its start, with their byte offsets.
fn words_forward(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::patterns::{cues_of, find_cues};
    use crate::attribute::verbs::scan;
    use proptest::prelude::*;

    fn speakers(text: &str) -> Vec<&str> {
        let mut words = scan(text);
        let mut cues = cues_of(text, &mut words);
        add_sources(text, &words.listed().sources, &mut cues);
        cues.iter()
            .map(|c| &text[c.subject.0..c.subject.1])
            .collect()
    }

    #[test]
    fn a_source_tied_to_a_name_speaks_before_its_verb() {
        assert_eq!(
            speakers("A spokeswoman for Acme Video said it had rules."),
            ["A spokeswoman for Acme Video"]
        );
        assert_eq!(
            speakers("“It is late,” a senior adviser close to Ann Lee told us."),
            ["a senior adviser close to Ann Lee"]
        );
        assert_eq!(
            speakers("A spokesman for the Parks and Recreation Department also declined."),
            ["A spokesman for the Parks and Recreation Department"]
        );
    }

    #[test]
    fn other_phrases_with_a_tie_are_no_sources() {
        let unchanged = |text: &str| {
            let plain: Vec<&str> = find_cues(text)
                .iter()
                .map(|c| &text[c.subject.0..c.subject.1])
                .collect();
            speakers(text) == plain
        };
        assert!(unchanged("A letter for Ann Lee said nothing."));
        assert!(unchanged("“No,” Bo Lind, a spokesman for Ann Lee told us."));
        assert!(unchanged(
            "“No,” Bo \u{ad}Lind, a spokesman for Ann Lee told us."
        ));
        assert_eq!(
            speakers("In a speech, an adviser for Ann Lee explained why."),
            ["an adviser for Ann Lee"]
        );
        assert!(unchanged("He wrote to a lawyer for Acme Corp about it."));
        assert!(unchanged(
            "She gave a speech for Acme Corp said to be long."
        ));
    }

    /// The ties of `text` as [`SOURCE_TIE`] finds them.
    fn expected_ties(text: &str) -> Vec<(usize, usize, usize)> {
        SOURCE_TIE
            .find_iter(text)
            .map(|m| {
                let tie = m.start() + m.as_str()[..m.len() - 1].rfind(' ').unwrap_or(0);
                (m.start(), tie, m.end())
            })
            .collect()
    }

    fn found_ties(text: &str) -> Vec<(usize, usize, usize)> {
        ties(text, &scan(text).listed().sources).collect()
    }

    #[test]
    fn ties_are_the_patterns() {
        let text = "an aide close to Bo, aides for, a spokesman  for, an aide closer to, an aide to  \
                    the official at _aide at 2aide at the friend familiar with";
        assert_eq!(found_ties(text), expected_ties(text));
        let tied: Vec<&str> = found_ties(text).iter().map(|t| &text[t.0..t.2]).collect();
        assert_eq!(tied, ["aide close to ", "aide to ", "official at "]);
        // A tie's words are no nouns: the pattern's matches never overlap.
        for word in ["close", "familiar", "for", "to", "with", "at"] {
            assert!(!SOURCE_NOUNS.contains(&word));
        }
    }

    fn piece() -> impl Strategy<Value = String> {
        let mut pieces: Vec<String> = SOURCE_NOUNS.iter().map(|n| n.to_string()).collect();
        pieces.extend(
            [
                " close",
                " familiar",
                "close",
                " for ",
                "for",
                " to ",
                "to",
                " with ",
                "with ",
                " at ",
                "at",
                " ",
                "  ",
                "\u{a0}",
                "_",
                "x",
                "s",
                "2",
                "é",
                ",",
                "said",
                " Acme",
                "poll",
            ]
            .map(String::from),
        );
        proptest::sample::select(pieces)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]
        #[test]
        fn ties_match_the_pattern(pieces in proptest::collection::vec(piece(), 0..14)) {
            let text = pieces.concat();
            prop_assert_eq!(found_ties(&text), expected_ties(&text));
        }
    }
}
